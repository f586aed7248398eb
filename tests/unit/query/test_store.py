"""The store: replace, tombstone, offsets, ordering and the overlap filter."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from services.query.reads import Reader
from services.query.selection import TimelineFilter
from services.query.store import Change, Retraction, TimelineStore
from services.query.timeline_codec import decode_rows
from services.query.times import to_key
from services.timeline.events import ArticleTimeline
from tests.unit.query.factories import BASE, timeline

TOPIC = "timelines"


@pytest.fixture
def store(tmp_path: Path) -> TimelineStore:
    return TimelineStore(tmp_path / "t.sqlite3")


def ids(reader: Reader, flt: TimelineFilter | None = None) -> list[str]:
    page = reader.page(flt or TimelineFilter(), 500, None)
    return [i["incident_id"] for i in page.items]


def test_new_revision_replaces_the_articles_incidents(store: TimelineStore) -> None:
    reader = Reader(store.path)
    first = timeline("a", [(0, 1), (2, 3)], revision="r1")
    second = timeline("a", [(5, 6)], revision="r2")
    store.apply(TOPIC, 0, [(0, first), (1, second)])
    assert ids(reader) == [second.incidents[0].incident_id]
    assert reader.incident(first.incidents[0].incident_id) is None


def test_tombstone_removes_the_article(store: TimelineStore) -> None:
    reader = Reader(store.path)
    store.apply(TOPIC, 0, [(0, timeline("a")), (1, timeline("b", [(3, 4)]))])
    store.apply(TOPIC, 0, [(2, Retraction("a"))])
    assert [i["article_id"] for i in reader.page(TimelineFilter(), 10, None).items] == ["b"]


def test_offsets_are_stored_with_the_rows(store: TimelineStore) -> None:
    store.apply(TOPIC, 0, [(0, timeline("a")), (7, None)])
    store.apply(TOPIC, 3, [(41, timeline("b"))])
    assert store.offsets(TOPIC) == {0: 8, 3: 42}
    reopened = TimelineStore(store.path)
    assert reopened.offsets(TOPIC) == {0: 8, 3: 42}
    assert reopened.high_water == store.high_water


def test_replaying_a_revision_leaves_one_copy(store: TimelineStore) -> None:
    reader = Reader(store.path)
    tl = timeline("a", [(0, 1), (1, 2)])
    store.apply(TOPIC, 0, [(0, tl), (1, tl)])
    assert len(ids(reader)) == 2


def test_a_record_the_schema_refuses_is_skipped_not_fatal(store: TimelineStore) -> None:
    reader = Reader(store.path)
    store.apply(TOPIC, 0, [(0, timeline("a"))])
    # Same incident id claimed by another article: the unique live id refuses it.
    clash = timeline("a").model_copy(update={"article_id": "b"})
    assert store.apply(TOPIC, 0, [(1, clash), (2, timeline("c", [(9, 10)]))]) == 1
    assert [i["article_id"] for i in reader.page(TimelineFilter(), 10, None).items] == ["a", "c"]
    assert store.offsets(TOPIC) == {0: 3}


def test_order_is_start_then_end_then_id(store: TimelineStore) -> None:
    reader = Reader(store.path)
    store.apply(TOPIC, 0, [(0, timeline("a", [(3, 4), (1, 5), (1, 2)])), (1, timeline("b"))])
    items = reader.page(TimelineFilter(), 10, None).items
    keys = [(i["start"], i["end"], i["incident_id"]) for i in items]
    assert keys == sorted(keys)
    assert items[0]["start"] == "2024-01-01T00:00:00Z"
    desc = reader.page(TimelineFilter(descending=True), 10, None).items
    assert desc == items[::-1]


def test_window_keeps_overlapping_intervals(store: TimelineStore) -> None:
    reader = Reader(store.path)
    tl = timeline("a", [(0, 2), (2, 3), (3, 10), (10, 11), (1, 20)])
    store.apply(TOPIC, 0, [(0, tl)])
    window = TimelineFilter(
        start_from=to_key(BASE.replace(day=3)), until=to_key(BASE.replace(day=4))
    )  # days [2, 3): (0, 2) ends and (3, 10) starts at a bound, so neither overlaps
    found = {(i["start"][8:10], i["end"][8:10]) for i in reader.page(window, 10, None).items}
    assert found == {("03", "04"), ("02", "21")}


def test_items_serialized_by_sqlite_equal_the_python_ones(store: TimelineStore) -> None:
    reader = Reader(store.path)
    tl = timeline("a", [(0, 1), (2, 3)])
    odd = tl.incidents[0].model_copy(
        update={
            "start": BASE + timedelta(microseconds=250),
            "mention": None,
            "sentence": 'Quotes " and \\ and ünïcode\n',
        }
    )
    store.apply(TOPIC, 0, [(0, tl.model_copy(update={"incidents": (odd, tl.incidents[1])}))])
    for limit in (1, 5):
        page = reader.page(TimelineFilter(), limit, None)
        body = json.loads(reader.page_json(TimelineFilter(), limit, None))
        assert body == {
            "items": page.items,
            "next_cursor": page.next_cursor,
            "snapshot": page.snapshot,
        }
    assert page.items[0]["start"] == "2024-01-01T00:00:00.000250Z"


def test_a_store_of_another_schema_version_is_rebuilt_empty(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = TimelineStore(path)
    old.apply(TOPIC, 0, [(0, timeline("a"))])
    old.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")
    reopened = TimelineStore(path)
    assert reopened.offsets(TOPIC) == {}  # so the projector reads the topic again
    assert reopened.high_water == 0
    assert ids(Reader(path)) == []


def test_a_refused_record_is_skipped_and_the_rest_of_the_batches_kept(
    store: TimelineStore,
) -> None:
    reader = Reader(store.path)
    good, other = timeline("a", [(0, 1)]), timeline("c", [(4, 5)])
    # The same live incident id under another article breaks the store's unique index.
    clash = timeline("b", [(2, 3)]).model_copy(update={"incidents": good.incidents})
    rejected = store.apply_batches(TOPIC, {0: [(0, good), (1, clash)], 1: [(0, other)]})
    assert rejected == 1
    assert ids(reader) == [good.incidents[0].incident_id, other.incidents[0].incident_id]
    assert store.offsets(TOPIC) == {0: 2, 1: 1}


def _everything(path: Path) -> tuple[list[str], list[str], list[str]]:
    reader = Reader(path)
    window = TimelineFilter(start_from=to_key(BASE + timedelta(days=3)))
    return ids(reader), ids(reader, TimelineFilter(q="bulk")), ids(reader, window)


def _timelines() -> list[tuple[int, Change]]:
    return [
        (n, timeline(f"art-{n}", [(n % 7, n % 7 + 1 + n % 3)], sentence=f"bulk {n} words"))
        for n in range(40)
    ]


def test_a_bulk_load_reads_exactly_like_a_row_by_row_load(tmp_path: Path) -> None:
    plain, bulk = TimelineStore(tmp_path / "plain.sqlite3"), TimelineStore(tmp_path / "b.sqlite3")
    plain.apply(TOPIC, 0, _timelines())
    bulk.start_bulk()
    bulk.apply(TOPIC, 0, _timelines())
    bulk.finish_bulk()
    assert _everything(bulk.path) == _everything(plain.path)
    assert len(_everything(bulk.path)[1]) == 40


def test_a_bulk_load_cut_short_is_indexed_when_the_store_reopens(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    store = TimelineStore(path)
    store.start_bulk()
    store.apply(TOPIC, 0, _timelines())
    store.close()  # a crash before finish_bulk
    TimelineStore(path).close()
    assert len(_everything(path)[1]) == 40
    names = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_schema")}
    assert {"incidents_order", "incidents_span", "incidents_sort"} <= names


def _mixed_records() -> list[tuple[int, Change]]:
    """Decoded as the projector decodes them: new articles, a second revision of one, a
    retraction and the article coming back, a timeline naming one incident twice."""
    changes: list[ArticleTimeline | Retraction] = [
        timeline(f"art-{n}", [(n % 5, n % 5 + 1), (n % 3, n % 3 + 2)], sentence=f"bulk {n}")
        for n in range(30)
    ]
    twice = timeline("art-99", [(1, 2), (3, 4)])
    changes += [
        timeline("art-3", [(3, 4), (7, 9)], revision="r2"),
        Retraction("art-4"),
        timeline("art-4", [(2, 3)], revision="r3"),
        twice.model_copy(update={"incidents": (*twice.incidents, twice.incidents[0])}),
        timeline("art-30", [(0, 1)]),
    ]
    return [
        (n, c if isinstance(c, Retraction) else decode_rows(c.model_dump_json().encode()))
        for n, c in enumerate(changes)
    ]


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    queries = {
        "incidents": "SELECT * FROM incidents ORDER BY seq",
        "articles": "SELECT * FROM articles ORDER BY article_id",
        "span_classes": "SELECT * FROM span_classes ORDER BY span_class",
        "retractions": "SELECT * FROM retractions ORDER BY article_id",
        "meta": "SELECT * FROM meta WHERE key IN ('high_water', 'text_through') ORDER BY key",
        "search": "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH 'bulk' ORDER BY 1",
    }
    return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


def test_a_bulk_load_writes_the_rows_a_row_by_row_load_writes(tmp_path: Path) -> None:
    records = _mixed_records()
    plain = TimelineStore(tmp_path / "plain.sqlite3", clock=lambda: 1.0)
    bulk = TimelineStore(tmp_path / "bulk.sqlite3", clock=lambda: 1.0, durable=False)
    bulk.start_bulk()
    for first in range(0, len(records), 7):  # transactions that mix old and new articles
        plain.apply(TOPIC, 0, records[first : first + 7])
        bulk.apply(TOPIC, 0, records[first : first + 7])
    bulk.finish_bulk()
    bulk.make_durable()  # written with its locks held until then, as a rebuild's file
    expected = _tables(plain.path)
    assert _tables(bulk.path) == expected
    assert sum(row[17] is not None for row in expected["incidents"]) == 4  # art-3 r1, art-4 r1
    assert len(expected["search"]) == 30 * 2  # retired rows too, until purged
