"""The full-text index follows the incidents instead of being written with them.

Maintaining FTS5 row by row took half of the projector's write time, inside the
transaction that makes incidents visible. Now that transaction writes the incidents only;
the index takes every row up to a sequence number (meta `text_through`) in batches of its
own, later and larger (the projector decides when, see projector.py). Rows with a higher
seq are not searchable yet: a search answers with what is indexed, and the projector
reports how many rows wait (`pending`). The delete trigger removes only rows the index
holds (schema.py).
"""

from __future__ import annotations

import sqlite3

THROUGH = "text_through"
_READ = "SELECT value FROM meta WHERE key = 'text_through'"
_SET = "INSERT OR REPLACE INTO meta (key, value) VALUES ('text_through', ?)"
_UPTO = "SELECT max(seq) FROM (SELECT seq FROM incidents WHERE seq > ? ORDER BY seq LIMIT ?)"
# In rowid order: FTS5 writes a new segment whenever a rowid is lower than the one before
# it in a transaction, so rows in arrival order (sort keys at random) would cost a
# segment each.
_INDEX = """
INSERT INTO incidents_fts (rowid, search_text)
SELECT sort_key, search_text FROM incidents WHERE seq > ? AND seq <= ?
ORDER BY sort_key
"""
# Everything at once (a bulk load), in rowid order: twice as fast as FTS5's own
# 'rebuild', which reads the rows in table order.
REBUILD_ALL = (
    "INSERT INTO incidents_fts (incidents_fts) VALUES ('delete-all');"
    "INSERT INTO incidents_fts (rowid, search_text) "
    "SELECT sort_key, search_text FROM incidents ORDER BY sort_key;"
    "INSERT OR REPLACE INTO meta (key, value) "
    "SELECT 'text_through', coalesce(max(seq), 0) FROM incidents;"
)


def indexed_through(conn: sqlite3.Connection) -> int:
    """Every incident with a seq up to this one is in the full-text index."""
    row = conn.execute(_READ).fetchone()
    return int(row[0]) if row else 0


def pending(conn: sqlite3.Connection) -> int:
    """Incident rows not in the full-text index yet."""
    sql = "SELECT count(*) FROM incidents WHERE seq > ?"
    return int(conn.execute(sql, (indexed_through(conn),)).fetchone()[0])


def index_next(conn: sqlite3.Connection, limit: int) -> int:
    """Index up to `limit` waiting rows, oldest first, in one transaction; returns how
    many rows it indexed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        through = indexed_through(conn)
        upto = conn.execute(_UPTO, (through, limit)).fetchone()[0]
        if upto is None:
            conn.execute("COMMIT")
            return 0
        done = conn.execute(_INDEX, (through, upto)).rowcount
        conn.execute(_SET, (upto,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done
