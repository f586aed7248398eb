"""One reference timeline's input and the system's story for it, with what every variant of
the method shares computed once.

Per reference the protocol hands the system the topic's articles published in the
reference's span (see tls_scoring). A grid asks for that story under dozens of methods, so
the window keeps the selection, the parsed sentences and each collection of word weights,
and builds the same timeline `story_timeline` would (a test holds them equal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from services.timeline.story import (
    Collection,
    SentenceBook,
    StoryArticle,
    StoryIncident,
    StoryMethod,
    StoryRequest,
    Vote,
    cast_votes,
    in_window,
    story_days,
    story_from_votes,
)

from .timeline17 import Reference, Topic
from .tls_scoring import SystemTimeline, story_request

KEPT_CASTS = 4  # a grid walks the summary variants of one date variant at a time
# The fields of StoryMethod that the date half (casting votes, weighing days, choosing them)
# reads; the others shape the summaries only.
DATE_FIELDS = (
    "publication_weight",
    "closeness_days",
    "ahead_weight",
    "report_days",
    "background_weight",
    "burst",
    "spread",
    "spread_width",
    "day_only",
    "distinct_articles",
)


def date_part(method: StoryMethod) -> tuple[object, ...]:
    return tuple(getattr(method, name) for name in DATE_FIELDS)


@dataclass
class Window:
    """The input of one reference timeline of a topic."""

    topic: Topic
    index: int  # the reference's position in the topic
    articles: dict[str, StoryArticle]
    incidents: list[StoryIncident]
    book: SentenceBook = field(default_factory=SentenceBook)
    collections: dict[tuple[bool, bool], Collection] = field(default_factory=dict)
    casts: dict[tuple[object, ...], list[Vote]] = field(default_factory=dict)

    @classmethod
    def of(cls, topic: Topic, index: int) -> Window:
        reference = topic.references[index]
        first, last = reference.first_day, reference.last_day
        articles = {
            a.article_id: a for a in topic.articles if first <= a.published_at.date() <= last
        }
        incidents = [i for i in topic.incidents if i.article_id in articles]
        return cls(topic, index, articles, incidents)

    @property
    def reference(self) -> Reference:
        return self.topic.references[self.index]

    @property
    def request(self) -> StoryRequest:
        return story_request(self.reference)

    def votes(self, method: StoryMethod) -> tuple[list[Vote], Collection]:
        """The votes for days in the span, and the collection: the sentences of every vote
        (which incidents vote depends on two switches only, so collections are few)."""
        key = (method.day_only, method.publication_weight > 0)
        cast = self.casts.get(date_part(method))
        if cast is None or key not in self.collections:
            cast = cast_votes(self.incidents, self.articles, method)
            if key not in self.collections:
                sentences = (incident.sentence for _, incident, _ in cast)
                self.collections[key] = Collection(self.book, sentences)
            if len(self.casts) >= KEPT_CASTS:
                self.casts.clear()
            self.casts[date_part(method)] = cast
        request = self.request
        return [v for v in cast if in_window(v[2].day, request)], self.collections[key]

    def days(self, method: StoryMethod) -> list[date]:
        """The days the method chooses, without their summaries."""
        windowed, _ = self.votes(method)
        return story_days(windowed, self.request, method)[1]

    def story(self, method: StoryMethod) -> SystemTimeline:
        """The story timeline of the window, in the references' tokenized form."""
        windowed, collection = self.votes(method)
        story = story_from_votes(windowed, self.articles, self.request, method, collection)
        return {d.day: [self.topic.original(s) for s in d.summary] for d in story if d.summary}


def windows(topic: Topic) -> list[Window]:
    return [Window.of(topic, index) for index in range(len(topic.references))]
