"""Bulk loading for a rebuild: a fresh read model catching up on a long topic.

Row-by-row maintenance of the ordering indexes costs much of the projector's write time.
While a fresh store catches up (it is not ready then, so nobody should be reading it),
they are dropped and built once at the end: SQLite builds an index from sorted rows far
faster than it maintains it one insert at a time. The full-text index is built then too
(FTS5 reads the whole content table), or left to follow in batches (text_index.py). A
meta flag, set in the same transaction as the drop, makes a store reopened after a crash
mid-load finish the job before anything else.
"""

from __future__ import annotations

import logging
import sqlite3

from services.query.rows import (
    INCIDENT_ID_AT,
    RANK_AT,
    SORT_KEY_AT,
    SPAN_CLASS_AT,
    Row,
    TimelineRows,
)
from services.query.sort_keys import SlotAllocator
from services.query.text_index import REBUILD_ALL

log = logging.getLogger(__name__)

DEFERRED = """
DROP INDEX IF EXISTS incidents_order;
DROP INDEX IF EXISTS incidents_span;
DROP INDEX IF EXISTS incidents_sort;
"""
FLAG = "bulk_loading"
SET_FLAG = "INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk_loading', 1);"
CLEAR_FLAG = "DELETE FROM meta WHERE key = 'bulk_loading';"


def _script(conn: sqlite3.Connection, body: str) -> None:
    """`body` in one transaction, rolled back when any statement fails."""
    try:
        conn.executescript(f"BEGIN IMMEDIATE;{body}COMMIT;")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def begin(conn: sqlite3.Connection) -> None:
    """Drop what is built at the end, and flag the store as loading, atomically."""
    _script(conn, DEFERRED + SET_FLAG)
    log.info("bulk load: index maintenance deferred until caught up")


def loading(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (FLAG,)).fetchone()
    return bool(row and row[0])


def finish(conn: sqlite3.Connection, ddl: str, *, text: bool = True) -> None:
    """Recreate the dropped indexes (from the schema's own DDL), with `text` index every
    row's text, clear the flag; one transaction."""
    _script(conn, ddl + (REBUILD_ALL if text else "") + CLEAR_FLAG)
    conn.execute("ANALYZE")
    log.info("bulk load finished: indexes built, full-text index %s",
             "built" if text else "to follow")  # fmt: skip


def known_articles(conn: sqlite3.Connection) -> set[str]:
    """The articles a store holds anything of (live rows, a retraction) as a load begins."""
    sql = "SELECT article_id FROM articles UNION SELECT article_id FROM retractions"
    return {row[0] for row in conn.execute(sql)}


class NewArticles:
    """The rows of articles a bulk load meets for the first time, collected across a
    transaction and written with one executemany per table at its end.

    Such an article has no live rows to compare with or retire and no retraction to
    clear, so the store's three lookups per timeline are skipped, and one statement
    writes the rows of thousands of timelines. An article met before (its id is in
    `known`; a superset is harmless: it only takes the ordinary path) goes the ordinary
    way, after what was collected so far is written.
    """

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.articles: list[Row] = []
        self.incidents: list[Row] = []
        self.spans: set[tuple[object, object]] = set()

    def add(self, rows: TimelineRows, seq: int, slots: SlotAllocator) -> int | None:
        """Collect the rows of a timeline numbered after `seq` (its record's); how many
        incidents it took, None for an article met before."""
        if rows.article_id in self.known:
            return None
        self.known.add(rows.article_id)
        # As the ordinary path: one row per incident id, the last of equal ones.
        unique = {row[INCIDENT_ID_AT]: row for row in rows.incidents}.values()
        key = slots.key_for_base
        self.incidents += [
            (seq + n, *row[1:SORT_KEY_AT], key(row[SORT_KEY_AT]))  # type: ignore[arg-type]
            for n, row in enumerate(unique, 1)
        ]
        self.spans.update((row[SPAN_CLASS_AT], row[RANK_AT]) for row in unique)
        self.articles.append(rows.article)
        return len(unique)

    def met(self, article_id: str) -> None:
        self.known.add(article_id)

    def take(self) -> tuple[list[Row], list[Row], set[tuple[object, object]]]:
        """What was collected since the last take, forgotten here."""
        taken = self.articles, self.incidents, self.spans
        self.articles, self.incidents, self.spans = [], [], set()
        return taken
