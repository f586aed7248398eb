"""Every service as its own process on the real broker, with topics of this session only."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest

from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import Stack, isolated_env


@pytest.fixture(scope="session")
def pipeline(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("pipeline")
    stack = Stack.create(bootstrap, tmp, **isolated_env("e2e", uuid.uuid4().hex[:8], tmp))
    asyncio.run(create_topics(stack.settings, bootstrap))
    try:
        stack.start("query", "ingest", "worker")
        yield stack
    finally:
        stack.stop_all()
