"""What a story timeline is made of and from: plain values, so callers need no pydantic.

The story core reads a selection of incidents with their articles and answers the key dates
of the story, each with a few sentences; see `story_timeline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from services.timeline.events import Anchor
from services.timeline.mentions import Granularity


class StoryArticle(NamedTuple):
    """An article of the selection; the publication time is its own evidence of a day."""

    article_id: str
    published_at: datetime
    source: str = ""
    title: str = ""
    url: str | None = None


class StoryIncident(NamedTuple):
    """One incident of the selection, as the read model or the normalizer gives it."""

    incident_id: str
    article_id: str
    start: datetime
    end: datetime
    granularity: Granularity
    anchor: Anchor
    sentence: str


@dataclass(frozen=True)
class StoryMethod:
    """The parts of the method; the defaults are the method, the switches its ablations.

    Evidence for a day: each article that points to it, by an explicit mention of that day
    or by being published on it, counts once (its strongest pointer). A day the article still
    looks forward to weighs less than one it reports; a decay with the distance from the
    publication is available but measured no better (docs/stories.md, "What each part gains").
    """

    publication_weight: float = 0.5  # an article published on a day, without naming it
    closeness_days: float | None = None  # a mention this many days away weighs half
    ahead_weight: float = 0.5  # a day still ahead of the article is announced, not reported
    report_days: int | None = None  # a mention this many days or fewer after its day is a
    # report; one published later is background (an anniversary, a recap)
    background_weight: float = 1.0  # what a background mention weighs (with report_days)
    burst: float = 0.25  # exponent of a day's burst: articles published on it and the next day
    # against those published in the month around it (0: bursts are not weighed)
    spread: float = 0.0  # a day within `spread_width` of a chosen one loses up to this share
    spread_width: float = 1.0  # in units of the span's average spacing (span / dates)
    day_only: bool = True  # month, year and vaguer mentions point to no day
    distinct_articles: bool = True  # one article counts once per day, however often it names it
    central: bool = True  # sentences by centrality; else the earliest candidate
    dedup: bool = True  # drop sentences too close to one already chosen
    dedup_overlap: float = 0.5  # token Jaccard at or above which two sentences are one
    redundancy: float = 0.5  # a day's next sentence loses this times its cosine to the closest
    # sentence already chosen for the day (maximal marginal relevance); 0: by centrality alone
    furniture: bool = True  # datelines cut off; captions, credits, posts dropped (furniture.py)
    focus: float = 0.0  # a sentence naming this day alone gains this much over one that names
    # this day among others (a passing mention: "since April 20", "sank two days later")
    min_words: int = 6  # shorter sentences say too little to summarize a day
    max_words: int = 50  # longer ones are rarely one event


@dataclass(frozen=True)
class StoryRequest:
    """How long the timeline may be, what it is about and which days it may cover."""

    dates: int = 20
    per_date: int = 1
    query: str | None = None
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class StoryDate:
    """One key date: its summary and the evidence behind it."""

    day: date
    summary: tuple[str, ...]
    article_ids: tuple[str, ...]  # the articles that point to the day, best evidence first
    incident_ids: tuple[str, ...]  # the incidents that point to it, in input order
    score: float
