"""Sort keys: the full-text index's rowid, in timeline order across start seconds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from services.query.reads import Reader
from services.query.schema import SCHEMA_VERSION, connect
from services.query.selection import TimelineFilter
from services.query.sort_keys import SLOT_BITS, SlotAllocator, base_of, bucket_bounds
from services.query.store import TimelineStore
from tests.unit.query.factories import timeline
from tests.unit.query.versions import downgrade_to_version_3

# Hypothesis takes naive bounds and makes the values aware (timezones=).
instants = st.datetimes(
    min_value=datetime(1, 1, 1),  # noqa: DTZ001
    max_value=datetime(9999, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@given(instants, instants)
def test_keys_of_different_seconds_follow_the_start_order(a: datetime, b: datetime) -> None:
    if a.replace(microsecond=0) != b.replace(microsecond=0):
        assert (base_of(a) < base_of(b)) == (a < b)
    assert 0 <= base_of(a) < 2**63


def test_slots_of_one_second_are_distinct_and_stay_in_it() -> None:
    start = datetime(2014, 12, 15, 9, 30, tzinfo=UTC)
    slots = SlotAllocator()
    keys = [slots.key(start + timedelta(microseconds=n)) for n in range(3)]
    assert keys == [base_of(start), base_of(start) + 1, base_of(start) + 2]
    assert bucket_bounds(keys[1], descending=False) == (keys[2], base_of(start) + 2**SLOT_BITS - 1)
    assert bucket_bounds(keys[1], descending=True) == (base_of(start), keys[0])


def stored_keys(path: Path) -> list[tuple[str, int]]:
    conn = connect(str(path), readonly=True)
    try:
        rows = conn.execute("SELECT incident_id, sort_key FROM incidents ORDER BY seq")
        return [(str(i), int(k)) for i, k in rows]
    finally:
        conn.close()


def test_the_store_gives_each_incident_of_one_second_its_own_slot(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    store.apply("t", 0, [(0, timeline("a", [(0, 1), (0, 2)])), (1, timeline("b", [(0, 1)]))])
    keys = [k for _, k in stored_keys(store.path)]
    base = keys[0] >> SLOT_BITS << SLOT_BITS
    assert sorted(keys) == [base, base + 1, base + 2]
    store.close()


def search(path: Path, q: str, limit: int) -> list[str]:
    reader, cursor, seen = Reader(path), None, []
    while True:
        page = reader.page(TimelineFilter(q=q), limit, cursor)
        seen += [i["article_id"] for i in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


def test_a_version_3_read_model_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = TimelineStore(path)
    # Three articles on one day (one start second), arriving out of timeline order.
    changes = [timeline(a, [(0, end)], sentence="The siege ended.") for a, end in
               [("c", 3), ("a", 1), ("b", 2)]]  # fmt: skip
    store.apply("t", 0, list(enumerate(changes)))
    store.close()
    downgrade_to_version_3(path)

    migrated = TimelineStore(path)
    assert migrated.offsets("t") == {0: 3}  # kept: nothing is projected again
    assert search(path, "siege", 1) == ["a", "b", "c"]
    keys = [k for _, k in stored_keys(path)]
    assert len(set(keys)) == 3
    migrated.apply("t", 0, [(3, timeline("d", [(0, 4)], sentence="Another siege."))])
    assert search(path, "siege", 2) == ["a", "b", "c", "d"]
    conn = connect(str(path), readonly=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    migrated.close()


def walk(reader: Reader, flt: TimelineFilter, limit: int) -> list[str]:
    cursor, seen = None, []
    while True:
        page = reader.page(flt, limit, cursor)
        seen += [i["incident_id"] for i in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


def test_search_pages_follow_the_timeline_order_at_every_page_size(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    # Runs of matches sharing a start second (arriving out of order) between lone ones, so
    # pages end inside a second, at its end, and just before the next one.
    spans = {"a": [(0, 3), (1, 2), (4, 5)], "b": [(0, 1), (1, 3), (2, 3)], "c": [(0, 2), (1, 4)]}
    changes = [timeline(a, s, sentence="The siege went on.") for a, s in spans.items()]
    store.apply("t", 0, list(enumerate(changes)))
    store.close()
    reader = Reader(store.path)
    for descending in (False, True):
        expected = walk(reader, TimelineFilter(descending=descending), 100)
        for limit in range(1, 10):
            found = walk(reader, TimelineFilter(q="siege", descending=descending), limit)
            assert found == expected, (descending, limit)
