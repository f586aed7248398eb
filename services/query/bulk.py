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
