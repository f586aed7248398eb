"""Healing gaps: records of an owned partition the agent never handled are read again, with
a consumer of their own assigned to that partition, and handled like any other.

Outputs are deterministic (same record, same bytes) and the revisions table turns a second
handling into a skip, so healing a record that the stream also delivers costs only time.
A watchdog, run by a Faust timer, heals a gap once it has been missing for a short grace
(a seek in flight re-delivers most in that time) and a partition whose first unhandled
record has waited for long with no later record handled (its tail was passed over).
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import faust
from aiokafka import AIOKafkaConsumer, TopicPartition
from faust.streams import _current_event
from faust.types.tuples import Message  # the table's writes need the record's event

from services.normalizer.metrics import WorkerMetrics
from services.normalizer.offset_guard import OffsetGuard

log = logging.getLogger(__name__)

GRACE_S = 2.0  # a gap may fill itself: the seek that caused it re-delivers the records
STALL_S = 10.0  # the first unhandled record waits this long with nothing moving: heal it
READ_TIMEOUT_S = 30.0

Handle = Callable[[Any], Awaitable[None]]


@dataclass
class Healer:
    """Reads missing records again and hands them to `handle` (the agent's own path)."""

    app: faust.App
    guard: OffsetGuard
    bootstrap: str
    metrics: WorkerMetrics
    max_fetch_bytes: int
    handle: Handle | None = None  # set once the record handler exists
    tasks: dict[int, asyncio.Task[None]] = field(default_factory=dict)

    def started(self, message: Any) -> None:
        """One record of an owned partition is about to be handled (its key is claimed)."""
        if message.topic == self.guard.topic:
            self.guard.claim(message.partition, message.offset, message.key)

    def handled(self, message: Any) -> None:
        """One record of an owned partition is done (by the agent or by healing)."""
        if message.topic == self.guard.topic:
            gaps = self.guard.handled(message.partition, message.offset, time.monotonic())
            self.gaps_found(message.partition, gaps, f"offset {message.offset} was handled")

    def gaps_found(self, partition: int, offsets: list[int], why: str) -> None:
        if not offsets:
            return
        self.metrics.gaps.inc(len(offsets))
        log.warning(
            "gap on %s partition %d: %d record(s) not handled (%s), offsets %s",
            self.guard.topic, partition, len(offsets), why, _spans(offsets),
        )  # fmt: skip

    def tick(self, ends: dict[int, int | None]) -> None:
        """Start healing where it is due (called every second by a timer)."""
        now = time.monotonic()
        for partition, end in ends.items():
            if partition in self.tasks and not self.tasks[partition].done():
                continue
            due = self.guard.due(partition, now, GRACE_S)
            low = self.guard.commit_point(partition)
            if not due and self.guard.stalled(partition, end, now, STALL_S) and low is not None:
                assert end is not None
                due = list(range(low, end))
                log.warning("partition %d of %s: no progress at offset %d for %.0f s; reading "
                            "%d record(s) again", partition, self.guard.topic, low, STALL_S,
                            len(due))  # fmt: skip
            if due:
                self.tasks[partition] = asyncio.ensure_future(self.heal(partition, due))

    def forget(self, partitions: Iterable[int]) -> None:
        for partition in partitions:
            task = self.tasks.pop(partition, None)
            if task is not None:
                task.cancel()

    async def heal(self, partition: int, offsets: list[int]) -> None:
        wanted = set(offsets)
        tp = TopicPartition(self.guard.topic, partition)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False,
            max_partition_fetch_bytes=self.max_fetch_bytes,
        )  # fmt: skip
        await consumer.start()
        try:
            consumer.assign([tp])
            consumer.seek(tp, min(wanted))
            deadline = time.monotonic() + READ_TIMEOUT_S
            while wanted and time.monotonic() < deadline:
                batch = await consumer.getmany(tp, timeout_ms=1000)
                for record in batch.get(tp, []):
                    if record.offset > max(wanted):
                        wanted.clear()
                        break
                    if record.offset in wanted:
                        wanted.discard(record.offset)
                        await self.handle_one(record)
        except Exception:
            log.exception("healing partition %d failed; the watchdog tries again", partition)
        finally:
            await consumer.stop()

    async def handle_one(self, record: Any) -> None:
        if self.guard.superseded(record.partition, record.offset, record.key):
            # A later revision (or retraction) of the article is already out: this one's
            # output would only hide it. Done, as a compacted log would have it.
            self.guard.handled(record.partition, record.offset, time.monotonic())
            log.warning("gap record %s partition %d offset %d superseded by a later one of "
                        "its key; not published", record.topic, record.partition,
                        record.offset)  # fmt: skip
            return
        message = faust_message(record)
        event = faust.Event(self.app, record.key, record.value, message.headers, message)
        _current_event.set(weakref.ref(event))  # this task's own context
        assert self.handle is not None
        await self.handle(message)
        self.metrics.healed.inc()
        log.warning("healed %s partition %d offset %d", record.topic, record.partition,
                    record.offset)  # fmt: skip


def faust_message(record: Any) -> Any:
    return Message(
        record.topic, record.partition, record.offset, record.timestamp / 1000.0,
        record.timestamp_type, list(record.headers or ()), record.key, record.value, None,
    )  # fmt: skip


def _spans(offsets: list[int]) -> str:
    """12,13,14,20 -> '12-14,20': a gap's offsets in a log line of bounded length."""
    spans: list[list[int]] = []
    for offset in sorted(offsets):
        if spans and spans[-1][1] == offset - 1:
            spans[-1][1] = offset
        else:
            spans.append([offset, offset])
    text = ",".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return text if len(text) < 300 else text[:300] + "..."
