"""Quarters, halves, seasons, holidays and clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from services.timeline.mentions import TimexType

from .calendar import (
    day_value,
    nth_weekday,
    quarter_of,
    quarter_value,
)
from .context import Context, Timex, deictic
from .lexicon import MONTH_WORD, ORDINALS, SEASONS, month_number
from .patterns_en import SEASON_EVENT
from .units import move

_YEAR_WORDS = {"this": 0, "last": -1, "next": 1}


def _explicit_year(m: re.Match[str], ctx: Context) -> int | None:
    if m["year"]:
        return int(m["year"])
    if "year0" in m.re.groupindex and m["year0"]:
        return int(m["year0"])
    if m["yrel"]:
        return ctx.ref.year + _YEAR_WORDS[m["yrel"].lower()]
    return None


def _period_year(m: re.Match[str], ctx: Context, index: int, current: int) -> int:
    """Year of the n-th quarter (or half) when none is given: this year's, unless the tense
    points across the year boundary."""
    explicit = _explicit_year(m, ctx)
    if explicit is not None:
        return explicit
    tense = ctx.tense(m.start(), m.end())
    if tense == "future" and index < current - 1:
        return ctx.ref.year + 1
    if index > current and tense != "future":
        return ctx.ref.year - 1
    return ctx.ref.year


_ENDED_IN_YEAR = re.compile(
    rf",?\s+(?i:ended|ending)\s+{MONTH_WORD}\s+\d\d?,\s+(?P<year>(?:19|20)\d\d)"
)


def nth_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    quarter = ORDINALS.get(m["ord"].lower()) if m["ord"] else int(m["qn"])
    if quarter is None or not 1 <= quarter <= 4:
        return None
    # "the second quarter ended Oct. 31, 1988" is dated by its end.
    ended = _ENDED_IN_YEAR.match(ctx.text, m.end())
    year = int(ended["year"]) if ended else _period_year(m, ctx, quarter, quarter_of(ctx.ref))
    # A forecast for a quarter not yet over ("weakness into the fourth quarter") is no
    # reporting period: 'the year-ago period' after it still means the reported one.
    forecast = date(year, 3 * quarter, 1) > ctx.ref and ctx.tense(m.start(), m.end()) == "future"
    fiscal = "fiscal" in m.group().lower()
    return Timex(TimexType.DATE, quarter_value(year, quarter), anchors=not forecast, fiscal=fiscal)


def nth_half(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the last half' is the second; 'the first two quarters of 1990' the first half."""
    half = 1 if m["ord"].lower() == "first" else 2
    if m["qyear"]:
        return Timex(TimexType.DATE, f"{int(m['qyear']):04d}-H{half}")
    year = _period_year(m, ctx, half, 1 if ctx.ref.month <= 6 else 2)
    return Timex(TimexType.DATE, f"{year:04d}-H{half}")


_ENDED = re.compile(rf"\s+(?i:ended|ending)\s+(?P<month>{MONTH_WORD})")


def named_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the latest quarter' is the last one completed; 'the quarter' the one just talked
    about, or failing that the last one completed."""
    word = (m["rel"] or "").lower()
    ended = _ENDED.match(ctx.text, m.end())
    if ended:
        if ctx.fiscal and ctx.period:
            return Timex(TimexType.DATE, ctx.period)
        # A quarter ending with a month holds that month and the two before it, so
        # it is named for the calendar quarter of the middle one ("ended July 31" is Q2).
        month = month_number(ended["month"])
        year = ctx.ref.year if month <= ctx.ref.month else ctx.ref.year - 1
        middle = move(date(year, month, 1), "month", -1)
        return Timex(TimexType.DATE, quarter_value(middle.year, quarter_of(middle)))
    if word == "current":
        return Timex(TimexType.DATE, quarter_value(ctx.ref.year, quarter_of(ctx.ref)))
    if not word and ctx.period:
        return Timex(TimexType.DATE, ctx.period)
    if not word and ctx.anchor_value[4:6] == "-Q":
        return Timex(TimexType.DATE, ctx.anchor_value)
    previous = move(ctx.ref, "quarter", -1)
    return Timex(TimexType.DATE, quarter_value(previous.year, quarter_of(previous)))


def _season_start(year: int, code: str) -> date:
    return date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code], 1)


def season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Timex(TimexType.DATE, f"{m['year']}-{code}")
    relation = " ".join((m["rel"] or "").lower().split())
    # "fall" is too often a noun ("the fall in prices") to stand without a preposition.
    bare_article = m["t"].lower().startswith("the") and code != "FA"
    if not (relation or m["cue"] or bare_article or _season_of_event(ctx, m)):
        return None
    if ctx.story and relation not in {"last", "this past"}:
        # In a story "the summer" is the story's; "the next spring" the one after it.
        return Timex(TimexType.DATE, f"{ctx.story_year(relation == 'next')}-{code}")
    if not relation:
        tense = ctx.tense(m.start(), m.end())
        relation = {"future": "coming", "past": "latest"}.get(tense, "this")
    timex = Timex(TimexType.DATE, f"{_season_year(ctx.ref, code, relation):04d}-{code}")
    return deictic(timex) if m["rel"] else timex


# A season that names when an event or a stay happened: "the summer offensive", "winter
# quarters", "the fall campaign"; and one joined to such a season ("the spring and summer").
_EVENT_AFTER = re.compile(rf"\s+{SEASON_EVENT}")
_SEASON_BEFORE = re.compile(r"(?i:spring|summer|fall|autumn|winter)\s+(?i:and|or)\s+$")


def _season_of_event(ctx: Context, m: re.Match[str]) -> bool:
    return bool(
        _EVENT_AFTER.match(ctx.text, m.end())
        or _SEASON_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    )


def _season_year(ref: date, code: str, relation: str) -> int:
    spans = [(y, _season_start(y, code)) for y in range(ref.year - 2, ref.year + 2)]
    spans_end = [(y, first, move(first, "month", 3)) for y, first in spans]
    if relation == "last":
        return max(y for y, _, end in spans_end if end <= ref)
    if relation == "next":
        return min(y for y, first, _ in spans_end if first > ref)
    if relation in {"latest", "this past"}:
        return max(y for y, first, _ in spans_end if first <= ref)
    if relation == "coming":
        return min(y for y, _, end in spans_end if end > ref)
    for y, first, end in spans_end:
        if first <= ref < end:
            return y
    return ref.year


_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "fourth of july": (7, 4), "july fourth": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11),
}  # fmt: skip
_FLOATING = {"thanksgiving": (11, 3, 4), "labor day": (9, 0, 1), "mother's day": (5, 6, 2),
             "election day": (11, 0, 1)}  # fmt: skip


def holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = " ".join(m["name"].lower().replace("’", "'").split())
    name = name if name in _FLOATING else name.removesuffix(" day")
    if name in _FLOATING:
        month, weekday, nth = _FLOATING[name]
        year = (m["year"] and int(m["year"])) or ctx.partial_year(month, 25, m.start(), m.end())
        found = nth_weekday(year, month, weekday, nth)
        # US Election Day is the Tuesday after the first Monday of November.
        return Timex(TimexType.DATE, day_value(found + timedelta(days=name == "election day")))
    month, day = _HOLIDAYS.get(name) or _HOLIDAYS[name + " day"]
    year = int(m["year"]) if m["year"] else ctx.partial_year(month, day, m.start(), m.end())
    return Timex(TimexType.DATE, day_value(date(year, month, day)))
