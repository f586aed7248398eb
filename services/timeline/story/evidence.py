"""Which days a selection points to, and how strongly: the date half of a story timeline.

A day is worth what the articles say about it. An article points to a day by naming it
(an explicit mention of day precision or finer) or by being published on it; it counts once
per day however often it names it, so a day named by ten outlets outweighs a day that one
article's background names ten times. A day still ahead of the article (a hearing, a
deadline) is announced rather than reported, so its mention weighs less.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import NamedTuple

from services.timeline.events import Anchor
from services.timeline.mentions import Granularity

from .model import StoryArticle, StoryIncident, StoryMethod, StoryRequest

DAY_RANK = Granularity.DAY.rank
# Granularity.rank searches the enum; a story reads it for every incident of the selection.
FINE_ENOUGH = frozenset(g for g in Granularity if g.rank <= DAY_RANK)


class Pointer(NamedTuple):
    """One incident's vote for a day."""

    day: date
    weight: float


Vote = tuple[int, StoryIncident, Pointer]  # input position, incident, its vote


def day_of(start: datetime, end: datetime) -> date:
    """The calendar day an interval stands for: its middle, so that a day in a zone ahead
    of UTC (which starts on the previous UTC day) is still that day."""
    return (start + (end - start) / 2).date()


def closeness(day: date, published: date, method: StoryMethod) -> float:
    """Weight of a mention of `day` in an article published on `published`."""
    ahead = method.ahead_weight if day > published else 1.0
    if method.report_days is not None and (published - day).days > method.report_days:
        ahead *= method.background_weight
    if method.closeness_days is None:
        return ahead
    return ahead / (1.0 + abs((day - published).days) / method.closeness_days)


def pointer(
    incident: StoryIncident, article: StoryArticle | None, method: StoryMethod
) -> Pointer | None:
    """The day `incident` votes for and the weight of its vote, or None."""
    if incident.anchor is Anchor.PUBLICATION:
        if method.publication_weight <= 0:
            return None
        return Pointer(incident.start.date(), method.publication_weight)
    if incident.granularity in FINE_ENOUGH:
        day = day_of(incident.start, incident.end)
    elif method.day_only:
        return None
    else:
        day = incident.start.date()  # a month or a year read as its first day
    if article is None:
        return Pointer(day, 1.0)
    return Pointer(day, closeness(day, article.published_at.date(), method))


def in_window(day: date, request: StoryRequest) -> bool:
    if request.first_day is not None and day < request.first_day:
        return False
    return request.last_day is None or day <= request.last_day


def cast_votes(
    incidents: Iterable[StoryIncident], articles: Mapping[str, StoryArticle], method: StoryMethod
) -> list[Vote]:
    """Every incident that votes for a day, with its vote, numbered by input position."""
    found = []
    for order, incident in enumerate(incidents):
        vote = pointer(incident, articles.get(incident.article_id), method)
        if vote is not None:
            found.append((order, incident, vote))
    return found


def votes(
    incidents: Iterable[StoryIncident],
    articles: Mapping[str, StoryArticle],
    method: StoryMethod,
    request: StoryRequest,
) -> list[Vote]:
    """Every incident that votes for a day in the window, with its vote."""
    return [v for v in cast_votes(incidents, articles, method) if in_window(v[2].day, request)]


def day_evidence(cast: Iterable[Vote], method: StoryMethod) -> dict[date, dict[str, float]]:
    """For every day voted for, each pointing article and the weight of its evidence."""
    evidence: dict[date, dict[str, float]] = defaultdict(dict)
    for _, incident, vote in cast:
        by_article = evidence[vote.day]
        held = by_article.get(incident.article_id, 0.0)
        if method.distinct_articles:
            by_article[incident.article_id] = max(held, vote.weight)
        else:
            by_article[incident.article_id] = held + vote.weight
    return evidence


def top_days(evidence: Mapping[date, Mapping[str, float]], count: int) -> list[date]:
    """The `count` best-supported days, best first; ties go to the earlier day."""
    ranked = sorted(evidence, key=lambda day: (-score(evidence[day]), day))
    return ranked[:count]


def score(by_article: Mapping[str, float]) -> float:
    """A day's evidence; fsum, so that the order articles came in cannot change it."""
    return math.fsum(by_article.values())
