"""The UTC interval [start, end) and granularity denoted by a TimeML date/time value."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from services.timeline.mentions import Granularity

from .calendar import shift_months

Interval = tuple[datetime, datetime, Granularity]

# Parts of the day as hour ranges; night runs past midnight.
PART_HOURS: dict[str, tuple[int, int]] = {
    "MO": (6, 12),
    "AF": (12, 18),
    "EV": (18, 22),
    "NI": (20, 30),
}
# Meteorological seasons (northern hemisphere): start month and the winter's year overflow.
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _at(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        hours=hour, minutes=minute
    )


def _months(year: int, month: int, count: int, granularity: Granularity) -> Interval:
    first = date(year, month, 1)
    return _at(first), _at(shift_months(first, count)), granularity


def _year(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]), 1, 12, Granularity.YEAR)


def _decade(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]) * 10, 1, 120, Granularity.DECADE)


def _century(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]) * 100, 1, 1200, Granularity.CENTURY)


def _month(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]), int(m["m"]), 1, Granularity.MONTH)


def _quarter(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]), 3 * int(m["q"]) - 2, 3, Granularity.QUARTER)


def _half(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]), 6 * int(m["h"]) - 5, 6, Granularity.QUARTER)


def _season(m: re.Match[str]) -> Interval:
    return _months(int(m["y"]), SEASON_START[m["s"]], 3, Granularity.SEASON)


def _week(m: re.Match[str]) -> Interval:
    monday = date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
    if m["we"]:
        return _at(monday + timedelta(days=5)), _at(monday + timedelta(days=7)), Granularity.DAY
    return _at(monday), _at(monday + timedelta(days=7)), Granularity.WEEK


def _day(m: re.Match[str]) -> Interval:
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["part"]:
        first, last = PART_HOURS[m["part"]]
        return _at(day, first), _at(day, last), Granularity.PART_OF_DAY
    if m["hh"] and m["mm"]:
        start = _at(day, int(m["hh"]), int(m["mm"]))
        return start, start + timedelta(minutes=1), Granularity.MINUTE
    if m["hh"]:
        start = _at(day, int(m["hh"]))
        return start, start + timedelta(hours=1), Granularity.HOUR
    return _at(day), _at(day + timedelta(days=1)), Granularity.DAY


_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Interval]], ...] = (
    (re.compile(r"(?P<y>\d{4})"), _year),
    (re.compile(r"(?P<y>\d{3})"), _decade),
    (re.compile(r"(?P<y>\d{2})"), _century),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)"), _month),
    (re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])"), _quarter),
    (re.compile(r"(?P<y>\d{4})-H(?P<h>[12])"), _half),
    (re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)"), _season),
    (re.compile(r"(?P<y>\d{4})-W(?P<w>\d\d)(?P<we>-WE)?"), _week),
    (
        re.compile(
            r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
            r"(?:T(?:(?P<part>MO|AF|EV|NI)|(?P<hh>\d\d)(?::(?P<mm>\d\d))?))?"
        ),
        _day,
    ),
)


def interval_of(value: str) -> Interval | None:
    """[start, end) in UTC for a fully specified TimeML value; None for durations, sets,
    references like PRESENT_REF and values with unknown digits (X)."""
    for pattern, build in _FORMS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return build(match)
            except (ValueError, OverflowError):  # the calendar's edge (year 1 or 9999)
                return None
    return None
