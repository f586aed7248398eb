"""Story timelines: the key dates of a selection of incidents, each with what happened.

Pure: the same selection and request give the same timeline; nothing here reads a clock
or does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .evidence import day_evidence, score, top_days, votes
from .model import StoryArticle, StoryDate, StoryIncident, StoryMethod, StoryRequest
from .summary import Candidate, summarize

__all__ = [
    "StoryArticle",
    "StoryDate",
    "StoryIncident",
    "StoryMethod",
    "StoryRequest",
    "story_timeline",
]


def story_timeline(
    incidents: Iterable[StoryIncident],
    articles: Iterable[StoryArticle],
    request: StoryRequest | None = None,
    method: StoryMethod | None = None,
) -> list[StoryDate]:
    """At most `request.dates` days, ordered by date, each with at most `request.per_date`
    sentences, chosen by the evidence across `articles` (see evidence.py, summary.py)."""
    request = request or StoryRequest()
    method = method or StoryMethod()
    by_id = {article.article_id: article for article in articles}
    cast = votes(incidents, by_id, method, request)
    evidence = day_evidence(cast, method)
    days = top_days(evidence, request.dates)
    pointing: dict[date, list[tuple[int, StoryIncident]]] = {day: [] for day in days}
    for order, incident, vote in cast:
        if vote.day in pointing:
            pointing[vote.day].append((order, incident))
    summaries = summarize(days, pointing, method, request)
    return [
        StoryDate(
            day=day,
            summary=tuple(c.text for c in summaries[day]),
            article_ids=sources(evidence[day], summaries[day], by_id, day),
            incident_ids=tuple(incident.incident_id for _, incident in pointing[day]),
            score=score(evidence[day]),
        )
        for day in sorted(days)
    ]


def sources(
    by_article: dict[str, float],
    summary: tuple[Candidate, ...],
    articles: dict[str, StoryArticle],
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
