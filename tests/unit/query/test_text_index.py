"""The full-text index follows the rows: what it holds, what waits, what a search sees."""

from __future__ import annotations

from pathlib import Path

from services.query.reads import Reader
from services.query.schema import connect
from services.query.selection import TimelineFilter
from services.query.store import Retraction, TimelineStore
from tests.unit.query.factories import timeline
from tests.unit.query.versions import downgrade_to_version_5


def found(path: Path, q: str) -> list[str]:
    return [i["article_id"] for i in Reader(path).page(TimelineFilter(q=q), 50, None).items]


def test_rows_are_searchable_once_indexed_and_not_before(tmp_path: Path) -> None:
    store = TimelineStore(tmp_path / "t.sqlite3")
    store.text_follows = True
    store.apply("t", 0, [(0, timeline("a", [(0, 1), (1, 2)], sentence="The siege began."))])
    store.apply("t", 0, [(1, timeline("b", sentence="The siege ended."))])
    assert found(store.path, "siege") == []
    assert store.text_pending() == 3
    assert store.index_text(2) == 2  # oldest first, in batches
    assert found(store.path, "siege") == ["a", "a"]
    assert store.index_text(10) == 1
    assert store.text_pending() == 0
    assert sorted(found(store.path, "siege")) == ["a", "a", "b"]
    assert store.index_text(10) == 0
    store.close()


def test_deleting_rows_the_index_does_not_hold_yet_leaves_it_intact(tmp_path: Path) -> None:
    now = [1000.0]
    store = TimelineStore(tmp_path / "t.sqlite3", clock=lambda: now[0])
    store.apply("t", 0, [(0, timeline("a", sentence="The siege began."))])  # indexed
    store.text_follows = True
    store.apply("t", 0, [(1, timeline("b", sentence="The siege ended."))])
    store.apply("t", 0, [(2, Retraction("a")), (3, Retraction("b"))])
    now[0] += 3600
    assert store.purge_retired(older_than_s=60) == 2  # one indexed row, one not
    store.index_text()
    check = "INSERT INTO incidents_fts (incidents_fts) VALUES ('integrity-check')"
    writer = connect(str(store.path))
    writer.execute(check)  # raises when the index holds rows the table does not
    writer.close()
    assert store.text_pending() == 0
    store.close()


def test_a_version_5_read_model_keeps_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = TimelineStore(path)
    store.apply("t", 0, [(0, timeline("a", sentence="The siege began."))])
    store.close()
    downgrade_to_version_5(path)
    migrated = TimelineStore(path)
    assert migrated.text_pending() == 0
    assert found(path, "siege") == ["a"]
    migrated.apply("t", 0, [(1, timeline("b", sentence="Another siege."))])
    assert found(path, "siege") == ["a", "b"]
    migrated.close()
