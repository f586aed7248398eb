"""Fixtures of the query service's integration tests: a fresh topic, a producer, polling."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from services.platform.settings import Settings, TopicSettings
from tests.kafka_helpers import new_topics


@pytest.fixture
async def topic_settings(bootstrap: str, tmp_path: Path) -> Settings:
    topic = f"timelines-{uuid.uuid4().hex[:8]}"
    await new_topics(bootstrap, (topic, 2))
    return Settings(
        topics=TopicSettings(timelines=topic),
        database_path=tmp_path / "q.sqlite3",
        projector_group=f"projector-{topic}",
    )
