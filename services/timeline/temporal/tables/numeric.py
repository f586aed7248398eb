"""Numeric dates, read alike in every language (the day and month order is the
resolver's)."""

from __future__ import annotations

from ..context import trigger_words
from ..engine import Row
from ..rules_dates import iso_date, numeric_date

NUMERIC: tuple[Row, ...] = (
    Row(
        "iso-date",
        r"(?<![\w.-])(?P<year>\d{4})-(?P<a>\d\d)-(?P<b>\d\d)(?![\w-])",
        iso_date,
        trigger_words("#y"),
        reason="ISO 8601 dates are unambiguous in every language",
    ),
    Row(
        "numeric-date",
        r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
        r"(?P<year>\d{4}|\d\d)(?![\w/]|\.\d)",
        numeric_date,
        trigger_words("#d"),
        reason="slashed or dotted dates: month first in English, day first elsewhere",
    ),
)
