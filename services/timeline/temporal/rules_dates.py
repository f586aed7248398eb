"""English calendar dates: month and day, month and year, numeric dates, bare months."""

from __future__ import annotations

import re
from datetime import date

from services.timeline.mentions import TimexType

from .calendar import (
    closest_month_year,
    day_value,
    month_value,
    week_value,
)
from .context import Context, Timex, deictic
from .lexicon import (
    MONTH_WORD,
    month_number,
)
from .patterns_en import DASH
from .tense import deadline_ahead


def checked_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Dates joined into a span or a list share the year written on the last of them: "April
# 24 and 25, 1999", "31 May-1 June 1916", "in April and June 1955".
_JOINED_YEAR = re.compile(
    rf"\s*(?:and|or|to|through|until|till|{DASH})\s*(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?"
    rf"(?:\s+(?:of\s+)?{MONTH_WORD})?|{MONTH_WORD}(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?),?\s+"
    r"(?P<year>1\d{3}|20\d\d)(?!\d)"
)


def joined_year(ctx: Context, end: int) -> int | None:
    """The year written on the dates joined to the one that ends at `end`."""
    joined = _JOINED_YEAR.match(ctx.text, end)
    return int(joined["year"]) if joined else None


def _year_or_closest(m: re.Match[str], ctx: Context, month: int, day: int) -> int:
    if m["year"]:
        return int(m["year"])
    joined = joined_year(ctx, m.end())
    if joined:
        return joined
    return ctx.partial_year(month, day, m.start(), m.end())


def month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    month, day = month_number(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    found = checked_day(_year_or_closest(m, ctx, month, day), month, day)
    if found is None:
        return None
    if not m["year"] and ctx.story_era and found.year == (ctx.story or found).year:
        # A day in a story told before the era: no interval a timeline can hold.
        return Timex(TimexType.DATE, f"{ctx.story_era}{day_value(found)}", anchors=False)
    if "week" in m.re.groupindex and m["week"]:
        return Timex(TimexType.DATE, week_value(found))
    return Timex(TimexType.DATE, day_value(found))


# Hours after midnight are named for the morning they begin ("the early morning hours").
_PART_OF_DATE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def part_of_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the night of 13 May', 'early in the morning of 29 April 1975': a part of the day
    that the date names, so one time with its part of day (1862-05-13TNI)."""
    day = month_day(m, ctx)
    if day is None or len(day.value) != len("YYYY-MM-DD"):
        return None
    words = m["part"].lower().split()
    code = _PART_OF_DATE.get(words[0], "MO")
    return Timex(TimexType.TIME, f"{day.value}T{code}")


def full_year(year: int, ref: date) -> int:
    """Two-digit years fall in the century that puts them at most ten years ahead."""
    if year >= 100:
        return year
    full = ref.year // 100 * 100 + year
    return full - 100 if full > ref.year + 10 else full


def _date_timex(year: int, month: int, day: int) -> Timex | None:
    found = checked_day(year, month, day)
    return Timex(TimexType.DATE, day_value(found)) if found else None


def iso_date(m: re.Match[str], _ctx: Context) -> Timex | None:
    return _date_timex(int(m["year"]), int(m["a"]), int(m["b"]))


def numeric_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """Month first in English (12/13/2025), day first elsewhere (13.12.2025)."""
    first, second = int(m["a"]), int(m["b"])
    month, day = (first, second) if ctx.language == "en" else (second, first)
    return _date_timex(full_year(int(m["year"]), ctx.ref), month, day)


def month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["year"]:
        year = int(m["year"])
    else:
        year = ctx.ref.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return deictic(Timex(TimexType.DATE, month_value(year, month_number(m["month"]))))
    return Timex(TimexType.DATE, month_value(year, month_number(m["month"])))


# "may" and "march" are verbs too; as months they follow a preposition or a modifier.
_MONTH_CUE = re.compile(
    r"(?i:in|since|until|till|by|of|during|through|from|to|before|after|between|and|or"
    r"|last|this|next|early|late|mid|end|beginning|start|middle|since|for|on|the)[\s-]*$"
)


def bare_month(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m["month"]
    month = month_number(word)
    if word.lower() in {"may", "march"} and not _MONTH_CUE.search(
        ctx.text[max(0, m.start() - 12) : m.start("month")]
    ):
        return None
    joined = joined_year(ctx, m.end())
    if joined:
        return Timex(TimexType.DATE, month_value(joined, month))
    relation = (m["rel"] or "").lower()
    if relation:
        year = _related_month_year(relation, month, ctx.ref)
        return deictic(Timex(TimexType.DATE, month_value(year, month)))
    if ctx.story:
        return Timex(TimexType.DATE, f"{ctx.story_year()}-{month:02d}")
    tense = ctx.tense(m.start(), m.end())
    if deadline_ahead(ctx.text, m.start(), (month - ctx.ref.month) % 12):
        tense = "future"
    return Timex(TimexType.DATE, month_value(closest_month_year(ctx.ref, month, tense), month))


def _related_month_year(relation: str, month: int, ref: date) -> int:
    """'last March' is the latest March before the publication's month, 'next March' the
    first after it, 'this March' the one of the publication's year."""
    if relation == "last":
        return ref.year if month < ref.month else ref.year - 1
    if relation == "next":
        return ref.year if month > ref.month else ref.year + 1
    return ref.year
