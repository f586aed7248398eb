"""The UTC interval [start, end) and granularity denoted by a TimeML date/time value.

TimeML values are local (floating) times: "2025-11-19" is that day on the article's own
calendar. The interval is that local span converted to UTC, so "yesterday" written at
-05:00 runs from 05:00Z to 05:00Z, and across a daylight-saving change a day may last 23
or 25 hours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

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


def _at(day: date, hour: int = 0, minute: int = 0, zone: tzinfo = UTC) -> datetime:
    """The UTC instant of a wall-clock time on `day` in `zone`; hours past 24 run into the
    next day (night ends at 06:00 the morning after)."""
    day += timedelta(days=hour // 24)
    local = datetime(day.year, day.month, day.day, hour % 24, minute, tzinfo=zone)
    return local.astimezone(UTC)


def _months(year: int, month: int, count: int, granularity: Granularity, zone: tzinfo) -> Interval:
    first = date(year, month, 1)
    return _at(first, zone=zone), _at(shift_months(first, count), zone=zone), granularity


def _year(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]), 1, 12, Granularity.YEAR, zone)


def _decade(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]) * 10, 1, 120, Granularity.DECADE, zone)


def _century(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]) * 100, 1, 1200, Granularity.CENTURY, zone)


def _month(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]), int(m["m"]), 1, Granularity.MONTH, zone)


def _quarter(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]), 3 * int(m["q"]) - 2, 3, Granularity.QUARTER, zone)


def _half(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]), 6 * int(m["h"]) - 5, 6, Granularity.QUARTER, zone)


def _season(m: re.Match[str], zone: tzinfo) -> Interval:
    return _months(int(m["y"]), SEASON_START[m["s"]], 3, Granularity.SEASON, zone)


def _week(m: re.Match[str], zone: tzinfo) -> Interval:
    monday = date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
    first, granularity = (
        (monday + timedelta(days=5), Granularity.DAY) if m["we"] else (monday, Granularity.WEEK)
    )
    return _at(first, zone=zone), _at(monday + timedelta(days=7), zone=zone), granularity


def _day(m: re.Match[str], zone: tzinfo) -> Interval:
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["part"]:
        first, last = PART_HOURS[m["part"]]
        return _at(day, first, zone=zone), _at(day, last, zone=zone), Granularity.PART_OF_DAY
    if m["hh"] and m["mm"]:
        start = _at(day, int(m["hh"]), int(m["mm"]), zone)
        return start, start + timedelta(minutes=1), Granularity.MINUTE
    if m["hh"]:
        start = _at(day, int(m["hh"]), zone=zone)
        return start, start + timedelta(hours=1), Granularity.HOUR
    return _at(day, zone=zone), _at(day + timedelta(days=1), zone=zone), Granularity.DAY


_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], tzinfo], Interval]], ...] = (
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


def interval_of(value: str, zone: tzinfo = UTC) -> Interval | None:
    """[start, end) in UTC of a fully specified TimeML value read on the calendar of `zone`;
    None for durations, sets, references like PRESENT_REF and values with unknown digits."""
    for pattern, build in _FORMS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return build(match, zone)
            except (ValueError, OverflowError):  # the calendar's edge (year 1 or 9999)
                return None
    return None
