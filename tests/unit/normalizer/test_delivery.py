"""A record counts as handled only once the broker has acknowledged its output."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError

from services.normalizer.app import RecordHandler
from services.normalizer.metrics import WorkerMetrics
from tests.articles import article


@dataclass
class Channel:
    """A topic whose sends are queued at once and acknowledged (or failed) later."""

    failure: BaseException | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send(self, **fields: Any) -> asyncio.Future[None]:
        self.sent.append(fields)
        pending: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.failure is None:
            pending.set_result(None)
        else:
            pending.set_exception(self.failure)
        return pending


@dataclass
class Message:
    value: bytes
    key: bytes = b"a-1"
    topic: str = "news.articles.v1"
    partition: int = 0
    offset: int = 7
    headers: list[tuple[str, bytes]] = field(default_factory=list)


def handler(timelines: Channel, revisions: dict[str, str], handled: list[int]) -> RecordHandler:
    return RecordHandler(
        timelines, Channel(), revisions, WorkerMetrics(), 1 << 20,
        on_handled=lambda message: handled.append(message.offset),
    )  # fmt: skip


def test_an_acknowledged_timeline_marks_the_revision_and_the_offset() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    message = Message(article().model_dump_json().encode())
    asyncio.run(handler(Channel(), revisions, handled).safely(message))
    assert "a-1" in revisions
    assert handled == [7]


def test_a_timeline_the_broker_never_acknowledged_is_not_taken_for_published() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    timelines = Channel(failure=KafkaConnectionError("broker went away"))
    message = Message(article().model_dump_json().encode())
    with pytest.raises(KafkaConnectionError):
        asyncio.run(handler(timelines, revisions, handled).safely(message))
    assert len(timelines.sent) == 1
    assert revisions == {}  # the replacement must publish it, not skip it
    assert handled == []  # and the offset guard must not commit past it
