"""Which incidents a timeline request selects, in which order: the filters and their SQL.

A window (`from`) is read as one index range per span class (see schema.py), merged in
order by SQLite, instead of every interval that starts before the window.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from services.query.cursor import Cursor
from services.query.search import fts_query
from services.query.sort_keys import MAX_KEY, SLOTS, base_of_key
from services.query.times import from_key, to_key

ITEM_COLUMNS = (
    "incident_id, article_id, start_at, end_at, granularity, anchor, sentence, mention, "
    "timex_value, timex_type, title, source, url, published_local, zone"
)
LIVE = "retired_seq IS NULL"
IN_SNAPSHOT = "seq <= :snapshot AND (retired_seq IS NULL OR retired_seq > :snapshot)"
MATCHING_KEYS = "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH :fts"


@dataclass(frozen=True)
class TimelineFilter:
    """Everything that selects and orders incidents; its fingerprint binds cursors."""

    article_id: str | tuple[str, ...] | None = None  # any of them
    start_from: str | None = None  # stored-key form, see times.to_key
    until: str | None = None
    q: str | None = None
    source: str | tuple[str, ...] | None = None  # any of them, in any case
    max_granularity_rank: int | None = None
    anchor: str | None = None
    descending: bool = False
    language: tuple[str, ...] | None = None  # articles in any of them

    def __post_init__(self) -> None:
        # One value or several: always a tuple, so filter_sql reads one shape.
        for name in ("article_id", "source"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))

    def values(self) -> dict[str, Any]:
        # By hand: dataclasses.asdict deep-copies and costs more than the query it feeds.
        return {
            "article_id": self.article_id,
            "start_from": self.start_from,
            "until": self.until,
            "q": self.q,
            "source": self.source,
            "anchor": self.anchor,
            "max_granularity_rank": self.max_granularity_rank,
            "descending": self.descending,
            "language": self.language,
        }

    def fingerprint(self) -> str:
        canonical = repr(sorted(self.values().items())).encode()
        return hashlib.sha256(canonical).hexdigest()[:16]


def filter_sql(flt: TimelineFilter, *, search: bool = True) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses and parameters of the filters (visibility and keyset excluded);
    without `search`, q is left to the caller (a search page starts from the index)."""
    checks = [
        ("end_at > :start_from", flt.start_from),
        ("start_at < :until", flt.until),
        ("granularity_rank <= :max_granularity_rank", flt.max_granularity_rank),
        ("anchor = :anchor", flt.anchor),
    ]
    clauses = [sql for sql, value in checks if value is not None]
    params: dict[str, Any] = {
        k: v for k, v in flt.values().items() if v is not None and not isinstance(v, tuple)
    }
    anyof = [
        ("article_id IN ({})", "article_id", flt.article_id),
        ("source COLLATE NOCASE IN ({})", "source", flt.source),
        ("article_id IN (SELECT article_id FROM articles WHERE language IN ({}))", "language",
         flt.language),
    ]  # fmt: skip
    for sql, name, values in anyof:
        if values:
            marks = [f":{name}{n}" for n in range(len(values))]
            clauses.append(sql.format(", ".join(marks)))
            params |= {mark[1:]: value for mark, value in zip(marks, values, strict=True)}
    if flt.q is not None:
        params["fts"] = fts_query(flt.q)
        if search:
            clauses.append(f"sort_key IN ({MATCHING_KEYS})")
    return clauses, params


def class_floor(start_from: str, reach_s: int) -> str:
    """Earliest start of an interval at most `reach_s` seconds long that can end after
    `start_from`."""
    try:
        return to_key(from_key(start_from) - timedelta(seconds=reach_s))
    except OverflowError:
        return ""  # before year 1: every start qualifies


def keyset_sql(flt: TimelineFilter, cursor: Cursor) -> tuple[str, dict[str, Any]]:
    """Rows after the cursor's key, in the cursor's snapshot."""
    op = "<" if flt.descending else ">"
    # In a window walked forwards each arm's range must start at its floor (which
    # includes the cursor's start); a bare row value would win as the range instead.
    first = "+start_at" if flt.start_from and not flt.descending else "start_at"
    sql = f"({first}, end_at, incident_id) {op} (:c_start, :c_end, :c_id) AND {IN_SNAPSHOT}"
    params = {"c_start": cursor.start, "c_end": cursor.end, "c_id": cursor.incident_id}
    return sql, params | {"snapshot": cursor.snapshot}


