"""The story index: every live incident that can vote for a day, with its vote cast and its
sentence parsed, kept in memory for one version of the read model.

A story request then costs the selection (one SQL query for the ids, none without filters)
and the summaries; reading the rows, parsing instants, casting votes and splitting sentences
into words happen once per version instead of once per request. When the projector commits,
the next request brings the index up to date from what changed since (rows inserted after
its version, rows retired after it); a purge or a new log rebuilds it.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from services.query.selection import LIVE
from services.query.store import read_meta
from services.timeline.events import Anchor
from services.timeline.mentions import Granularity
from services.timeline.story import (
    Collection,
    SentenceBook,
    StoryArticle,
    StoryIncident,
    StoryMethod,
    Vote,
    cast_votes,
)
from services.timeline.zones import zone_of_label

ROW_COLUMNS = "start_at, end_at, seq, incident_id, article_id, granularity, anchor, sentence, zone"
# Publication times with the article's own offset: the day an article was published on is
# its own calendar's (see query/clock.py).
ARTICLE_COLUMNS = "article_id, published_local, source, title, url"
# Only incidents that can vote for a day (see services.timeline.story.evidence): coarser
# mentions are most of a large selection and would be read only to be ignored.
VOTING = f"{LIVE} AND (granularity_rank <= {Granularity.DAY.rank} OR anchor = 'publication')"
GRANULARITIES = {g.value: g for g in Granularity}
ANCHORS = {a.value: a for a in Anchor}

MIN_BOOK = 10_000  # sentences kept at least before the book is renewed
Entry = tuple[tuple[str, str, str], int, StoryIncident]  # timeline key, seq, incident


def instant(key: str) -> datetime:
    """times.from_key, several times faster: the index reads thousands of keys."""
    return datetime.fromisoformat(key)


def entries(rows: Iterable[tuple[str, ...]]) -> Iterator[Entry]:
    """Incidents in their article's clock, so that the days they vote for are the article's
    calendar days."""
    for start, end, seq, incident_id, article_id, granularity, anchor, sentence, zone in rows:
        clock = zone_of_label(zone)
        incident = StoryIncident(
            incident_id,
            article_id,
            instant(start).astimezone(clock),
            instant(end).astimezone(clock),
            GRANULARITIES[granularity],
            ANCHORS[anchor],
            sentence,
        )
        yield (start, end, incident_id), int(seq), incident


def read_articles(conn: sqlite3.Connection, ids: Iterable[str] | None) -> list[StoryArticle]:
    """The articles of `ids`, or every article."""
    if ids is None:
        rows = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles").fetchall()  # noqa: S608 - constant columns
        return [StoryArticle(r[0], instant(r[1]), r[2], r[3], r[4]) for r in rows]
    wanted, found = sorted(set(ids)), list[StoryArticle]()
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id IN ({marks})"  # noqa: S608
        found.extend(
            StoryArticle(r[0], instant(r[1]), r[2], r[3], r[4]) for r in conn.execute(sql, chunk)
        )
    return found


@dataclass(frozen=True)
class StorySnapshot:
    """The index at one version of the read model; never changed once built."""

    source: int  # which file the read model is (see Reader.identity): a rebuilt one is another
    version: int  # the store's high-water mark
    purged_through: int
    entries: list[Entry]  # in timeline order (start, end, incident id)
    articles: dict[str, StoryArticle]
    votes: list[Vote]  # numbered by position in `entries`; incidents without a vote left out
    seqs: list[int]  # the seq of each vote
    collection: Collection  # every voting sentence of the read model weighs the words

    @classmethod
    def of(
        cls,
        mark: tuple[int, int, int],  # source, version, purged_through
        found: list[Entry],
        articles: dict[str, StoryArticle],
        book: SentenceBook,
    ) -> StorySnapshot:
        cast = cast_votes((incident for _, _, incident in found), articles, StoryMethod())
        seqs = [found[order][1] for order, _, _ in cast]
        collection = Collection(book, (incident.sentence for _, incident, _ in cast))
        return cls(*mark, found, articles, cast, seqs, collection)


def build(
    conn: sqlite3.Connection, source: int, version: int, purged: int, book: SentenceBook
) -> StorySnapshot:
    sql = (
        f"SELECT {ROW_COLUMNS} FROM incidents WHERE {VOTING} ORDER BY start_at, end_at, incident_id"  # noqa: S608 - constant clauses
    )
    found = list(entries(conn.execute(sql)))
    articles = {a.article_id: a for a in read_articles(conn, None)}
    return StorySnapshot.of((source, version, purged), found, articles, book)


def advance(
    conn: sqlite3.Connection, old: StorySnapshot, version: int, book: SentenceBook
) -> StorySnapshot:
    """`old` brought to `version`: rows retired since leave, rows inserted since join."""
    since = {"since": old.version}
    retired = {
        int(r[0])
        for r in conn.execute("SELECT seq FROM incidents WHERE retired_seq > :since", since)
    }
    sql = f"SELECT {ROW_COLUMNS} FROM incidents WHERE seq > :since AND {VOTING}"  # noqa: S608 - constant clauses
    added = list(entries(conn.execute(sql, since)))
    kept = [e for e in old.entries if e[1] not in retired] if retired else old.entries
    articles = dict(old.articles)
    articles.update(
        (a.article_id, a) for a in read_articles(conn, (e[2].article_id for e in added))
    )
    merged = sorted([*kept, *added], key=itemgetter(0)) if added else kept
    mark = (old.source, version, old.purged_through)
    return StorySnapshot.of(mark, merged, articles, book)


class StoryIndex:
    """The current snapshot and the sentences parsed so far, shared by request threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot: StorySnapshot | None = None
        self.book = SentenceBook()

    def current(self, conn: sqlite3.Connection, source: int = 0) -> StorySnapshot:
        """The snapshot at the version `conn`'s open read transaction sees in the file
        `source` names. Callers hold the lock (see `locked`), so versions only move forwards
        within one file; another file is read afresh."""
        version, purged = read_meta(conn, "high_water"), read_meta(conn, "purged_through")
        old = self._snapshot
        mark = (source, version, purged)
        if old is not None and mark == (old.source, old.version, old.purged_through):
            return old
        if len(self.book) > 2 * len(old.entries if old else ()) + MIN_BOOK:
            self.book = SentenceBook()  # most of it is sentences of retired rows by now
        if (
            old is None
            or (source, purged) != (old.source, old.purged_through)
            or version < old.version
        ):
            self._snapshot = build(conn, source, version, purged, self.book)
        else:
            self._snapshot = advance(conn, old, version, self.book)
        # The index is tens of thousands of long-lived objects; a full collection would walk
        # them all (about 80 ms for 1,500 articles) every few requests. Frozen, collections
        # skip them; reference counting still frees a snapshot once no request holds it.
        gc.freeze()
        return self._snapshot

    @property
    def locked(self) -> threading.Lock:
        return self._lock
