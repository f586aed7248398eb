"""The feed state file: round trip, bounded memory, refusal of a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ingest.feeds.state import (
    MAX_SEEN_PER_FEED,
    FeedMemory,
    FeedState,
    FeedStateError,
    load_state,
    save_state,
)


def test_state_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state" / "feeds.json"
    state = FeedState()
    memory = state.memory("https://x.test/feed")
    memory.etag, memory.last_modified = '"abc"', "Mon, 15 Dec 2025 12:00:00 GMT"
    memory.remember("guid-1", "rev-1")
    save_state(state, path)
    assert load_state(path) == state
    assert load_state(tmp_path / "absent.json") == FeedState()


def test_memory_keeps_the_newest_entries() -> None:
    memory = FeedMemory()
    for n in range(MAX_SEEN_PER_FEED + 2):
        memory.remember(f"g{n}", "r")
    memory.remember("g2", "r2")  # seen again: becomes the newest
    assert len(memory.seen) == MAX_SEEN_PER_FEED
    assert "g0" not in memory.seen
    assert "g1" not in memory.seen
    assert list(memory.seen)[-1] == "g2"


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "feeds.json"
    path.write_text("{not json")
    with pytest.raises(FeedStateError, match="unreadable"):
        load_state(path)
