"""What the live stream sends: incidents added and incidents retracted, in sequence order.

Every change has its own sequence number (see store.py): an added incident its `seq`, the
retirement of an article's previous incidents the `retired_seq` allocated for it. A client
that resumes after sequence N therefore receives exactly the changes after N.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from services.query.reads import item
from services.query.schema import read_snapshot
from services.query.selection import ITEM_COLUMNS, TimelineFilter, filter_sql
from services.query.store import read_meta
from services.query.text_index import indexed_through

SCAN = 2000  # sequence numbers read per round, so one round stays short


@dataclass(frozen=True)
class ChangeEvent:
    seq: int
    kind: str  # "incident" or "retract"
    data: dict[str, Any]


def _added(conn: sqlite3.Connection, flt: TimelineFilter, lo: int, hi: int) -> list[ChangeEvent]:
    clauses, params = filter_sql(flt)
    where = " AND ".join(["seq > :lo AND seq <= :hi", *clauses])
    sql = f"SELECT seq, {ITEM_COLUMNS} FROM incidents WHERE {where}"  # noqa: S608
    rows = conn.execute(sql, params | {"lo": lo, "hi": hi}).fetchall()
    return [ChangeEvent(r[0], "incident", item(r[1:])) for r in rows]


def _retracted(
    conn: sqlite3.Connection, flt: TimelineFilter, lo: int, hi: int
) -> list[ChangeEvent]:
    clauses, params = filter_sql(flt)
    where = " AND ".join(["retired_seq > :lo AND retired_seq <= :hi", *clauses])
    sql = f"SELECT retired_seq, article_id, incident_id FROM incidents WHERE {where}"  # noqa: S608
    grouped: dict[int, dict[str, Any]] = {}
    for seq, article_id, incident_id in conn.execute(sql, params | {"lo": lo, "hi": hi}):
        entry = grouped.setdefault(seq, {"article_id": article_id, "incident_ids": []})
        entry["incident_ids"].append(incident_id)
    return [ChangeEvent(seq, "retract", data) for seq, data in grouped.items()]


@dataclass(frozen=True)
class ChangeBatch:
    events: list[ChangeEvent]
    upper: int  # where the next round goes on from
    caught_up: bool  # upper is the store's high-water mark: wait for the projector


def changes_after(conn: sqlite3.Connection, flt: TimelineFilter, after: int) -> ChangeBatch:
    """Matching changes with sequence in (after, upper], at most SCAN sequence numbers."""
    with read_snapshot(conn):
        high = read_meta(conn, "high_water")
        if flt.q is not None:  # a search sees only indexed rows: wait for the index
            high = min(high, indexed_through(conn))
        upper = max(min(high, after + SCAN), after)
        events = _added(conn, flt, after, upper) + _retracted(conn, flt, after, upper)
    return ChangeBatch(sorted(events, key=lambda e: e.seq), upper, upper >= high)


def high_water(conn: sqlite3.Connection) -> int:
    return read_meta(conn, "high_water")