def page_sql(
    flt: TimelineFilter,
    cursor: Cursor | None,
    classes: Mapping[int, int] | None = None,
    columns: str = ITEM_COLUMNS,
) -> tuple[str, dict[str, Any]]:
    """The page query; with `classes` (each span class present -> the longest interval it
    can hold, in seconds) a window is read by `window_sql`; a search reads the full-text
    index in key order (`search_sql`)."""
    if flt.q is not None:
        return search_sql(flt, cursor, classes, columns)
    clauses, params = filter_sql(flt)
    if cursor:
        keyset, keyset_params = keyset_sql(flt, cursor)
        clauses.append(keyset)
        params |= keyset_params
    else:
        clauses.append(LIVE)
    direction = "DESC" if flt.descending else "ASC"
    order = f"start_at {direction}, end_at {direction}, incident_id {direction}"
    select = f"SELECT {columns} FROM incidents WHERE {' AND '.join(clauses)}"  # noqa: S608 - clauses are constants; values are bound
    if flt.start_from is None or classes is None:
        return f"{select} ORDER BY {order} LIMIT :limit", params
    resume_at = cursor.start if cursor and not flt.descending else ""
    arms = window_sql(
        select,
        order,
        start_from=flt.start_from,
        resume_at=resume_at,
        classes=classes,
        params=params,
    )
    return f"{arms} ORDER BY {order} LIMIT :limit", params


def search_sql(
    flt: TimelineFilter, cursor: Cursor | None, classes: Mapping[int, int] | None, columns: str
) -> tuple[str, dict[str, Any]]:
    """A search page: matches in sort-key order between :key_lo and :key_hi (the range
    the cursor and the window allow), the filters checked on each, LIMIT; the key comes
    last in every row. Rows within one start second are not yet in timeline order: the
    reader completes that second and sorts (see sort_keys.py)."""
    clauses, params = filter_sql(flt, search=False)
    low, high = 0, MAX_KEY
    if cursor:
        keyset, keyset_params = keyset_sql(flt, cursor)
        clauses.append(keyset)
        params |= keyset_params
        if flt.descending:
            high = base_of_key(cursor.start) + SLOTS - 1
        else:
            low = base_of_key(cursor.start)
    else:
        clauses.append(LIVE)
    if flt.start_from is not None and classes is not None:
        # The longest interval present that can still overlap the window starts here.
        earliest = class_floor(flt.start_from, max(classes.values(), default=1))
        low = max(low, base_of_key(earliest) if earliest else 0)
    if flt.until is not None:
        high = min(high, base_of_key(flt.until) + SLOTS - 1)
    direction = "DESC" if flt.descending else "ASC"
    matches = (
        "SELECT rowid AS k FROM incidents_fts WHERE incidents_fts MATCH :fts "  # noqa: S608 - a constant direction; values are bound
        f"AND rowid BETWEEN :key_lo AND :key_hi ORDER BY rowid {direction}"
    )
    where = " AND ".join(clauses) or "1"
    sql = (
        f"SELECT {columns}, m.k FROM ({matches}) AS m CROSS JOIN incidents "  # noqa: S608 - constants; values are bound
        f"ON incidents.sort_key = m.k WHERE {where} ORDER BY m.k {direction} LIMIT :limit"
    )
    return sql, params | {"key_lo": low, "key_hi": high}


def window_sql(
    select: str,
    order: str,
    *,
    start_from: str,
    resume_at: str,
    classes: Mapping[int, int],
    params: dict[str, Any],
) -> str:
    """One index range per span class, merged in order by SQLite (see schema.py); adds
    each class's floor to `params`. The cursor's start (`resume_at`) raises every floor,
    so each range begins at the cursor instead of re-reading earlier pages."""
    if not classes:  # no stored interval has a class that can match
        return f"{select} AND 0"
    arms = []
    for k, reach_s in classes.items():
        params[f"floor{k}"] = max(class_floor(start_from, reach_s), resume_at)
        bounds = f"span_class = {k:d} AND start_at >= :floor{k:d}"
        arms.append(f"SELECT * FROM ({select} AND {bounds} ORDER BY {order})")  # noqa: S608
    return " UNION ALL ".join(arms)
