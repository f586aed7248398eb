"""Rebuilt read model files: naming, the swap, and what is deleted after it."""

from __future__ import annotations

from pathlib import Path

from services.query.cursor import Cursor
from services.query.generations import forget, generations, next_generation, swap_in
from services.query.store import TimelineStore
from tests.unit.query.factories import timeline


def test_generations_are_numbered_beside_the_served_path(tmp_path: Path) -> None:
    served = tmp_path / "timeline.sqlite3"
    assert next_generation(served) == tmp_path / "timeline.sqlite3.gen1"
    for name in ("timeline.sqlite3.gen2", "timeline.sqlite3.gen10", "timeline.sqlite3.genx"):
        (tmp_path / name).touch()
    assert [p.name for p in generations(served)] == [
        "timeline.sqlite3.gen2", "timeline.sqlite3.gen10",
    ]  # fmt: skip
    assert next_generation(served).name == "timeline.sqlite3.gen11"


def test_swap_replaces_a_plain_file_then_a_generation(tmp_path: Path) -> None:
    served = tmp_path / "timeline.sqlite3"
    store = TimelineStore(served)
    store.apply("t", 0, [(0, timeline("a"))])
    first, second = tmp_path / "timeline.sqlite3.gen1", tmp_path / "timeline.sqlite3.gen2"
    TimelineStore(first).close()
    assert swap_in(served, first) == served
    assert store.moved()
    assert store.reopen() == served
    assert store.opened == first
    forget(served, served)  # the plain file: only its sidecars can go
    assert served.is_symlink()
    assert not (tmp_path / "timeline.sqlite3-wal").exists()
    TimelineStore(second).close()
    assert swap_in(served, second) == first
    assert store.reopen() == first
    forget(first, served)
    assert generations(served) == [second]
    assert not store.moved()
    store.close()


def test_cursors_without_a_generation_still_decode() -> None:
    old = Cursor("s", "e", "i", 7, "f")
    assert Cursor.decode(old.encode(), "f").generation == 0
    new = Cursor("s", "e", "i", 7, "f", 123)
    assert Cursor.decode(new.encode(), "f") == new
