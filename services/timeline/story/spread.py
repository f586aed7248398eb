"""Choosing days spread over the story's span: a long story is not thirty days of one week.

The best-supported days of a long story crowd into its busiest weeks, where every outlet
writes every day; the quieter months hold events a reader still expects (a well sealed, a
verdict). Days are taken greedily, best first; once a day is taken, every day within
`spread_width` average spacings of it (the span's length over the number of dates asked for)
loses up to `spread` of its evidence, the most when adjacent, nothing at the edge of the
width. A short story's spacing is a day or two, so its days are left nearly alone; a long
one's is weeks, so the next pick moves on to another part of the story. Penalties only
grow, so a lazy priority queue finds each next day without rescoring them all.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from services.timeline.events import Anchor

from .evidence import Vote
from .model import StoryMethod

BURST_DAYS = 2  # a day and the next: the reports of an event come out then
BASELINE_DAYS = 15  # either side: the month around a day sets what is ordinary for it


def publication_days(cast: Sequence[Vote]) -> Counter[date]:
    """How many articles of the selection were published on each day."""
    return Counter(v.day for _, i, v in cast if i.anchor is Anchor.PUBLICATION)


def weigh_bursts(
    values: Mapping[date, float], published: Mapping[date, int], exponent: float
) -> dict[date, float]:
    """Each day's evidence times its burst to the power `exponent`: the rate of publication
    on the day and the next over the rate in the month around it (each plus one, so a quiet
    stretch is not divided by nothing). A day the outlets rush to report stands out of its
    weeks; a day inside weeks of steady coverage does not, however busy they are."""
    if not published:
        return dict(values)
    first = min(published)
    span = (max(published) - first).days + 1 + 2 * BASELINE_DAYS
    daily = [0] * span  # publications by day from first - BASELINE_DAYS
    for day, count in published.items():
        daily[(day - first).days + BASELINE_DAYS] = count
    running = [0, *daily]
    for k in range(1, len(running)):
        running[k] += running[k - 1]

    def between(start: int, end: int) -> int:  # publications on days [start, end)
        start, end = max(0, min(start, span)), max(0, min(end, span))
        return running[end] - running[start]

    weighed = {}
    for day, value in values.items():
        k = (day - first).days + BASELINE_DAYS
        burst = between(k, k + BURST_DAYS) / BURST_DAYS
        usual = between(k - BASELINE_DAYS, k + BASELINE_DAYS + 1) / (2 * BASELINE_DAYS + 1)
        weighed[day] = value * ((1.0 + burst) / (1.0 + usual)) ** exponent
    return weighed


def spread_days(
    values: Mapping[date, float], count: int, span: tuple[date, date], method: StoryMethod
) -> list[date]:
    """Up to `count` days of `values` (each day's evidence), in the order taken."""
    first, last = span
    width = method.spread_width * max(1.0, ((last - first).days + 1) / max(count, 1))
    reach = int(width)
    penalty = dict.fromkeys(values, 0.0)
    queue = [(-value, day.toordinal(), day) for day, value in values.items()]
    heapq.heapify(queue)
    chosen: list[date] = []
    while queue and len(chosen) < count:
        stored, ordinal, day = heapq.heappop(queue)
        current = -values[day] * (1.0 - method.spread * penalty[day])
        if current > stored + 1e-12:  # its penalty grew since it was queued: queue it again
            heapq.heappush(queue, (current, ordinal, day))
            continue
        chosen.append(day)
        penalty.pop(day)
        for offset in range(-reach, reach + 1):
            near = day + timedelta(days=offset)
            if near in penalty:
                penalty[near] = max(penalty[near], 1.0 - abs(offset) / width)
    return chosen
