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

# Tense cues: the one nearest to an expression decides which way it points.
_CUE = re.compile(
    # A passive future ("will be named") is one cue, or its participle would read as past.
    r"\b(?:(?P<future>(?:will|would|shall|to|could|might)\s+(?:not\s+)?be\s+\w+ed"
    r"|expected(?= in| by)|slated|will|won't|shall|would|might|could|going to|plans? to"
    r"|planned|planning|scheduled|expected to|set to|due to|likely to|until|as soon as|upcoming"
    r"|next|tomorrow|effective|payable|expires?)"
    r"|(?P<past>said|says|was|were|had|did|ago|last|yesterday|\w+ed))\b|(?P<will>'ll)\b",
    re.IGNORECASE,
)
_LONG_SPAN = re.compile(r"P(?:[2-9]|1[0-2])M|P\d+Y")
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
    # The reporting period talked about: a quarter ("1989-Q3") until a longer stretch
    # ("the nine months") takes over; days in between ("ended Sept. 30") leave it.
    period: str | None = field(init=False, default=None)
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
        """'future' or 'past' after the tense cue nearest to [start, end) in its sentence,
        'none' without one; the expression's own words are no cue."""
        first, last = self.sentence(start, end)
        best, tense = len(self.text), "none"
        for cue in _CUE.finditer(self.text, first, last):
            if start <= cue.start() < end:
                continue
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            if distance < best:
                best, tense = distance, "past" if cue["past"] else "future"
        return tense

    def note(self, value: str, *, anchors: bool) -> None:
        """Every mention may end the reporting period; only an anchoring quarter starts one
        ('a year earlier' after it is the quarter before, not a new period)."""
        if value[4:6] == "-Q" and anchors:
            self.period = value
        elif _LONG_SPAN.fullmatch(value):
            self.period = None

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


def number_key(word: str) -> str:
    """Numbers are triggers by shape: '#y' four digits (a year), '#s' digits with an s
    (a decade), '#d' any other."""
    if len(word) == 4 and word.isdigit():
        return "#y"
    if word.endswith("s") and word[:-1].isdigit():
        return "#s"
    return "#d"


def trigger_words(words: str) -> frozenset[str]:
    """Lower-case words, or number shapes (see number_key), of which a rule needs at least
    one nearby."""
    return frozenset(words.split())
