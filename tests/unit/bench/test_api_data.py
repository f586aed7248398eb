"""The bulk-loaded benchmark store is an ordinary store: indexes, search and windows work."""

from __future__ import annotations

from pathlib import Path

from bench.api import scenarios
from bench.api_data import fill
from services.query.reads import Reader
from services.query.selection import TimelineFilter


def test_bulk_fill_gives_a_queryable_store(tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite3"
    high_water = fill(path, 2000)
    reader = Reader(path)
    walked, cursor = 0, None
    while True:
        page = reader.page(TimelineFilter(), 500, cursor)
        walked, cursor = walked + len(page.items), page.next_cursor
        if cursor is None:
            break
    assert walked == 2000
    assert reader.page(TimelineFilter(q="siege"), 10, None).items is not None
    assert set(scenarios(path, high_water)) >= {"first page", "one-week window"}
