"""What a resolver knows besides its own match: the publication time, the verb tense
around the match and the last date mentioned before it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from services.timeline.mentions import TimexType

from .intervals import Interval

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|shall|'ll|going to|plans? to|planned|planning|expects?|expected"
    r"|scheduled|is to|are to|would|could|may|might|intends?|hopes? to|next|upcoming"
    r"|aims? to|due to|set to|starting|begins?|opens?)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|says|was|were|had|did|ago|last|earlier|announced|reported|told|died"
    r"|killed|\w+ed)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")


@dataclass(frozen=True)
class Timex:
    """A resolved expression; `interval` overrides the one derived from `value`."""

    type: TimexType
    value: str
    interval: Interval | None = None
    anchors: bool = True


@dataclass
class Context:
    text: str
    published_at: datetime
    language: str = "en"
    ref: date = field(init=False)
    anchor: date = field(init=False)
    anchor_value: str = field(init=False)
    _bounds: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.ref = self.published_at.date()
        self.anchor = self.ref
        self.anchor_value = self.ref.isoformat()
        self._bounds = [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        low = bisect_right(self._bounds, start)
        high = bisect_right(self._bounds, end)
        first = self._bounds[low - 1] if low else 0
        return first, self._bounds[high] if high < len(self._bounds) else len(self.text)

    def tense(self, start: int, end: int) -> str:
        """'future' when a future marker is in the clause, else 'past' when a past one is,
        else 'none'; the expression itself is blanked so that 'next' in it is no cue."""
        first, last = self.sentence(start, end)
        clause = self.text[first:start] + " " + self.text[end:last]
        if _FUTURE.search(clause):
            return "future"
        if _PAST.search(clause):
            return "past"
        return "none"

    def remember(self, value: str, day: date | None) -> None:
        self.anchor_value = value
        if day is not None:
            self.anchor = day


Resolver = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and the function that turns its match into a Timex (or rejects it).
    A named group `t`, when present, is the extent; the rest is context."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    triggers: frozenset[str]


DIGITS = "#d"


def trigger_words(words: str) -> frozenset[str]:
    """Lower-case words of which a rule needs at least one nearby; '#d' is any number."""
    return frozenset(words.split())
