"""The read side: timeline pages, single incidents and articles straight from SQLite.

Paging guarantee: the first page fixes a snapshot (the store's high-water sequence number)
that its cursor carries; every later page reads the rows visible in that snapshot (inserted
at or before it and not retired by it) after the cursor's key. Walking all pages therefore
yields every incident that existed at the first page exactly once, in order, whatever is
inserted, replaced or retracted meanwhile. Rows retired after the snapshot stay readable
until they are purged; a cursor whose snapshot predates a purge gets CursorExpiredError.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from services.query.cursor import Cursor, CursorError
from services.query.schema import connect
from services.query.store import read_meta
from services.query.times import from_key, to_key, to_rfc3339

ITEM_COLUMNS = (
    "incident_id, article_id, start_at, end_at, granularity, anchor, sentence, mention, "
    "timex_value, timex_type, title, source"
)
LIVE = "retired_seq IS NULL"
IN_SNAPSHOT = "seq <= :snapshot AND (retired_seq IS NULL OR retired_seq > :snapshot)"


class CursorExpiredError(CursorError):
    """The cursor's snapshot relies on retired rows that have been purged since."""


@dataclass(frozen=True)
class TimelineFilter:
    """Everything that selects and orders incidents; its fingerprint binds cursors."""

    article_id: str | None = None
    start_from: str | None = None  # stored-key form, see times.to_key
    until: str | None = None
    q: str | None = None
    source: str | None = None
    max_granularity_rank: int | None = None
    anchor: str | None = None
    descending: bool = False

    def fingerprint(self) -> str:
        canonical = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(canonical).hexdigest()[:16]


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    snapshot: int  # the sequence number the walk reads; a stream can resume after it


def item(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    """The public JSON shape of one incident row (columns as in ITEM_COLUMNS)."""
    return {
        "incident_id": row[0],
        "article_id": row[1],
        "start": to_rfc3339(row[2]),
        "end": to_rfc3339(row[3]),
        "granularity": row[4],
        "anchor": row[5],
        "sentence": row[6],
        "mention": row[7],
        "timex_value": row[8],
        "timex_type": row[9],
        "title": row[10],
        "source": row[11],
    }


def fts_query(text: str) -> str:
    """Every word of `text` as a quoted FTS5 term (all must match), so that user input
    can never be read as FTS5 syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words)


def filter_sql(flt: TimelineFilter) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses and parameters of the filters (visibility and keyset excluded)."""
    checks = [
        ("article_id = :article_id", flt.article_id),
        ("end_at > :start_from", flt.start_from),
        ("start_at < :until", flt.until),
        ("source = :source", flt.source),
        ("granularity_rank <= :max_granularity_rank", flt.max_granularity_rank),
        ("anchor = :anchor", flt.anchor),
    ]
    clauses = [sql for sql, value in checks if value is not None]
    params: dict[str, Any] = {k: v for k, v in asdict(flt).items() if v is not None}
    if flt.q is not None:
        clauses.append("seq IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH :fts)")
        params["fts"] = fts_query(flt.q)
    return clauses, params


def class_floor(start_from: str, span_class: int) -> str:
    """Earliest start of an interval of `span_class` that can end after `start_from`."""
    try:
        return to_key(from_key(start_from) - timedelta(seconds=2**span_class))
    except OverflowError:
        return ""  # before year 1: every start qualifies


def page_sql(
    flt: TimelineFilter, cursor: Cursor | None, classes: Sequence[int] = ()
) -> tuple[str, dict[str, Any]]:
    """The page query; a window (`from`) reads one index range per span class and merges
    them in order (see schema.py), instead of every interval that starts before it."""
    clauses, params = filter_sql(flt)
    clauses.append(IN_SNAPSHOT if cursor else LIVE)
    direction = "DESC" if flt.descending else "ASC"
    if cursor:
        op = "<" if flt.descending else ">"
        # In a window walked forwards each arm's range must start at its floor (which
        # includes the cursor's start); a bare row value would win as the range instead.
        first = "+start_at" if flt.start_from and not flt.descending else "start_at"
        clauses.append(f"({first}, end_at, incident_id) {op} (:c_start, :c_end, :c_id)")
        params |= {"c_start": cursor.start, "c_end": cursor.end, "c_id": cursor.incident_id}
        params["snapshot"] = cursor.snapshot
    order = f"start_at {direction}, end_at {direction}, incident_id {direction}"
    select = f"SELECT {ITEM_COLUMNS} FROM incidents WHERE {' AND '.join(clauses)}"  # noqa: S608 - clauses are constants; values are bound
    if flt.start_from is None or not classes:
        return f"{select} ORDER BY {order} LIMIT :limit", params
    arms = []
    # The cursor's start bounds every arm too; folding it into the floor lets each arm's
    # index range begin at the cursor instead of re-reading rows of earlier pages.
    resume_at = cursor.start if cursor and not flt.descending else ""
    for k in classes:
        params[f"floor{k}"] = max(class_floor(flt.start_from, k), resume_at)
        arms.append(
            f"SELECT * FROM ({select} AND span_class = {k:d} AND start_at >= :floor{k:d} "  # noqa: S608
            f"ORDER BY {order})"
        )
    return " UNION ALL ".join(arms) + f" ORDER BY {order} LIMIT :limit", params


class Reader:
    """Read-only access for request handlers: one connection per worker thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(str(self.path), readonly=True)
            self._local.conn = conn
        return conn

    def page(self, flt: TimelineFilter, limit: int, cursor_text: str | None) -> Page:
        fingerprint = flt.fingerprint()
        cursor = Cursor.decode(cursor_text, fingerprint) if cursor_text else None
        conn = self.conn()
        conn.execute("BEGIN")  # one read snapshot for the high-water mark and the rows
        try:
            if cursor and cursor.snapshot < read_meta(conn, "purged_through"):
                msg = "cursor expired: its snapshot has been purged, start again"
                raise CursorExpiredError(msg)
            snapshot = cursor.snapshot if cursor else read_meta(conn, "high_water")
            classes = [k for (k,) in conn.execute("SELECT span_class FROM span_classes")]
            sql, params = page_sql(flt, cursor, classes)
            rows = conn.execute(sql, params | {"limit": limit + 1}).fetchall()
        finally:
            conn.execute("COMMIT")
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = Cursor(last[2], last[3], last[0], snapshot, fingerprint).encode()
        return Page([item(r) for r in rows], next_cursor, snapshot)

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        sql = f"SELECT {ITEM_COLUMNS} FROM incidents WHERE incident_id = ? AND {LIVE}"  # noqa: S608
        row = self.conn().execute(sql, (incident_id,)).fetchone()
        return item(row) if row else None
