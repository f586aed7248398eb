"""A temporal expression found in text and resolved against the publication time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TimexType(StrEnum):
    """TimeML TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """How precise an anchored interval is; ordered from finest to coarsest."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """Position from finest (0) to coarsest; lets filters say 'day or finer'."""
        return _RANKS[self]


# Computed once: the projector asks for a rank per incident written.
_RANKS = {granularity: rank for rank, granularity in enumerate(Granularity)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One temporal expression: its exact span, its TimeML value and, when anchorable,
    the UTC interval [start, end) it denotes. A plain dataclass, not a pydantic model: it
    is the core's own result, no message contract (the events carry Incidents), and
    importing pydantic would be a third of `newstimeline normalize`'s start-up."""

    text: str  # the expression exactly as it stands in the text
    char_start: int  # offset of the first character (Python str index)
    char_end: int  # offset one past the last character
    timex_type: TimexType  # DATE, TIME, DURATION or SET
    timex_value: str  # TimeML value, e.g. 2025-12-13, P1Y, PAST_REF
    start: datetime | None = None  # start of the denoted interval, aware, when anchorable
    end: datetime | None = None  # exclusive end of the denoted interval
    granularity: Granularity | None = None  # precision of the interval, when anchorable

    @property
    def anchorable(self) -> bool:
        """True when the mention denotes a concrete interval on the time line."""
        return self.start is not None and self.end is not None
