"""Calendar arithmetic on dates and the TimeML value strings built from them."""

from __future__ import annotations

import re
from datetime import date, timedelta


def shift_months(day: date, months: int) -> date:
    """Same day of month `months` later, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def nearest_weekday(ref: date, weekday: int, direction: int) -> date:
    """The weekday on or before ref (direction -1) or on or after it (+1)."""
    delta = (weekday - ref.weekday()) % 7
    if direction > 0:
        return ref + timedelta(days=delta)
    return ref - timedelta(days=(7 - delta) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def closest_year(ref: date, month: int, day: int, tense: str) -> int:
    """Year for a month and day without one: the closest occurrence to ref, pulled to the
    side the verb tense points to when the date falls far on the other side."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day <= days_in_month(year, month):
            candidates.append((abs((date(year, month, day) - ref).days), year))
    if not candidates:
        return ref.year
    _, best = min(candidates)
    distance = (date(best, month, min(day, 28)) - ref).days
    # News reports the past: a date months ahead needs a future cue.
    if tense != "future" and distance > 60:
        return best - 1
    if tense == "future" and distance < -60:
        return best + 1
    return best


# How far (in months) a bare month may lie on the side its tense does not point to.
_PULL_MONTHS = 2


def closest_month_year(ref: date, month: int, tense: str) -> int:
    """Year for a bare month name: the nearest such month (an article in late October
    speaking of "January" means the coming one), pulled to the side the verb tense points
    to when it lies far on the other side; without a future cue news reports the past."""
    distance = (month - ref.month + 6) % 12 - 6
    year = ref.year + (ref.month + distance - 1) // 12
    if tense != "future" and distance > _PULL_MONTHS:
        return year - 1
    if tense == "future" and distance < -_PULL_MONTHS:
        return year + 1
    return year


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")


def names_day(value: str) -> bool:
    """True for a TimeML value that names a day, or a time within one."""
    return _DAY_VALUE.match(value) is not None
