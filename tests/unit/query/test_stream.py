"""The live stream: additions and retractions in sequence order, resumable after any id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.query import changes
from services.query.change_feed import ChangeFeed
from services.query.changes import changes_after
from services.query.context import QueryContext
from services.query.reads import Reader
from services.query.selection import TimelineFilter
from services.query.sse import events
from services.query.store import Retraction, TimelineStore
from tests.unit.query.factories import timeline

TOPIC = "timelines"


class Disconnects:
    """A request that disconnects after `rounds` checks."""

    def __init__(self, rounds: int) -> None:
        self.rounds = rounds

    async def is_disconnected(self) -> bool:
        self.rounds -= 1
        return self.rounds < 0


class CountingFeed(ChangeFeed):
    def __init__(self) -> None:
        super().__init__()
        self.waits = 0

    async def wait(self, timeout_s: float) -> None:
        self.waits += 1


def test_changes_carry_additions_and_retractions_in_order(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    reader = Reader(store.path)
    first = timeline("a", [(0, 1), (1, 2)])
    store.apply(TOPIC, 0, [(0, first), (1, timeline("a", [(5, 6)], revision="r2"))])
    store.apply(TOPIC, 0, [(2, Retraction("a"))])
    batch = changes_after(reader.conn(), TimelineFilter(), 0)
    found = batch.events
    kinds = [(e.kind, e.seq) for e in found]
    assert kinds == [
        ("incident", 2),
        ("incident", 3),
        ("retract", 4),
        ("incident", 5),
        ("retract", 6),
    ]
    assert found[2].data["incident_ids"] == [i.incident_id for i in first.incidents]
    assert (batch.upper, batch.caught_up) == (store.high_water, True)
    resumed = changes_after(reader.conn(), TimelineFilter(), 4).events
    assert [e.seq for e in resumed] == [5, 6]


def test_changes_follow_the_filters(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    store.apply(TOPIC, 0, [(0, timeline("a", source="x")), (1, timeline("b", source="y"))])
    found = changes_after(Reader(store.path).conn(), TimelineFilter(source="y"), 0).events
    assert [e.data["article_id"] for e in found] == ["b"]


async def test_stream_skips_long_runs_of_non_matching_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "SCAN", 2)  # many rounds without a match in between
    store = TimelineStore(tmp_path / "t.sqlite3")
    noise = [(n, timeline(f"n{n}", source="x")) for n in range(10)]
    store.apply(TOPIC, 0, [*noise, (10, timeline("wanted", source="y"))])
    feed = CountingFeed()
    context = QueryContext(Reader(store.path), None, feed)
    flt = TimelineFilter(source="y")
    # 22 sequence numbers in rounds of 2: the 11th round reaches the high-water mark.
    sent = [e async for e in events(Disconnects(11), context, flt, 0)]
    assert [json.loads(e["data"])["article_id"] for e in sent] == ["wanted"]
    assert feed.waits == 1  # only once caught up, never between rounds


async def test_stream_resumes_after_last_event_id(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    store.apply(TOPIC, 0, [(0, timeline("a")), (1, timeline("b")), (2, timeline("c"))])
    context = QueryContext(Reader(store.path), None, ChangeFeed())
    sent = [e async for e in events(Disconnects(1), context, TimelineFilter(), 2)]
    assert [e["id"] for e in sent] == ["4", "6"]
    assert [json.loads(e["data"])["article_id"] for e in sent] == ["b", "c"]
    assert {e["event"] for e in sent} == {"incident"}


def test_an_edit_retracts_and_adds_only_the_incidents_it_changed(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    reader = Reader(store.path)
    first = timeline("a", [(0, 1), (1, 2), (2, 3)])
    kept, changed, _ = first.incidents
    edited = first.model_copy(
        update={
            "revision": "r2",
            "incidents": (kept, changed.model_copy(update={"sentence": "Now it is told."})),
        }
    )
    store.apply(TOPIC, 0, [(0, first)])
    after_first = store.high_water
    store.apply(TOPIC, 0, [(1, edited)])
    found = changes_after(reader.conn(), TimelineFilter(), after_first).events
    assert [e.kind for e in found] == ["retract", "incident"]
    assert sorted(found[0].data["incident_ids"]) == sorted(
        [changed.incident_id, first.incidents[2].incident_id]
    )
    assert found[1].data["incident_id"] == changed.incident_id
    assert found[1].data["sentence"] == "Now it is told."
    live = reader.page(TimelineFilter(), 10, None).items
    assert [i["incident_id"] for i in live] == [kept.incident_id, changed.incident_id]


def test_replaying_the_same_timeline_changes_nothing_on_the_stream(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    tl = timeline("a", [(0, 1), (1, 2)])
    store.apply(TOPIC, 0, [(0, tl)])
    after_first = store.high_water
    store.apply(TOPIC, 0, [(1, tl.model_copy(update={"revision": "r2"}))])
    assert changes_after(Reader(store.path).conn(), TimelineFilter(), after_first).events == []
