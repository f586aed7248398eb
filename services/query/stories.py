"""The story timeline of a selection: read the selected incidents and their articles from
the read model, hand them to the pure core (services.timeline.story), shape the answer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.query.context import json_bytes
from services.query.selection import LIVE, TimelineFilter, filter_sql
from services.query.times import from_key
from services.timeline.events import Anchor
from services.timeline.mentions import Granularity
from services.timeline.story import (
    StoryArticle,
    StoryDate,
    StoryIncident,
    StoryRequest,
    story_timeline,
)

STORY_COLUMNS = "incident_id, article_id, start_at, end_at, granularity, anchor, sentence"
ARTICLE_COLUMNS = "article_id, published_at, source, title, url"
GRANULARITIES = {g.value: g for g in Granularity}
ANCHORS = {a.value: a for a in Anchor}
MAX_SOURCES = 20  # links per date; `articles` still counts them all


@dataclass(frozen=True)
class StoryQuery:
    """A story request: the timeline filters, the language and the lengths."""

    selection: TimelineFilter
    language: str | None
    dates: int
    per_date: int


def selected_incidents(conn: sqlite3.Connection, query: StoryQuery) -> list[StoryIncident]:
    """The live incidents of the selection, in timeline order (the core's tie-breaks
    follow input order, so this keeps the answer deterministic)."""
    clauses, params = filter_sql(query.selection)
    # Only incidents that can vote for a day (see services.timeline.story.evidence): coarser
    # mentions are most of a large selection and would be read only to be ignored.
    clauses += [LIVE, "(granularity_rank <= :day_rank OR anchor = 'publication')"]
    params["day_rank"] = Granularity.DAY.rank
    if query.language is not None:
        clauses.append("article_id IN (SELECT article_id FROM articles WHERE language = :lang)")
        params["lang"] = query.language
    sql = (
        f"SELECT {STORY_COLUMNS} FROM incidents WHERE {' AND '.join(clauses)} "  # noqa: S608 - clauses are constants; values are bound
        "ORDER BY start_at, end_at, incident_id"
    )
    return [
        StoryIncident(
            row[0],
            row[1],
            instant(row[2]),
            instant(row[3]),
            GRANULARITIES[row[4]],
            ANCHORS[row[5]],
            row[6],
        )
        for row in conn.execute(sql, params)
    ]


def instant(key: str) -> datetime:
    """times.from_key, several times faster: a story reads thousands of keys."""
    return datetime.fromisoformat(key)


def articles_of(conn: sqlite3.Connection, ids: Iterable[str]) -> list[StoryArticle]:
    wanted = sorted(set(ids))
    found: list[StoryArticle] = []
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id IN ({marks})"  # noqa: S608
        found.extend(
            StoryArticle(r[0], instant(r[1]), r[2], r[3], r[4]) for r in conn.execute(sql, chunk)
        )
    return found


def story_request(query: StoryQuery) -> StoryRequest:
    """The core's request; a window bounds the days too (`to` is exclusive)."""
    selection = query.selection
    first = from_key(selection.start_from).date() if selection.start_from else None
    last = (
        (from_key(selection.until) - timedelta(microseconds=1)).date() if selection.until else None
    )
    return StoryRequest(
        dates=query.dates,
        per_date=query.per_date,
        query=selection.q,
        first_day=first,
        last_day=last,
    )


def date_json(found: StoryDate, articles: dict[str, StoryArticle]) -> dict[str, Any]:
    sources = [articles[a] for a in found.article_ids[:MAX_SOURCES] if a in articles]
    return {
        "date": found.day.isoformat(),
        "summary": list(found.summary),
        "articles": len(found.article_ids),
        "incidents": list(found.incident_ids),
        "sources": [
            {"article_id": a.article_id, "url": a.url, "title": a.title, "source": a.source}
            for a in sources
        ],
    }


def story_json(conn: sqlite3.Connection, query: StoryQuery) -> bytes:
    """The /v1/stories/timeline body, read in one snapshot of the read model."""
    conn.execute("BEGIN")
    try:
        incidents = selected_incidents(conn, query)
        articles = {a.article_id: a for a in articles_of(conn, (i.article_id for i in incidents))}
    finally:
        conn.execute("COMMIT")
    story = story_timeline(incidents, articles.values(), story_request(query))
    return json_bytes({"dates": [date_json(d, articles) for d in story]})
