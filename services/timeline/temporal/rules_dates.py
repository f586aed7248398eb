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
from .context import Context, Rule, Timex, deictic, trigger_words
from .lexicon import (
    MONTH_FULL,
    MONTH_FULL_TRIGGERS,
    MONTH_TRIGGERS,
    MONTH_WORD,
    WEEKDAY_WORD,
    month_number,
)
from .tense import deadline_ahead

_B = r"(?<![\w$€£#.,/])(?<![\d$€£#.,/][-–])"
_DAY_END = r"(?![\d%]|:\d|\.\d|,\d{3})"
# Modifiers belong to the TimeML extent but not to the value.
MOD = r"(?:(?i:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
# "the week of March 6" names the week that holds the day.
_WEEK_OF = r"(?:(?P<week>(?i:the\s+week\s+of))\s+)?"


def _checked_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Dates joined into a span or a list share the year written on the last of them: "April
# 24 and 25, 1999", "31 May-1 June 1916", "in April and June 1955".
_DASH = r"[-–—]"
_JOINED_YEAR = re.compile(
    rf"\s*(?:and|or|to|through|until|till|{_DASH})\s*(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?"
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
    found = _checked_day(_year_or_closest(m, ctx, month, day), month, day)
    if found is None:
        return None
    if not m["year"] and ctx.story_era and found.year == (ctx.story or found).year:
        # A day in a story told before the era: no interval a timeline can hold.
        return Timex(TimexType.DATE, f"{ctx.story_era}{day_value(found)}", anchors=False)
    if "week" in m.re.groupindex and m["week"]:
        return Timex(TimexType.DATE, week_value(found))
    return Timex(TimexType.DATE, day_value(found))


def full_year(year: int, ref: date) -> int:
    """Two-digit years fall in the century that puts them at most ten years ahead."""
    if year >= 100:
        return year
    full = ref.year // 100 * 100 + year
    return full - 100 if full > ref.year + 10 else full


def _date_timex(year: int, month: int, day: int) -> Timex | None:
    found = _checked_day(year, month, day)
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


RULES = (
    Rule(
        "weekday-month-day-year",
        re.compile(
            rf"{_B}{_WEEK_OF}{MOD}(?:{WEEKDAY_WORD},?\s+)?(?P<month>{MONTH_WORD})\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?{_DAY_END}(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?"
        ),
        month_day,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        "day-month-year",
        re.compile(
            rf"{_B}{_WEEK_OF}{MOD}(?:{WEEKDAY_WORD},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?(?!\w)"
        ),
        month_day,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        "second-day",
        re.compile(
            rf"{_B}(?P<month>{MONTH_WORD})\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|or|to|through|-)\s*"
            rf"(?P<t>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DAY_END}(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?)"
            # "Dec. 1 to 5 people" counts people: a content word after the number is no date.
            r"(?!\s+(?!(?:and|or|in|at|on|of|to|for|as|when|while|before|after|but|the|a|an"
            r"|with|by|from)\b)[a-z])"
        ),
        # "April 24 and 25": the second day shares the first one's month (and year).
        month_day,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        # "14 August-24 August", "6-7 January 1916": the day after the dash of a span.
        "day-month-after-dash",
        re.compile(
            rf"(?:{MONTH_WORD}|(?<![\d.,])[0-3]?\d)\s*{_DASH}\s*(?P<t>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?)(?!\w)"
        ),
        month_day,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        # "6" in "6-7 January 1916": the first day of a span shares the second's month.
        "day-before-dash",
        re.compile(
            rf"(?<![\w.,/-])(?P<t>(?P<day>[0-3]?\d))(?:st|nd|rd|th)?\s*{_DASH}\s*[0-3]?\d"
            rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?(?!\w)"
        ),
        month_day,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        "iso-date",
        re.compile(r"(?<![\w.-])(?P<year>\d{4})-(?P<a>\d\d)-(?P<b>\d\d)(?![\w-])"),
        iso_date,
        trigger_words("#y"),
    ),
    Rule(
        "numeric-date",
        re.compile(
            r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<year>\d{4}|\d\d)(?![\w/]|\.\d)"
        ),
        numeric_date,
        trigger_words("#d"),
    ),
    Rule(
        "month-year",
        re.compile(
            rf"{_B}{MOD}(?P<month>{MONTH_WORD})(?:,?\s+(?:of\s+)?)(?:(?P<year>1\d{{3}}|20\d\d)(?!\d)"
            r"|(?P<yrel>(?i:last|this|next))\s+(?i:year)(?![\w'’]))"
        ),
        month_year,
        trigger_words(MONTH_TRIGGERS),
    ),
    Rule(
        "bare-month",
        re.compile(
            rf"{_B}{MOD}(?:(?P<rel>(?i:last|this|next))\s+)?(?P<month>{MONTH_FULL})(?![\w])"
        ),
        bare_month,
        trigger_words(MONTH_FULL_TRIGGERS),
    ),
)
