"""Windows read each span class from its longest stored interval back, and still find
every interval that overlaps them, as intervals of any length keep arriving."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from services.query import span_bounds
from services.query.reads import Reader
from services.query.selection import TimelineFilter
from services.query.store import TimelineStore
from services.query.times import to_key
from tests.unit.query.factories import BASE, Span, timeline

WINDOW = (399.5, 401.0)  # days after BASE


def window_ids(reader: Reader) -> set[str]:
    start, end = WINDOW
    flt = TimelineFilter(
        start_from=to_key(BASE + timedelta(days=start)), until=to_key(BASE + timedelta(days=end))
    )
    return {i["incident_id"] for i in reader.page(flt, 500, None).items}


def overlapping(spans: dict[str, Span]) -> set[str]:
    ids = set()
    for article_id, (start, end) in spans.items():
        if start < WINDOW[1] and end > WINDOW[0]:
            ids.add(timeline(article_id, [(start, end)]).incidents[0].incident_id)
    return ids


def test_a_longer_interval_of_a_class_already_bounded_is_found(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    reader = Reader(store.path)
    # 150 and 180 days fall in one span class (more than 2**23 s, at most 2**24 s).
    spans = {"long": (240, 390), "day": (400, 401), "early": (1, 2)}
    store.apply("t", 0, [(n, timeline(a, [s])) for n, (a, s) in enumerate(spans.items())])
    assert window_ids(reader) == overlapping(spans)
    known = reader.spans.longest(reader.conn(), reader.identity(), store.high_water)
    assert known == {24: 150 * 86_400 + 1}  # short classes keep their class bounds
    # 180 days, the same class, starting more than 150 days before the window: found only
    # if the class's bound grows with it.
    spans["longer"] = (220, 400)
    store.apply("t", 3, [(3, timeline("longer", [spans["longer"]]))])
    assert window_ids(reader) == overlapping(spans)
    store.close()


def test_windows_find_what_overlaps_them_whatever_the_lengths(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    reader = Reader(store.path)
    spans: dict[str, Span] = {}
    for n, length in enumerate((1, 2, 5, 11, 31, 60, 90, 150, 300, 3000)):
        for start in (399 - length, 400 - length, 401 - length, 399, 400, 401):
            spans[f"a{n}-{start}"] = (start, start + length)
        batch = [(len(spans) + m, timeline(a, [s])) for m, (a, s) in enumerate(spans.items())]
        store.apply("t", n * 1000, batch)
        assert window_ids(reader) == overlapping(spans), length
    store.close()


def test_a_large_file_is_scanned_in_a_thread_while_windows_use_the_class_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(span_bounds, "INLINE_ROWS", 0)  # every file counts as large
    store = TimelineStore(tmp_path / "t.sqlite3")
    reader = Reader(store.path)
    spans = {"year": (36, 402), "day": (400, 401)}
    store.apply("t", 0, [(n, timeline(a, [s])) for n, (a, s) in enumerate(spans.items())])
    assert window_ids(reader) == overlapping(spans)  # before the scan has finished, too
    deadline = time.monotonic() + 10
    while reader.spans.longest(reader.conn(), reader.identity(), store.high_water) is None:
        assert time.monotonic() < deadline, "the scan never finished"
        time.sleep(0.01)
    assert window_ids(reader) == overlapping(spans)
    store.close()
