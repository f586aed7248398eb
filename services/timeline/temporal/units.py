"""Calendar units as values: the unit containing a date, and a date moved by whole units."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from .calendar import day_value, month_value, quarter_of, quarter_value, shift_months, week_value

_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
_DAYS_PER_UNIT = {"day": 1, "week": 7, "weekend": 7}


def unit_key(word: str) -> str:
    word = word.lower().rstrip("s")
    return "century" if word.startswith("centur") else word


def move(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (negative: back in time)."""
    if unit in _DAYS_PER_UNIT:
        return day + timedelta(days=count * _DAYS_PER_UNIT[unit])
    return shift_months(day, count * _MONTHS_PER_UNIT[unit])


def move_instant(instant: datetime, unit: str, count: float) -> datetime:
    """Instant moved by a possibly fractional number of clock units (elapsed time) or whole
    calendar units (on the wall clock of the instant's zone, so a day across a
    daylight-saving change ends at the same local time)."""
    clock = {"second": 1, "minute": 60, "hour": 3600}
    if unit in clock:
        return (instant.astimezone(UTC) + timedelta(seconds=count * clock[unit])).astimezone(
            instant.tzinfo
        )
    if unit in _DAYS_PER_UNIT:
        return instant + timedelta(days=count * _DAYS_PER_UNIT[unit])
    months = round(count * _MONTHS_PER_UNIT[unit])
    moved = shift_months(instant.date(), months)
    return instant.replace(year=moved.year, month=moved.month, day=moved.day)


_FORMATTERS: dict[str, Callable[[date], str]] = {
    "day": day_value,
    "week": week_value,
    "weekend": lambda day: week_value(day) + "-WE",
    "month": lambda day: month_value(day.year, day.month),
    "quarter": lambda day: quarter_value(day.year, quarter_of(day)),
    "decade": lambda day: f"{day.year // 10:03d}",
    "century": lambda day: f"{day.year // 100:02d}",
}


def unit_value(day: date, unit: str) -> str:
    """TimeML value of the `unit` (day, week, month, ...) that contains `day`."""
    formatter = _FORMATTERS.get(unit)
    return formatter(day) if formatter else f"{day.year:04d}"


def value_unit(value: str) -> str | None:
    """Granularity word of a TimeML date value: '1989-Q3' -> 'quarter'."""
    if len(value) == 4 and value.isdigit():
        return "year"
    if len(value) == 7 and value[4:6] == "-Q":
        return "quarter"
    if len(value) == 7 and value[5:].isdigit():
        return "month"
    if len(value) == 8 and value[5] == "W":
        return "week"
    if len(value) >= 10 and value[:4].isdigit():
        return "day"
    return None


def shift_value(value: str, unit: str, count: int) -> str | None:
    """A value moved by whole units, keeping its own granularity ('1989-Q3' - 1 year)."""
    own = value_unit(value)
    if own is None:
        return None
    if own == "quarter":
        start = date(int(value[:4]), 3 * int(value[6]) - 2, 1)
    elif own == "week":
        start = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    else:
        start = date.fromisoformat((value[:10] + "-01-01"[len(value[:10]) - 4 :])[:10])
    return unit_value(move(start, unit, count), own)
