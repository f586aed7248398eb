"""Articles and sources, the read model's catalogue beside the timeline."""

from __future__ import annotations

import sqlite3
from typing import Any

from services.query.reads import item
from services.query.schema import read_snapshot
from services.query.selection import ITEM_COLUMNS, LIVE

ARTICLE_COLUMNS = (
    "article_id, revision, source, url, title, published_local AS published_at, language, "
    "zone AS timezone"
)
INCIDENTS_OF = (
    f"SELECT {ITEM_COLUMNS} FROM incidents WHERE article_id = ? AND {LIVE} "  # noqa: S608
    "ORDER BY start_at, end_at, incident_id"
)
SOURCES = """
SELECT a.source, a.articles, coalesce(i.incidents, 0)
FROM (SELECT source, count(*) AS articles FROM articles GROUP BY source) AS a
LEFT JOIN (
    SELECT source, count(*) AS incidents FROM incidents WHERE retired_seq IS NULL
    GROUP BY source
) AS i ON i.source = a.source
ORDER BY a.source
"""


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The article's fields and its current incidents, in timeline order."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = ?"  # noqa: S608
    with read_snapshot(conn):  # the article and its incidents from one snapshot
        row = conn.execute(sql, (article_id,)).fetchone()
        incidents = conn.execute(INCIDENTS_OF, (article_id,)).fetchall() if row else []
    if row is None:
        return None
    names = [column.split(" AS ")[-1].strip() for column in ARTICLE_COLUMNS.split(", ")]
    fields = dict(zip(names, row, strict=True))
    return fields | {"incidents": [item(r) for r in incidents]}


def sources(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every source with its number of articles and of current incidents."""
    rows = conn.execute(SOURCES).fetchall()
    return [{"source": s, "articles": a, "incidents": i} for s, a, i in rows]


def live_incidents(conn: sqlite3.Connection) -> int:
    """How many incidents the current timeline holds."""
    return int(conn.execute(f"SELECT count(*) FROM incidents WHERE {LIVE}").fetchone()[0])  # noqa: S608
