"""A record counts as handled only once the broker has acknowledged its output; in a batch,
only once the broker has acknowledged every output of the batch."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError

from services.normalizer.handling import RecordHandler
from services.normalizer.metrics import WorkerMetrics
from tests.articles import article


@dataclass
class Channel:
    """A topic whose sends are queued at once and acknowledged (or failed) later: the
    `failures` say how the n-th send ends (None: acknowledged), `failure` how the others do."""

    failure: BaseException | None = None
    failures: dict[int, BaseException | None] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send(self, **fields: Any) -> asyncio.Future[None]:
        failure = self.failures.get(len(self.sent), self.failure)
        self.sent.append(fields)
        pending: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if failure is None:
            pending.set_result(None)
        else:
            pending.set_exception(failure)
        return pending


@dataclass
class HeldChannel:
    """A topic whose sends stay unacknowledged until `release`; `queued` is set at the
    `expected`-th send."""

    expected: int
    queued: asyncio.Event = field(default_factory=asyncio.Event)
    pending: list[asyncio.Future[None]] = field(default_factory=list)

    async def send(self, **_fields: Any) -> asyncio.Future[None]:
        self.pending.append(asyncio.get_running_loop().create_future())
        if len(self.pending) == self.expected:
            self.queued.set()
        return self.pending[-1]

    def release(self) -> None:
        for future in self.pending:
            future.set_result(None)


@dataclass
class Message:
    value: bytes
    key: bytes = b"a-1"
    topic: str = "news.articles.v1"
    partition: int = 0
    offset: int = 7
    headers: list[tuple[str, bytes]] = field(default_factory=list)


def handler(
    timelines: Any, revisions: dict[str, str], handled: list[int], dead: Any = None
) -> RecordHandler:
    return RecordHandler(
        timelines, dead or Channel(), revisions, WorkerMetrics(), 1 << 20,
        on_handled=lambda message: handled.append(message.offset),
    )  # fmt: skip


def batch(*ids: str) -> list[Message]:
    """One record per id, at offsets 10, 11, ... of partition 0."""
    return [
        Message(article(article_id=a).model_dump_json().encode(), a.encode(), offset=10 + n)
        for n, a in enumerate(ids)
    ]


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


def test_a_batch_is_handled_in_order_once_every_timeline_is_acknowledged() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []

    async def run() -> None:
        timelines = HeldChannel(expected=2)
        task = asyncio.ensure_future(handler(timelines, revisions, handled).batch(batch("a", "b")))
        await asyncio.wait_for(timelines.queued.wait(), 5)
        assert not task.done()
        assert revisions == {}
        assert handled == []  # queued, not yet acknowledged: nothing is handled
        timelines.release()
        await task

    asyncio.run(asyncio.wait_for(run(), 5))
    assert set(revisions) == {"a", "b"}
    assert handled == [10, 11]


def test_a_failed_delivery_leaves_the_whole_batch_to_be_handled_again() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    timelines = Channel(failures={1: KafkaConnectionError("broker went away")})
    with pytest.raises(KafkaConnectionError):
        asyncio.run(handler(timelines, revisions, handled).batch(batch("a", "b", "c")))
    assert len(timelines.sent) == 3
    assert revisions == {}
    assert handled == []


def test_a_record_the_broker_refuses_as_too_large_goes_to_the_dead_letters_alone() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    timelines = Channel(failures={1: MessageSizeTooLargeError("too large")})
    dead = Channel()
    asyncio.run(handler(timelines, revisions, handled, dead).batch(batch("a", "b", "c")))
    assert set(revisions) == {"a", "c"}
    assert [letter["key"] for letter in dead.sent] == [b"b"]
    assert handled == [10, 11, 12]


def test_a_dead_letter_the_broker_never_acknowledged_leaves_the_batch_unhandled() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    records = [*batch("a"), Message(b"not json", b"b", offset=11)]
    dead = Channel(failure=KafkaConnectionError("broker went away"))
    with pytest.raises(KafkaConnectionError):
        asyncio.run(handler(Channel(), revisions, handled, dead).batch(records))
    assert len(dead.sent) == 1
    assert handled == []
    assert revisions == {}


def test_a_revision_submitted_twice_in_one_batch_is_published_once() -> None:
    revisions: dict[str, str] = {}
    handled: list[int] = []
    timelines = Channel()
    records = batch("a", "a")
    asyncio.run(handler(timelines, revisions, handled).batch(records))
    assert len(timelines.sent) == 1
    assert handled == [10, 11]


@dataclass
class Journal:
    """A topic acknowledging at once, writing each send into a shared list of events."""

    events: list[str]

    async def send(self, **fields: Any) -> asyncio.Future[None]:
        self.events.append(f"sent {fields['key'].decode()}")
        pending: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        pending.set_result(None)
        return pending


@pytest.mark.parametrize(
    ("part_s", "expected"),
    [
        (60.0, ["sent a", "sent b", "handled 10", "handled 11"]),
        (0.0, ["sent a", "handled 10", "sent b", "handled 11"]),
    ],
)
def test_a_batch_sends_and_counts_in_parts_of_bounded_work(
    monkeypatch: pytest.MonkeyPatch, part_s: float, expected: list[str]
) -> None:
    """Within the time of a part, the outputs leave together; a batch that takes longer
    sends and counts what it decided so far before it decides more."""
    monkeypatch.setattr("services.normalizer.handling.PART_DECIDE_S", part_s)
    events: list[str] = []
    handle = RecordHandler(
        Journal(events), Channel(), {}, WorkerMetrics(), 1 << 20,
        on_handled=lambda message: events.append(f"handled {message.offset}"),
    )  # fmt: skip
    asyncio.run(handle.batch(batch("a", "b")))
    assert events == expected
