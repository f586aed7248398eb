"""What a resolver knows besides its own match: the publication time on the article's own
clock, the verb tense around the match and the last date mentioned before it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo
from functools import cached_property

from services.timeline.mentions import TimexType

from .calendar import closest_year
from .discourse import Discourse, Story
from .document_type import DocumentType
from .intervals import Interval
from .narrative import is_aside, looks_back, next_story, opens_sentence, places_no_story
from .tense import tense_in

_NAMED = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d\d))?(?![\d])")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")
# A period after an initial ("Daniel P. Davison") or a title ends no sentence.
_NOT_AN_END = re.compile(
    r"(?<![\w.])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Jr|Sr"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|Vol|Ft|Mt)\.$"
)


@dataclass(frozen=True)
class Timex:
    """A resolved expression; `interval` overrides the one derived from `value`. The last
    three fields are the discourse update the expression implies (see discourse.py)."""

    type: TimexType
    value: str
    interval: Interval | None = None
    # Later anaphoric expressions ("the next day", "a year earlier") count from it.
    anchors: bool = True
    # Counted from the publication ("yesterday", "last year"), never from a story's time.
    deictic: bool = False
    # Numbers a quarter by the fiscal year: the reporting profile turns fiscal.
    fiscal: bool = False


@dataclass
class Context:
    """What a resolver reads: the text, the publication on the article's own clock (`ref`
    is the publication day) and the discourse state so far. Resolvers never change it;
    the extractor replaces `discourse` after each expression."""

    text: str
    published_at: datetime
    language: str = "en"
    zone: tzinfo = UTC
    document_type: DocumentType = DocumentType.NEWS
    ref: date = field(init=False)
    discourse: Discourse = field(init=False)
    _bounds: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.published_at = self.published_at.astimezone(self.zone)
        self.ref = self.published_at.date()
        self.discourse = Discourse.at(self.ref)
        self._bounds = [
            m.end()
            for m in _SENTENCE_END.finditer(self.text)
            if not _NOT_AN_END.search(self.text, max(0, m.start() - 5), m.start() + 1)
        ]

    @property
    def anchor(self) -> date:
        return self.discourse.anchor

    @property
    def anchor_value(self) -> str:
        return self.discourse.anchor_value

    @property
    def period(self) -> str | None:
        return self.discourse.reporting.period

    @property
    def fiscal(self) -> bool:
        return self.discourse.reporting.fiscal

    @property
    def story(self) -> date | None:
        return self.discourse.story.day

    @property
    def story_era(self) -> str:
        return self.discourse.story.era

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        low = bisect_right(self._bounds, start)
        high = bisect_right(self._bounds, end)
        first = self._bounds[low - 1] if low else 0
        return first, self._bounds[high] if high < len(self._bounds) else len(self.text)

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or 'none': see tense.tense_in."""
        first, last = self.sentence(start, end)
        return tense_in(self.text, first, last, start, end)

    def anchor_for(self, unit: str) -> date:
        """A day inside the last time mentioned, for 'that year' or 'the following month':
        'June 1998' anchors a year or a month though it names no day."""
        named = _NAMED.match(self.anchor_value)
        if named is None or self.anchor.isoformat().startswith(named[0]):
            return self.anchor
        if unit == "year":
            return date(int(named["year"]), 1, 1)
        if unit in {"month", "quarter"} and named["month"]:
            return date(int(named["year"]), int(named["month"]), 1)
        return self.anchor

    def story_after(self, start: int, end: int, timex: Timex, day: date | None) -> Story:
        """The story's time once the expression at [start, end) starting on `day` has been
        read (see narrative.next_story)."""
        current = self.discourse.story
        names_year = _names_year(self.text[start:end], timex.value)
        if (names_year and places_no_story(self.text, start)) or looks_back(self.text[start:end]):
            return current
        opening = opens_sentence(self.text, self.sentence(start, end)[0], start)
        aside = (
            names_year
            and day is not None
            and current.day is not None
            and not current.era
            and is_aside(self.text, end, current.day, day, opening=opening)
        )
        era_day = _era_day(timex.value)
        if era_day is not None:
            if current.day is not None or opening:
                return Story(era_day, "BC")
            return current
        story = next_story(
            current.day,
            day if timex.anchors else None,
            deictic=timex.deictic,
            names_year=names_year,
            opening=opening or self.document_type is DocumentType.NARRATIVE,
            aside=aside,
        )
        return current if story == current.day else Story(story, "")

    def partial_year(self, month: int, day: int, start: int, end: int) -> int:
        """Year of a month and day written without one at [start, end): the story's (a
        story looks back within its year as often as it moves on), else the one the verb
        points to around the publication."""
        if self.story is not None:
            return self.story.year
        return closest_year(self.ref, month, day, self.tense(start, end))

    def story_year(self, later: int = 0) -> str:
        """The story's year as a TimeML value, `later` years on (a year before the era
        counts down)."""
        if self.story is None:
            return f"{self.ref.year + later:04d}"
        if self.story_era:
            return f"BC{self.story.year - later:04d}"
        return f"{self.story.year + later:04d}"


_ERA_VALUE = re.compile(r"BC(?P<year>\d{4})(?:-(?P<month>\d\d))?")


def _era_day(value: str) -> date | None:
    """A day standing for a year before the era ('BC0480-09'), numbered as it is written."""
    named = _ERA_VALUE.match(value)
    if named is None or not 1 <= int(named["year"]) <= 9999:
        return None
    return date(int(named["year"]), int(named["month"] or 1), 1)


def deictic(timex: Timex | None) -> Timex | None:
    """The same expression, marked as counted from the publication."""
    return None if timex is None else replace(timex, deictic=True)


def _names_year(text: str, value: str) -> bool:
    """True when the mention writes the year of its value ('1941', '480 BC')."""
    year = value.removeprefix("BC")[:4]
    return year.isdigit() and str(int(year)) in text


Resolver = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and the function that turns its match into a Timex (or rejects it).
    A named group `t`, when present, is the extent; the rest is context."""

    name: str
    source: str  # the regular expression
    resolve: Resolver
    triggers: frozenset[str]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when a text first holds one of the triggers: a short text needs a few
        of a language's fifty-odd patterns, and compiling them all is most of its run."""
        return re.compile(self.source)


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
