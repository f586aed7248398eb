"""German, French and Spanish: one set of table templates, filled by each language's word
table (lexicon_foreign.Words). A language of the same build is added with its words alone."""

from __future__ import annotations

from ..engine import Row, Tables
from ..lexicon_foreign import Words
from ..rules_foreign import (
    ago_row,
    day_part_rows,
    day_row,
    deictic_row,
    duration_row,
    month_row,
    relative_rows,
    season_row,
    weekday_row,
)
from ..rules_foreign_clock import clock_row
from .en_date import CALENDAR
from .numeric import NUMERIC

# Four-digit years read alike in these languages.
_YEAR = tuple(row for row in CALENDAR if row.name == "year")


def tables_of(words: Words) -> Tables:
    date: tuple[Row, ...] = (
        *NUMERIC,
        day_row(words),
        month_row(words),
        *relative_rows(words),
        ago_row(words),
        deictic_row(words),
        weekday_row(words),
        season_row(words),
        *_YEAR,
    )
    time = (*day_part_rows(words), clock_row(words))
    return Tables(date=date, time=time, duration=(duration_row(words),))
