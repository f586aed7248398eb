"""Durations, sets (every week, daily) and the vague references PRESENT_REF, PAST_REF and
FUTURE_REF."""

from __future__ import annotations

import re

from services.timeline.mentions import Granularity, TimexType

from .context import Context, Timex
from .intervals import Interval
from .lexicon import (
    PART_OF_DAY,
    UNITS,
    WEEKDAYS,
    month_number,
    parse_quantity,
)
from .units import move, move_instant, unit_key, unit_value

# An amount just before "a year" makes it a rate ("$2 a year"); a sentence end between
# them ("in 1989. Over a minute...") does not.
_RATE_BEFORE = re.compile(
    r"(?:\d|%|(?i:percent|million|billion|times|twice|once|cents?|dollars?))[^\s.;]*\s+"
    r"(?:[^\s.;]+\s+)?$"
)
_AGE = re.compile(r"[\s-]+(?i:old)\b")
_UNIT_GRANULARITY = {
    "second": Granularity.MINUTE, "minute": Granularity.MINUTE, "hour": Granularity.HOUR,
    "day": Granularity.DAY, "week": Granularity.WEEK, "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER, "year": Granularity.YEAR, "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
}  # fmt: skip


_SMALLER = {
    "year": ("month", 12),
    "hour": ("minute", 60),
    "day": ("hour", 24),
    "minute": ("second", 60),
}


def duration_value(count: float | None, unit: str) -> str:
    """'2 1/2 years' -> P2Y6M: TimeML writes fractions in the next smaller unit."""
    if count is not None and not float(count).is_integer() and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        whole = duration_value(int(count), unit)
        rest = duration_value(round((count - int(count)) * per), smaller)
        tail = rest[1:]
        return whole + (tail.removeprefix("T") if "T" in whole else tail)
    letter, clock = UNITS[unit]
    if letter in {"DE", "CE"}:
        scale = 10 if letter == "DE" else 100
        amount = "X" if count is None else _number(count * scale)
        return f"P{amount}Y"
    amount = "X" if count is None else _number(count)
    return f"P{'T' if clock else ''}{amount}{letter}"


def _number(count: float) -> str:
    return str(int(count)) if float(count).is_integer() else f"{count:g}"


def count_of(words: str, half: str | None = None) -> float | None:
    fraction = re.fullmatch(r"(\d+)\s+(\d)/(\d)", words.strip())
    if fraction:
        return int(fraction[1]) + int(fraction[2]) / int(fraction[3])
    whole = parse_quantity(words)
    return whole + 0.5 if whole is not None and half else whole


def duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_key(m["unit"])
    quantity = m["q"].lower()
    if quantity in {"a", "an"} and unit in {"second", "quarter"}:
        return None
    if unit == "quarter" and "-" in m[0] and m["unit"].lower().endswith("s"):
        return None  # "three-quarters" is a fraction
    if quantity.isdigit() and int(quantity) >= 1000 and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter": a year, not 1988 seconds
    if _AGE.match(ctx.text, m.end()) or (quantity.isdigit() and m["unit"].istitle()):
        return None  # an age ("52 years old") or a title ("60 Minutes")
    if quantity in {"a", "an"} and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return Timex(TimexType.SET, duration_value(1, unit), anchors=False)
    count = count_of(m["q"], m["half"] or m["half_after"])
    value = duration_value(count, unit)
    position = (m["pos"] or "").lower()
    interval = None if count is None else reach(ctx, unit, count, position)
    return Timex(TimexType.DURATION, value, interval, anchors=False)


def reach(ctx: Context, unit: str, count: float, position: str) -> Interval | None:
    """Durations counted back from publication ('the past three months') or forward from it
    ('the next two weeks') denote that stretch of time; others float."""
    pub = ctx.published_at
    if position in {"past", "last", "previous"}:
        return move_instant(pub, unit, -count), pub, _UNIT_GRANULARITY[unit]
    if position in {"next", "coming"}:
        return pub, move_instant(pub, unit, count), _UNIT_GRANULARITY[unit]
    return None


# Prepositions that make "the next year" a stretch of time rather than a point in it.
_LENGTH_BEFORE = re.compile(r"(?i:over|for|within|during|throughout|through|in)\s+$")


def past_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the past year' is a length that ends at the publication. In a story, 'the next
    year' is the story's year after, as 'the following year' is, unless a preposition
    makes it a stretch ('over the next year')."""
    unit = unit_key(m["unit"])
    position = m["pos"].lower()
    in_story = position == "next" and ctx.story is not None and not ctx.story_era
    if in_story and not _LENGTH_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return Timex(TimexType.DATE, unit_value(move(ctx.anchor_for(unit), unit, 1), unit))
    value = duration_value(1, unit)
    return Timex(TimexType.DURATION, value, reach(ctx, unit, 1, position), anchors=False)


def the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the year ended March 31' is a fiscal year's length; otherwise, in news, 'the year'
    is the current one ('for the full year', 'the end of the year')."""
    if re.match(r"\s+(?i:ended|ending)\b", ctx.text[m.end() : m.end() + 10]):
        return Timex(TimexType.DURATION, "P1Y", anchors=False)
    return Timex(TimexType.DATE, ctx.story_year(), anchors=False)


def year_end(_m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, ctx.story_year(), anchors=False)


def vague_plural(m: re.Match[str], _ctx: Context) -> Timex | None:
    return Timex(TimexType.DURATION, duration_value(None, unit_key(m["unit"])), anchors=False)


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D"}  # fmt: skip


def recurrence(m: re.Match[str], _ctx: Context) -> Timex | None:
    if m["days"]:
        return _weekdays(m["days"], m["part"])
    word = (m["unit"] or m["adverb"]).lower()
    if word in PART_OF_DAY:
        return Timex(TimexType.SET, f"XXXX-XX-XXT{PART_OF_DAY[word]}", anchors=False)
    if word in _SET_WORDS:
        return Timex(TimexType.SET, _SET_WORDS[word], anchors=False)
    if word in WEEKDAYS:
        return Timex(TimexType.SET, f"XXXX-WXX-{WEEKDAYS[word] + 1}", anchors=False)
    if m["month"]:
        return Timex(TimexType.SET, f"XXXX-{month_number(word):02d}", anchors=False)
    return Timex(TimexType.SET, duration_value(1, unit_key(word)), anchors=False)


def _weekdays(day: str, part: str | None) -> Timex:
    """A weekday in the plural ("on Tuesdays", "Tuesday nights") recurs every week."""
    value = f"XXXX-WXX-{WEEKDAYS[day.lower()] + 1}"
    if part:
        value += f"T{PART_OF_DAY[part.lower().rstrip('s')]}"
    return Timex(TimexType.SET, value, anchors=False)


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "then current": "PAST_REF", "then-current": "PAST_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF",
    "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "a later date": "FUTURE_REF",
}  # fmt: skip


def reference(m: re.Match[str], _ctx: Context) -> Timex | None:
    word = " ".join(m["word"].lower().split())
    if word.startswith("recent ") and word != "recent years":
        unit = unit_key(word.split()[1])
        return Timex(TimexType.DURATION, duration_value(None, unit), anchors=False)
    if word.startswith("recent "):
        return Timex(TimexType.DATE, "PAST_REF", anchors=False)
    return Timex(TimexType.DATE, _REFS[word], anchors=False)
