"""RFC 3339 date-times as text: the one form every API of the project takes.

Pydantic alone would also read numbers (and strings of digits) as Unix time, and times
without seconds; the APIs promise RFC 3339 with an offset, so they check the text first.
"""

from __future__ import annotations

import re
from typing import Any

ANY_YEAR = r"\d{4}"
TIME_OF_DAY = r"[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})"


def date_time_pattern(year: str = ANY_YEAR) -> str:
    """A regular expression (no anchors) of an RFC 3339 date-time whose year is `year`."""
    return f"{year}-\\d{{2}}-\\d{{2}}{TIME_OF_DAY}"


def check_text(value: Any, pattern: str, reason: str) -> Any:
    """`value` when it is a string matching `pattern`; a ValueError saying `reason` else."""
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise ValueError(reason)
    return value
