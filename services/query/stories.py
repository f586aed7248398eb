"""The story timeline of a selection: pick the selected votes from the story index, hand
them to the pure core (services.timeline.story), shape the answer."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, timedelta, tzinfo
from typing import Any

from services.query.context import json_bytes
from services.query.schema import read_snapshot
from services.query.selection import TimelineFilter, filter_sql
from services.query.story_index import VOTING, StoryIndex, StorySnapshot
from services.query.times import from_key
from services.timeline.events import Anchor
from services.timeline.mentions import Granularity
from services.timeline.story import (
    StoryArticle,
    StoryDate,
    StoryIncident,
    StoryMethod,
    StoryRequest,
    Vote,
    cast_votes,
    in_window,
    story_from_votes,
)

DAY_RANK = Granularity.DAY.rank

MAX_SOURCES = 20  # links per date; `articles` still counts them all


@dataclass(frozen=True)
class StoryQuery:
    """A story request: the timeline filters (the language among them) and the lengths."""

    selection: TimelineFilter
    dates: int
    per_date: int
    zone: tzinfo | None = None  # the reader's zone; None: each article's own clock


def selected_seqs(conn: sqlite3.Connection, query: StoryQuery) -> set[int] | None:
    """The seqs of the voting incidents the filters select, or None when nothing filters."""
    clauses, params = filter_sql(query.selection)
    if not clauses:
        return None
    sql = f"SELECT seq FROM incidents WHERE {' AND '.join([*clauses, VOTING])}"  # noqa: S608 - clauses are constants; values are bound
    return {int(row[0]) for row in conn.execute(sql, params)}


def in_zone(incident: StoryIncident, zone: tzinfo) -> StoryIncident:
    """A clock time or a publication on the reader's clock; a named day (or anything
    coarser) stays the article's day (see query/clock.py)."""
    if incident.anchor is Anchor.EXPLICIT and incident.granularity.rank >= DAY_RANK:
        return incident
    return incident._replace(
        start=incident.start.astimezone(zone), end=incident.end.astimezone(zone)
    )


def cast_in_zone(snapshot: StorySnapshot, zone: tzinfo | None) -> tuple[list[Vote], list[int]]:
    """The snapshot's votes and their seqs, cast again on the reader's clock when asked."""
    if zone is None:
        return snapshot.votes, snapshot.seqs
    incidents = (in_zone(incident, zone) for _, _, incident in snapshot.entries)
    articles = {
        key: found._replace(published_at=found.published_at.astimezone(zone))
        for key, found in snapshot.articles.items()
    }
    cast = cast_votes(incidents, articles, StoryMethod())
    return cast, [snapshot.entries[order][1] for order, _, _ in cast]


def selected_votes(
    snapshot: StorySnapshot, seqs: set[int] | None, request: StoryRequest, zone: tzinfo | None
) -> list[Vote]:
    """The snapshot's votes for the selection, in timeline order, for days in the window."""
    votes, vote_seqs = cast_in_zone(snapshot, zone)
    if seqs is None:
        chosen = votes
    else:
        chosen = [v for v, seq in zip(votes, vote_seqs, strict=True) if seq in seqs]
    return [v for v in chosen if in_window(v[2].day, request)]


def story_request(query: StoryQuery) -> StoryRequest:
    """The core's request; a window bounds the days too (`to` is exclusive)."""
    selection, zone = query.selection, query.zone or UTC
    first = from_key(selection.start_from).astimezone(zone).date() if selection.start_from else None
    last = (
        (from_key(selection.until) - timedelta(microseconds=1)).astimezone(zone).date()
        if selection.until
        else None
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


def story_json(
    conn: sqlite3.Connection, query: StoryQuery, index: StoryIndex, source: int = 0
) -> bytes:
    """The /v1/stories/timeline body: the index and the selection read in one snapshot of
    the read model (the file `source` names), under the index's lock (both are short), the
    summaries outside it."""
    with index.locked, read_snapshot(conn):
        snapshot = index.current(conn, source)
        seqs = selected_seqs(conn, query)
    request = story_request(query)
    cast = selected_votes(snapshot, seqs, request, query.zone)
    story = story_from_votes(cast, snapshot.articles, request, StoryMethod(), snapshot.collection)
    return json_bytes({"dates": [date_json(d, snapshot.articles) for d in story]})
