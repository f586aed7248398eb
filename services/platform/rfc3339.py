"""RFC 3339 date-times as text: the one form every API and command of the project takes.

Pydantic alone would also read numbers (and strings of digits) as Unix time, and times
without seconds; the APIs promise RFC 3339 with an offset, so they check the text first.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

ANY_YEAR = r"\d{4}"
TIME_OF_DAY = r"[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})"


def date_time_pattern(year: str = ANY_YEAR) -> str:
    """A regular expression (no anchors) of an RFC 3339 date-time whose year is `year`."""
    return f"{year}-\\d{{2}}-\\d{{2}}{TIME_OF_DAY}"


EXAMPLE = "2025-12-15T08:00:00Z"
_DATE_TIME = re.compile(date_time_pattern())


def parse(text: str) -> datetime:
    """An RFC 3339 date-time with its offset (a bare time would depend on the zone of the
    machine reading it); a ValueError naming the text and what is expected otherwise."""
    try:
        if _DATE_TIME.fullmatch(text):
            return datetime.fromisoformat(text.upper())  # 't' and 'z' are RFC 3339 too
        reason = "expected an RFC 3339 time with an offset"
    except ValueError as exc:  # the right shape, out of range: "month must be in 1..12"
        reason = str(exc)
    msg = f"{text!r}: {reason}, e.g. {EXAMPLE}"
    raise ValueError(msg)


def check_text(value: Any, pattern: str, reason: str) -> Any:
    """`value` when it is a string matching `pattern`; a ValueError saying `reason` else."""
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise ValueError(reason)
    return value


def format_moment(moment: datetime) -> str:
    """An aware date-time as the APIs write it (pydantic's JSON form, which the commands
    match without importing pydantic): 'Z' for a zero offset, else the offset in whole
    minutes, its seconds (a local mean time before 1900) dropped."""
    offset = moment.utcoffset()
    if offset is None:
        msg = f"{moment!r}: expected an aware date-time"
        raise ValueError(msg)
    # Whole seconds, half a second rounded away from zero, as pydantic counts them.
    micros = offset // timedelta(microseconds=1)
    seconds = (abs(micros) + 500_000) // 1_000_000
    local = moment.replace(tzinfo=None).isoformat()
    if seconds == 0:
        return f"{local}Z"
    minutes = seconds // 60
    return f"{local}{'-' if micros < 0 else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
