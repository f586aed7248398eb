"""Story timelines: the key dates of a selection of incidents, each with what happened.

Pure: the same selection and request give the same timeline; nothing here reads a clock
or does I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from .evidence import day_evidence, in_window, pointer, score, top_days
from .model import StoryArticle, StoryDate, StoryIncident, StoryMethod, StoryRequest
from .summary import summarize

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
    selection = list(incidents)
    evidence = day_evidence(selection, by_id, method, request)
    days = top_days(evidence, request.dates)
    pointing = incidents_by_day(selection, by_id, method, request, set(days))
    summaries = summarize(days, pointing, method, request)
    return [
        StoryDate(
            day=day,
            summary=summaries[day],
            article_ids=tuple(sorted(evidence[day], key=lambda a: (-evidence[day][a], a))),
            incident_ids=tuple(incident.incident_id for _, incident in pointing[day]),
            score=score(evidence[day]),
        )
        for day in sorted(days)
    ]


def incidents_by_day(
    selection: list[StoryIncident],
    articles: dict[str, StoryArticle],
    method: StoryMethod,
    request: StoryRequest,
    days: set[date],
) -> dict[date, list[tuple[int, StoryIncident]]]:
    """The incidents (with their input positions) that point to each of `days`."""
    pointing: dict[date, list[tuple[int, StoryIncident]]] = defaultdict(list)
    for order, incident in enumerate(selection):
        vote = pointer(incident, articles.get(incident.article_id), method)
        if vote is not None and vote.day in days and in_window(vote.day, request):
            pointing[vote.day].append((order, incident))
    return pointing
