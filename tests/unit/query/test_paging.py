"""Cursor paging: the walk yields the first page's snapshot exactly once, in order,
whatever is inserted, replaced or retracted between pages."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.query.cursor import CursorError
from services.query.reads import CursorExpiredError, Reader
from services.query.selection import TimelineFilter
from services.query.store import Change, Retraction, TimelineStore
from services.query.times import to_key, to_rfc3339
from services.timeline.mentions import Granularity
from tests.unit.query.factories import BASE, timeline

TOPIC = "timelines"
ARTICLES = [f"a{n}" for n in range(6)]

spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 5)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=4,
    unique=True,
)
granularities = st.sampled_from([Granularity.HOUR, Granularity.DAY, Granularity.YEAR])
SENTENCES = ["Something happened then.", "The siege ended then."]
changes = st.one_of(
    st.builds(
        lambda a, s, r, g, t: timeline(a, s, revision=r, granularity=g, sentence=t),
        st.sampled_from(ARTICLES),
        spans,
        st.sampled_from(["r1", "r2", "r3"]),
        granularities,
        st.sampled_from(SENTENCES),
    ),
    st.builds(Retraction, st.sampled_from(ARTICLES)),
)


def walk(
    reader: Reader,
    flt: TimelineFilter,
    limit: int,
    between: list[list[Change]],
    store: TimelineStore,
) -> list[tuple[str, str, str]]:
    seen: list[tuple[str, str, str]] = []
    cursor: str | None = None
    offset = 10_000
    for step in range(1000):
        page = reader.page(flt, limit, cursor)
        seen += [(i["start"], i["end"], i["incident_id"]) for i in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor
        batch = between[step % len(between)] if between else []
        store.apply(TOPIC, 0, [(offset + n, c) for n, c in enumerate(batch)])
        offset += len(batch)
    raise AssertionError("paging did not end")


windows = st.none() | st.tuples(st.integers(0, 35), st.integers(1, 10))


def selected(
    item: dict[str, str], window: tuple[int, int] | None, rank: int | None, q: str | None
) -> bool:
    if q is not None and q not in item["sentence"]:
        return False
    if rank is not None and Granularity(item["granularity"]).rank > rank:
        return False
    if window is None:
        return True
    key = (item["start"], item["end"])
    lo, hi = (to_key(BASE + timedelta(days=d)) for d in (window[0], window[0] + window[1]))
    return key[0] < to_rfc3339(hi) and key[1] > to_rfc3339(lo)


@settings(max_examples=40, deadline=None)
@given(
    initial=st.lists(changes, min_size=1, max_size=8),
    between=st.lists(st.lists(changes, max_size=3), max_size=4),
    limit=st.integers(1, 4),
    descending=st.booleans(),
    window=windows,
    rank=st.none() | st.sampled_from([Granularity.HOUR.rank, Granularity.DAY.rank]),
    q=st.none() | st.just("siege"),
)
def test_walk_yields_the_first_snapshot_exactly_once(
    initial: list[Change],
    between: list[list[Change]],
    limit: int,
    descending: bool,
    window: tuple[int, int] | None,
    rank: int | None,
    q: str | None,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = TimelineStore(Path(tmp) / "t.sqlite3")
        reader = Reader(store.path)
        store.apply(TOPIC, 0, list(enumerate(initial)))
        everything = reader.page(TimelineFilter(descending=descending), 10_000, None).items
        expected = [
            (i["start"], i["end"], i["incident_id"])
            for i in everything
            if selected(i, window, rank, q)
        ]
        lo, hi = (
            (to_key(BASE + timedelta(days=d)) for d in (window[0], sum(window)))
            if window
            else (None, None)
        )
        flt = TimelineFilter(
            descending=descending, start_from=lo, until=hi, max_granularity_rank=rank, q=q
        )
        assert walk(reader, flt, limit, between, store) == expected
        store.close()


def test_cursor_is_bound_to_its_filters(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    store.apply(TOPIC, 0, [(0, timeline("a", [(0, 1), (1, 2)]))])
    reader = Reader(store.path)
    cursor = reader.page(TimelineFilter(), 1, None).next_cursor
    assert cursor
    with pytest.raises(CursorError, match="other filters"):
        reader.page(TimelineFilter(source="wire"), 1, cursor)
    with pytest.raises(CursorError, match="malformed"):
        reader.page(TimelineFilter(), 1, "not-a-cursor")


def test_cursor_expires_once_its_retired_rows_are_purged(tmp_path: Path) -> None:
    now = [1000.0]
    store = TimelineStore(tmp_path / "t.sqlite3", clock=lambda: now[0])
    store.apply(TOPIC, 0, [(0, timeline("a", [(0, 1), (1, 2)]))])
    reader = Reader(store.path)
    cursor = reader.page(TimelineFilter(), 1, None).next_cursor
    store.apply(TOPIC, 0, [(1, timeline("a", [(4, 5)], revision="r2"))])
    # Within retention the old snapshot still reads the replaced row.
    assert [i["end"][8:10] for i in reader.page(TimelineFilter(), 5, cursor).items] == ["03"]
    now[0] += 3600
    assert store.purge_retired(older_than_s=60) == 2
    with pytest.raises(CursorExpiredError):
        reader.page(TimelineFilter(), 1, cursor)
