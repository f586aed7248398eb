"""A temporal expression found in text and resolved against the publication time."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


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


class Mention(BaseModel):
    """One temporal expression: its exact span, its TimeML value and, when anchorable,
    the UTC interval [start, end) it denotes."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The expression exactly as it stands in the text.")
    char_start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    char_end: int = Field(ge=0, description="Offset one past the last character.")
    timex_type: TimexType = Field(description="TimeML type: DATE, TIME, DURATION or SET.")
    timex_value: str = Field(description="TimeML value, e.g. 2025-12-13, P1Y, PAST_REF.")
    start: AwareDatetime | None = Field(
        default=None, description="Start of the denoted interval in UTC, when anchorable."
    )
    end: AwareDatetime | None = Field(
        default=None, description="Exclusive end of the denoted interval in UTC."
    )
    granularity: Granularity | None = Field(
        default=None, description="Precision of the interval, when anchorable."
    )

    @property
    def anchorable(self) -> bool:
        """True when the mention denotes a concrete interval on the time line."""
        return self.start is not None and self.end is not None
