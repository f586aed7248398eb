"""The feed files of tests/data/feeds, copied (so tests may edit them) and served over HTTP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feed_server import FeedServer, serving

FEEDS = Path(__file__).parents[2] / "data" / "feeds"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FeedServer]:
    folder = tmp_path / "served"
    shutil.copytree(FEEDS, folder)
    with serving(folder) as feeds:
        yield feeds
