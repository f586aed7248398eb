"""Story timelines: the key dates of a selection of incidents, each with what happened.

Pure: the same selection and request give the same timeline; nothing here reads a clock
or does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from services.timeline.events import Anchor

from .evidence import Vote, cast_votes, day_evidence, in_window, score, top_days
from .model import StoryArticle, StoryDate, StoryIncident, StoryMethod, StoryRequest
from .sentences import Collection, SentenceBook
from .spread import publication_days, spread_days, weigh_bursts
from .summary import Candidate, summarize

__all__ = [
    "Collection",
    "SentenceBook",
    "StoryArticle",
    "StoryDate",
    "StoryIncident",
    "StoryMethod",
    "StoryRequest",
    "Vote",
    "cast_votes",
    "in_window",
    "story_days",
    "story_from_votes",
    "story_timeline",
]


def story_timeline(
    incidents: Iterable[StoryIncident],
    articles: Iterable[StoryArticle],
    request: StoryRequest | None = None,
    method: StoryMethod | None = None,
    corpus: Iterable[StoryIncident] | None = None,
) -> list[StoryDate]:
    """At most `request.dates` days, ordered by date, each with at most `request.per_date`
    sentences, chosen by the evidence across `articles` (see evidence.py, summary.py).
    Words are weighed by the sentences of `corpus` (by default the incidents themselves)
    that vote for a day."""
    request = request or StoryRequest()
    method = method or StoryMethod()
    by_id = {article.article_id: article for article in articles}
    selected = list(incidents)
    cast = cast_votes(selected, by_id, method)
    book = SentenceBook()
    voters = cast if corpus is None else cast_votes(corpus, by_id, method)
    collection = Collection(book, (incident.sentence for _, incident, _ in voters))
    windowed = [vote for vote in cast if in_window(vote[2].day, request)]
    return story_from_votes(windowed, by_id, request, method, collection)


def story_from_votes(
    cast: Sequence[Vote],
    articles: Mapping[str, StoryArticle],
    request: StoryRequest,
    method: StoryMethod,
    collection: Collection,
) -> list[StoryDate]:
    """story_timeline from votes already cast (see evidence.cast_votes) for days inside the
    request's window: a caller that keeps the votes and parsed sentences of a corpus (and
    selects from them) skips that work per request and gets the same timeline."""
    evidence, days = story_days(cast, request, method)
    pointing: dict[date, list[tuple[int, StoryIncident]]] = {day: [] for day in days}
    for order, incident, vote in cast:
        if vote.day in pointing:
            pointing[vote.day].append((order, incident))
    named = days_named(cast) if method.focus else {}
    summaries = summarize(days, pointing, method, request, collection, named=named)
    return [
        StoryDate(
            day=day,
            summary=tuple(c.text for c in summaries[day]),
            article_ids=sources(evidence[day], summaries[day], articles, day),
            incident_ids=tuple(incident.incident_id for _, incident in pointing[day]),
            score=score(evidence[day]),
        )
        for day in sorted(days)
    ]


def days_named(cast: Sequence[Vote]) -> dict[str, int]:
    """How many distinct days each sentence names (by its explicit mentions)."""
    found: dict[str, set[date]] = {}
    for _, incident, vote in cast:
        if incident.anchor is Anchor.EXPLICIT:
            found.setdefault(incident.sentence, set()).add(vote.day)
    return {sentence: len(days) for sentence, days in found.items()}


def story_days(
    cast: Sequence[Vote], request: StoryRequest, method: StoryMethod
) -> tuple[dict[date, dict[str, float]], list[date]]:
    """The date half of story_from_votes: each day's evidence, and the days chosen from it
    (best first)."""
    evidence = day_evidence(cast, method)
    if method.spread <= 0 and method.burst <= 0:
        return evidence, top_days(evidence, request.dates)
    values = {day: score(by_article) for day, by_article in evidence.items()}
    published = publication_days(cast)
    if method.burst > 0:
        values = weigh_bursts(values, published, method.burst)
    return evidence, spread_days(
        values, request.dates, story_span(published, cast, request), method
    )


def story_span(
    published: Mapping[date, int], cast: Sequence[Vote], request: StoryRequest
) -> tuple[date, date]:
    """The span the story's days spread over: the request's window, else the days its
    articles were published (a mention of a distant past would stretch any other span)."""
    days = list(published) or [v.day for _, _, v in cast]
    first = request.first_day or min(days, default=date.min)
    last = request.last_day or max(days, default=first)
    return first, last


def sources(
    by_article: dict[str, float],
    summary: tuple[Candidate, ...],
    articles: Mapping[str, StoryArticle],
    day: date,
) -> tuple[str, ...]:
    """The articles behind a day: those that carry its summary first, then by the weight of
    their evidence, then those published closest to the day, then by id."""
    carriers = {a for c in summary for a in c.articles}

    def distance(article_id: str) -> int:
        found = articles.get(article_id)
        return abs((found.published_at.date() - day).days) if found else 1 << 30

    ranked = sorted(by_article, key=lambda a: (a not in carriers, -by_article[a], distance(a), a))
    return tuple(ranked)
