"""The bulk-loaded benchmark store is an ordinary store: indexes, search and windows work."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.api import BARE, bench_app, scenarios
from bench.api_cpu import cpu_per_request
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


def test_cpu_per_request_covers_every_scenario_cached_and_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bench.sqlite3"
    targets = scenarios(path, fill(path, 2000))
    monkeypatch.setenv("NEWSTIMELINE_DATABASE_PATH", str(path))
    costs = cpu_per_request(bench_app(), targets, requests=3)
    expected = [BARE] + [f"{n}{s}" for n in targets if n != BARE for s in ("", ", uncached")]
    assert sorted(costs) == sorted(expected)
    assert all(ms > 0 for ms in costs.values())
