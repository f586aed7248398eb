"""English clock times ("at 11 a.m.", "19:00hrs", "noon") and the day each belongs to: the
day its own clause names, else the day the text is at (the publication's in news, the
story's in a narrative), never whatever date came last."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from services.timeline.mentions import Granularity, TimexType

from .calendar import day_value, days_in_month, names_day
from .context import Context, Timex
from .lexicon import MONTH_WORD, WEEKDAY_WORD, WEEKDAYS, month_number
from .rules_relative import weekday_direction

# A zone written after the time ("3 p.m. EST") overrides the article's own clock.
_ZONES = {name: timedelta(hours=hours) for name, hours in {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2}.items()}  # fmt: skip
_DEICTIC_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# The day named after the time in its clause: "at 11 a.m. on Monday", "at 8 p.m. on 4
# November 1952", "10:35 a.m. (0735 GMT) Friday".
_ON_DAY = re.compile(
    rf"(?:\s*\([^()]{{0,20}}\))?,?\s+(?:(?i:on)\s+)?(?:(?P<day>(?i:yesterday|today|tomorrow)|{WEEKDAY_WORD})(?![\w'’])"
    rf"|(?:{WEEKDAY_WORD},?\s+)?(?:(?P<month>{MONTH_WORD})\s+(?P<md>[0-3]?\d)(?!\d)"
    rf"|(?:the\s+)?(?P<dm>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_WORD}))"
    r"(?:,?\s+(?P<year>1\d{3}|20\d\d)(?!\d))?)"
)
# At most this much between a day and the time that follows it in the same clause:
# "tomorrow at 7:30", "Monday, at 3 p.m.", "on 4 November 1952 at 8 p.m.".
_ATTACHED = re.compile(r"[\s,]*(?:(?i:at|by|around|about|from|until|before|after)\s+)?")


def clock_time(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["noon"] and ctx.text[max(0, m.start() - 5) : m.start()].lower().endswith("high "):
        return None
    hour, minute = _hour_minute(m)
    if hour is None:
        return None
    day = _clock_day(m, ctx)
    value = f"{day_value(day)}T{hour:02d}:{minute:02d}"
    named = _ZONES.get((m["tz"] or "").upper())
    if named is None:
        return Timex(TimexType.TIME, value)  # on the article's own clock
    start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone(named))
    return Timex(TimexType.TIME, value, (start, start + timedelta(minutes=1), Granularity.MINUTE))


def _hour_minute(m: re.Match[str]) -> tuple[int | None, int]:
    if m["noon"]:
        return (0 if m["noon"].lower() == "midnight" else 12), 0
    if m["h24"]:
        hours, minutes = m["h24"].split(":")
        return (int(hours), int(minutes)) if int(hours) < 24 else (None, 0)
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    meridiem = (m["ap"] or "").lower()[:1]
    if meridiem and not 1 <= hour <= 12:
        return None, 0
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 else (None, 0)


def _clock_day(m: re.Match[str], ctx: Context) -> date:
    """The day written right after the time ("11 a.m. Monday", "at 8 p.m. on 4 November"),
    else the one written right before it ("tomorrow at 7:30"), else the day the text is
    at."""
    if m["month"] or m["day"]:
        return _named_day(m, ctx, m["day"], month_word=m["month"], month_day=m["md"], year=None)
    on = _ON_DAY.match(ctx.text, m.end())
    if on:
        month = on["month"] or on["month2"]
        day = on["md"] or on["dm"]
        return _named_day(m, ctx, on["day"], month_word=month, month_day=day, year=on["year"])
    if _day_before(m, ctx):
        return ctx.anchor
    return ctx.anchor if ctx.story is not None and names_day(ctx.anchor_value) else ctx.ref


def _day_before(m: re.Match[str], ctx: Context) -> bool:
    """True when the last date read is a day that ends just before the time, in its clause."""
    end = ctx.discourse.anchor_end
    return (
        0 <= end <= m.start()
        and names_day(ctx.anchor_value)
        and _ATTACHED.fullmatch(ctx.text, end, m.start()) is not None
    )


def _named_day(
    m: re.Match[str],
    ctx: Context,
    word: str | None,
    *,
    month_word: str | None,
    month_day: str | None,
    year: str | None,
) -> date:
    if month_word and month_day:
        month, day = month_number(month_word), int(month_day)
        found = int(year) if year else ctx.partial_year(month, day, m.start(), m.end())
        return date(found, month, min(day, days_in_month(found, month)))
    word = (word or "").lower()
    if word in _DEICTIC_DAYS:
        return ctx.ref + timedelta(days=_DEICTIC_DAYS[word])
    target = WEEKDAYS[word]
    direction = weekday_direction(m, ctx, target)
    if direction == 0:
        return ctx.ref
    delta = (
        ((target - ctx.ref.weekday()) % 7 or 7)
        if direction > 0
        else -((ctx.ref.weekday() - target) % 7 or 7)
    )
    return ctx.ref + timedelta(days=delta)
