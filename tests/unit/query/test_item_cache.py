"""The item cache: a row's JSON is kept for its file only, and the cache stays bounded."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from services.query.item_cache import ItemCache
from services.query.reads import Reader
from services.query.schema import connect
from services.query.selection import TimelineFilter
from services.query.store import TimelineStore
from tests.unit.query.factories import timeline


def store_with(path: Path, title: str, days: int = 3) -> None:
    store = TimelineStore(path)
    store.apply(
        "timelines", 0, [(0, timeline("a", [(d, d + 1) for d in range(days)], title=title))]
    )
    store.close()


def titles(cache: ItemCache, conn: sqlite3.Connection, identity: int) -> list[str]:
    seqs = [seq for (seq,) in conn.execute("SELECT seq FROM incidents ORDER BY seq")]
    return [json.loads(item)["title"] for item in cache.items(conn, identity, seqs)]


def test_rows_of_another_file_or_schema_are_read_again(tmp_path: Path) -> None:
    store_with(tmp_path / "old.sqlite3", "old")
    store_with(tmp_path / "new.sqlite3", "new")  # the same sequence numbers, other rows
    cache = ItemCache()
    old, new = connect(str(tmp_path / "old.sqlite3")), connect(str(tmp_path / "new.sqlite3"))
    assert titles(cache, old, 1) == ["old"] * 3
    assert titles(cache, new, 2) == ["new"] * 3
    new.execute("ALTER TABLE incidents ADD COLUMN spare TEXT")  # what a migration does
    new.execute("UPDATE incidents SET title = 'migrated'")
    assert titles(cache, new, 2) == ["migrated"] * 3


def test_the_cache_stays_bounded_and_answers_right_when_full(tmp_path: Path) -> None:
    store_with(tmp_path / "t.sqlite3", "t", days=10)
    conn = connect(str(tmp_path / "t.sqlite3"))
    cache = ItemCache(size=4)
    seqs = [seq for (seq,) in conn.execute("SELECT seq FROM incidents ORDER BY seq")]
    for n in range(len(seqs)):
        starts = [json.loads(i)["start"] for i in cache.items(conn, 1, seqs[n : n + 3])]
        expected = conn.execute(
            "SELECT start_at FROM incidents WHERE seq IN (SELECT value FROM json_each(?)) "
            "ORDER BY seq",
            (str(seqs[n : n + 3]),),
        ).fetchall()
        assert [s[:10] for s in starts] == [e[:10] for (e,) in expected]
        assert len(cache) <= 4


def test_a_rebuilt_file_swapped_in_is_served_with_its_own_rows(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    store_with(path, "before")
    reader = Reader(path)
    first = json.loads(reader.page_json(TimelineFilter(), 10, None))
    store_with(tmp_path / "rebuilt.sqlite3", "after")
    os.replace(tmp_path / "rebuilt.sqlite3", path)
    again = json.loads(reader.page_json(TimelineFilter(), 10, None))
    assert {i["title"] for i in first["items"]} == {"before"}
    assert {i["title"] for i in again["items"]} == {"after"}
