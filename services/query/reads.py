"""The read side: timeline pages, single incidents and articles straight from SQLite.

Paging guarantee: the first page fixes a snapshot (the store's high-water sequence number)
that its cursor carries; every later page reads the rows visible in that snapshot (inserted
at or before it and not retired by it) after the cursor's key. Walking all pages therefore
yields every incident that existed at the first page exactly once, in order, whatever is
inserted, replaced or retracted meanwhile. Rows retired after the snapshot stay readable
until they are purged; a cursor whose snapshot predates a purge gets CursorExpiredError.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from services.query.cursor import Cursor, CursorError
from services.query.item_cache import ItemCache
from services.query.schema import connect, read_snapshot
from services.query.selection import ITEM_COLUMNS, LIVE, TimelineFilter, page_sql
from services.query.sort_keys import SLOT_BITS, bucket_bounds
from services.query.span_bounds import SpanBounds
from services.query.store import file_identity, read_meta
from services.query.times import to_rfc3339

INCIDENT_BY_ID = f"SELECT {ITEM_COLUMNS} FROM incidents WHERE incident_id = ? AND {LIVE}"  # noqa: S608
# What a page reads before its items come from the ItemCache: the keys at the positions of
# ITEM_COLUMNS (0, 2, 3), so cursors are made the same way, and the row's seq at 1. All but
# the visibility check are in the order index, so the page reads no row's text.
KEY_COLUMNS = "incident_id, seq, start_at, end_at"


class CursorExpiredError(CursorError):
    """The cursor's snapshot relies on retired rows that have been purged since."""


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
        "url": row[12],
        "published_at": row[13],
        "timezone": row[14],
    }


def span_classes(conn: sqlite3.Connection, max_rank: int | None) -> list[int]:
    """The span classes that can hold an incident of `max_rank` or finer."""
    sql = "SELECT span_class FROM span_classes WHERE finest_rank <= ?"
    return [k for (k,) in conn.execute(sql, (99 if max_rank is None else max_rank,))]


def search_rows(
    conn: sqlite3.Connection,
    sql: str,
    params: dict[str, Any],
    limit: int,
    *,
    descending: bool,
) -> list[Any]:
    """The first `limit` rows of a search page (selection.search_sql) in timeline order.
    Matches come in sort-key order, exact across start seconds only: every match of the
    last row's second is read too, then what was read is sorted (a page plus one second,
    never the whole match set). One match more than the page says whether that second
    goes on: usually it does not, and the second query is saved."""
    rows = conn.execute(sql, params | {"limit": limit + 1}).fetchall()
    if len(rows) == limit + 1 and rows[-1][-1] >> SLOT_BITS != rows[-2][-1] >> SLOT_BITS:
        rows.pop()  # the next second's first match: every match of the last one is read
    elif len(rows) == limit + 1:
        low, high = bucket_bounds(rows[-1][-1], descending=descending)
        rest = params | {
            "key_lo": max(low, params["key_lo"]),
            "key_hi": min(high, params["key_hi"]),
            "limit": -1,
        }
        rows += conn.execute(sql, rest).fetchall()
    rows.sort(key=lambda r: (r[2], r[3], r[0]), reverse=descending)
    return rows[:limit]


class Reader:
    """Read-only access for request handlers: one connection per worker thread, opened
    again when the path names another file (a rebuilt read model swapped in)."""

    def __init__(self, path: Path, cursor_key: bytes | None = None) -> None:
        self.path = path
        # Without a key of its own a reader signs with a key that dies with it: its
        # cursors are then valid only for its lifetime, never forgeable.
        self.cursor_key = cursor_key or secrets.token_bytes(32)
        self._local = threading.local()
        self.items = ItemCache()
        self.spans = SpanBounds(self._fresh_connection)

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        identity = file_identity(self.path)
        if conn is not None and identity != self._local.identity:
            conn.close()
            conn = None
        if conn is None:
            conn = connect(str(self.path), readonly=True)
            self._local.conn, self._local.identity = conn, identity
        return conn

    def _fresh_connection(self) -> tuple[sqlite3.Connection, int]:
        """A connection of its own (for a scan in another thread) and the file it reads."""
        identity = file_identity(self.path)
        return connect(str(self.path), readonly=True), identity

    def identity(self) -> int:
        """Which file this thread's connection reads (an inode number)."""
        self.conn()
        found: int = self._local.identity
        return found

    def page(self, flt: TimelineFilter, limit: int, cursor_text: str | None) -> Page:
        conn = self.conn()
        with read_snapshot(conn):
            rows, next_cursor, snapshot = self._rows(conn, flt, limit, cursor_text, ITEM_COLUMNS)
        return Page([item(r) for r in rows], next_cursor, snapshot)

    def page_json(self, flt: TimelineFilter, limit: int, cursor_text: str | None) -> bytes:
        """The /v1/timeline response body: the page's keys from SQLite, its items' JSON
        from the ItemCache (built by SQLite for rows it does not hold yet)."""
        conn = self.conn()
        with read_snapshot(conn):
            rows, next_cursor, snapshot = self._rows(conn, flt, limit, cursor_text, KEY_COLUMNS)
            items = self.items.items(conn, self._local.identity, [r[1] for r in rows])
        tail = json.dumps({"next_cursor": next_cursor, "snapshot": snapshot})
        return f'{{"items":[{",".join(items)}],{tail[1:]}'.encode()

    def _rows(
        self,
        conn: sqlite3.Connection,
        flt: TimelineFilter,
        limit: int,
        cursor_text: str | None,
        columns: str,
    ) -> tuple[list[Any], str | None, int]:
        """One page of rows (keys at 0, 2, 3), the next cursor and the snapshot read; in
        the caller's read transaction."""
        fingerprint = flt.fingerprint()
        cursor = Cursor.decode(cursor_text, fingerprint, self.cursor_key) if cursor_text else None
        generation = read_meta(conn, "generation")
        if cursor and cursor.generation != generation:
            # Issued by the file this one replaced (a rebuild): its snapshot means
            # nothing here, so the walk goes on over what this file holds now.
            cursor = replace(cursor, snapshot=read_meta(conn, "high_water"))
        elif cursor and cursor.snapshot < read_meta(conn, "purged_through"):
            msg = "cursor expired: its snapshot has been purged, start again"
            raise CursorExpiredError(msg)
        snapshot = cursor.snapshot if cursor else read_meta(conn, "high_water")
        # Only a window reads by span class.
        classes = self._reach(conn, flt.max_granularity_rank) if flt.start_from else None
        sql, params = page_sql(flt, cursor, classes, columns)
        if flt.q is None:
            rows = conn.execute(sql, params | {"limit": limit + 1}).fetchall()
        else:
            rows = search_rows(conn, sql, params, limit + 1, descending=flt.descending)
        if len(rows) <= limit:
            return rows, None, snapshot
        last = rows[limit - 1]
        next_cursor = Cursor(last[2], last[3], last[0], snapshot, fingerprint, generation)
        return rows[:limit], next_cursor.encode(self.cursor_key), snapshot

    def _reach(self, conn: sqlite3.Connection, max_rank: int | None) -> dict[int, int]:
        """Each span class a window reads -> how far back it must look, in seconds: its
        longest interval when known (span_bounds.py), else the class's own bound."""
        high_water = read_meta(conn, "high_water")
        longest = self.spans.longest(conn, self._local.identity, high_water) or {}
        return {k: min(longest.get(k, 2**k), 2**k) for k in span_classes(conn, max_rank)}

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        row = self.conn().execute(INCIDENT_BY_ID, (incident_id,)).fetchone()
        return item(row) if row else None
