"""Operators' tools for the dead-letter topic: list what is pending, re-drive it, or
discard it.

Re-driving puts a dead letter's original key, bytes and headers back on the topic it came
from, after checking it the way the worker will (decode, validate, a dry build): one that
would fail again stays, with its cause, unless forced. What has been re-driven is kept as
the redrive group's committed offsets (see ledger.py), so running it twice sends nothing
twice, and `dlq list` shows only what is still pending. It stops at the end offsets that
existed when it started, so it never chases its own output. Discarding marks records
handled in the same ledger without sending them anywhere: a record that can never succeed
(an article too large to build) then stops being counted by `status` and re-driven.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import CoordinatorLoadInProgressError, GroupCoordinatorNotAvailableError
from aiokafka.structs import OffsetAndMetadata

from services.normalizer.dead_letters import summary
from services.normalizer.ledger import Ledger
from services.normalizer.processing import DeadLetter, decide, event_type
from services.platform.kafka.topic_reader import Record, partitions_of, read_range, started_consumer
from services.platform.settings import Settings

REDRIVE_GROUP_SUFFIX = "-dlq-redrive"
COORDINATOR_WAIT_S = 30.0


@dataclass(frozen=True)
class DeadLetterView:
    """One dead letter as an operator reads it."""

    partition: int
    offset: int
    timestamp_ms: int
    key: bytes | None
    origin_topic: str
    origin_partition: str
    origin_offset: str
    error_class: str
    error_message: str
    revision: str | None = None  # of the article it holds, when its value says one

    @property
    def origin(self) -> str:
        return f"{self.origin_topic}[{self.origin_partition}]@{self.origin_offset}"

    @property
    def cause(self) -> str:
        return f"{self.error_class}: {summary(self.error_message)}"

    def line(self) -> str:
        key = self.key.decode(errors="replace") if self.key else "-"
        return f"{self.partition}:{self.offset}\t{key}\t{self.origin}\t{self.cause}"

    def as_json(self) -> dict[str, Any]:
        return {
            "partition": self.partition,
            "offset": self.offset,
            "timestamp_ms": self.timestamp_ms,
            "key": self.key.decode(errors="replace") if self.key else None,
            "origin": {
                "topic": self.origin_topic,
                "partition": self.origin_partition,
                "offset": self.origin_offset,
            },
            "error_class": self.error_class,
            "error_message": self.error_message,
        }


def view(record: Record) -> DeadLetterView:
    headers = {k: v.decode(errors="replace") for k, v in record.headers}
    return DeadLetterView(
        record.partition,
        record.offset,
        record.timestamp,
        record.key,
        headers.get("dlq_original_topic", "?"),
        headers.get("dlq_original_partition", "?"),
        headers.get("dlq_original_offset", "?"),
        headers.get("dlq_error_class", "?"),
        headers.get("dlq_error_message", ""),
        revision_in(record.value),
    )


def revision_in(value: bytes | None) -> str | None:
    """The revision a dead letter's original value names, when it is JSON that does."""
    try:
        found = json.loads(value or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    revision = found.get("revision") if isinstance(found, dict) else None
    return revision if isinstance(revision, str) else None


async def dead_letters_of(settings: Settings, bootstrap: str, key: str) -> list[DeadLetterView]:
    """The pending dead letters of one article (by the record key)."""
    wanted = key.encode()
    return [v for v in await list_dead_letters(settings, bootstrap) if v.key == wanted]


@dataclass(frozen=True)
class Selection:
    """Which pending dead letters a redrive handles; the default is all of them."""

    since: datetime | None = None
    positions: frozenset[tuple[int, int]] = frozenset()

    def selects(self, record: Record) -> bool:
        if self.since and record.timestamp < self.since.timestamp() * 1000:
            return False
        return not self.positions or (record.partition, record.offset) in self.positions


@dataclass
class RedriveReport:
    sent: list[DeadLetterView] = field(default_factory=list)
    held: list[tuple[DeadLetterView, str]] = field(default_factory=list)  # with the cause


def group_of(settings: Settings) -> str:
    return settings.worker_group + REDRIVE_GROUP_SUFFIX


async def read_ledgers(
    settings: Settings, bootstrap: str, tps: list[TopicPartition]
) -> dict[TopicPartition, Ledger]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id=settings.client_id)
    await admin.start()
    try:
        committed = await _committed(admin, group_of(settings), tps)
    finally:
        await admin.close()
    ledgers = {}
    for tp in tps:
        found = committed.get(tp)
        if found is None or found.offset < 0:  # -1: the group never committed
            ledgers[tp] = Ledger()
        else:
            ledgers[tp] = Ledger.decode(found.offset, found.metadata or "")
    return ledgers


async def _committed(
    admin: AIOKafkaAdminClient, group: str, tps: list[TopicPartition]
) -> dict[TopicPartition, OffsetAndMetadata]:
    """The group's committed offsets; a broker that has not yet made its offsets topic
    answers "coordinator not available" for a moment, so that is retried (bounded)."""
    deadline = asyncio.get_running_loop().time() + COORDINATOR_WAIT_S
    while True:
        try:
            found: dict[TopicPartition, OffsetAndMetadata]
            found = await admin.list_consumer_group_offsets(group, partitions=tps)
        except (GroupCoordinatorNotAvailableError, CoordinatorLoadInProgressError):
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.5)
        else:
            return found


async def _pending(
    settings: Settings, bootstrap: str, consumer: AIOKafkaConsumer
) -> tuple[dict[TopicPartition, Ledger], list[Record]]:
    """The ledgers and every dead letter they do not mark as re-driven."""
    tps = await partitions_of(consumer, settings.topics.dead_letters)
    if not tps:
        return {}, []
    ledgers = await read_ledgers(settings, bootstrap, tps)
    starts: dict[TopicPartition, int | None] = {tp: ledgers[tp].low for tp in tps}
    records = [
        r
        async for r in read_range(consumer, starts)
        if ledgers[TopicPartition(r.topic, r.partition)].pending(r.offset)
    ]
    return ledgers, sorted(records, key=lambda r: (r.partition, r.offset))


async def list_dead_letters(settings: Settings, bootstrap: str) -> list[DeadLetterView]:
    """The dead letters not re-driven yet, in partition and offset order."""
    consumer = await started_consumer(settings, bootstrap, "dlq")
    try:
        _, records = await _pending(settings, bootstrap, consumer)
    finally:
        await consumer.stop()
    return [view(r) for r in records]


def target_of(record: Record) -> str:
    """The topic the record came from ("" when the header is missing)."""
    found: bytes = dict(record.headers).get("dlq_original_topic", b"")
    return found.decode(errors="replace")


def problem(settings: Settings, record: Record) -> str | None:
    """Why the record would fail again where it goes, or None when it would not."""
    target = target_of(record)
    if not target:
        return "no dlq_original_topic header: nowhere to send it"
    if target != settings.topics.articles:
        return None  # only the articles topic has a check of ours
    # The worker's decision, its record size limit included: a timeline too large to
    # publish would only land here again.
    outcome = decide(record.value, {}, event_type(list(record.headers)), settings.max_record_bytes)
    if isinstance(outcome, DeadLetter):
        return f"{type(outcome.error).__name__}: {summary(str(outcome.error))}"
    return None


async def redrive(
    settings: Settings,
    bootstrap: str,
    producer: AIOKafkaProducer,
    selection: Selection | None = None,
    *,
    force: bool = False,
) -> RedriveReport:
    """Re-publish the selected pending dead letters that would now succeed (all of them
    with `force`) to their original topic; the others stay pending."""
    selection = selection or Selection()
    consumer = await started_consumer(settings, bootstrap, "dlq-redrive", group_of(settings))
    report = RedriveReport()
    try:
        ledgers, records = await _pending(settings, bootstrap, consumer)
        for record in filter(selection.selects, records):
            cause = problem(settings, record)
            if cause and (not force or not target_of(record)):
                report.held.append((view(record), cause))
                continue
            await _send_back(producer, record)
            report.sent.append(view(record))
            tp = TopicPartition(record.topic, record.partition)
            ledger = ledgers[tp]
            ledger.resolve(record.offset)
            await consumer.commit({tp: OffsetAndMetadata(ledger.low, ledger.encode())})
    finally:
        await consumer.stop()
    return report


async def discard(settings: Settings, bootstrap: str, selection: Selection) -> list[DeadLetterView]:
    """Mark the selected pending dead letters handled without sending them anywhere;
    returns what was discarded."""
    consumer = await started_consumer(settings, bootstrap, "dlq-discard", group_of(settings))
    discarded = []
    try:
        ledgers, records = await _pending(settings, bootstrap, consumer)
        touched = set()
        for record in filter(selection.selects, records):
            tp = TopicPartition(record.topic, record.partition)
            ledgers[tp].resolve(record.offset)
            touched.add(tp)
            discarded.append(view(record))
        if touched:
            await consumer.commit(
                {tp: OffsetAndMetadata(ledgers[tp].low, ledgers[tp].encode()) for tp in touched}
            )
    finally:
        await consumer.stop()
    return discarded


async def pending_count(settings: Settings, bootstrap: str) -> int:
    """How many dead letters are neither re-driven nor discarded, from the ledgers and the
    topic's offsets alone (status must not read the whole topic to count it): the dead
    letters are kept forever, never compacted and not written in transactions, so every
    offset between its first and its end is a record."""
    consumer = await started_consumer(settings, bootstrap, "dlq")
    try:
        tps = await partitions_of(consumer, settings.topics.dead_letters)
        firsts, ends = await consumer.beginning_offsets(tps), await consumer.end_offsets(tps)
    finally:
        await consumer.stop()
    if not tps:
        return 0
    ledgers = await read_ledgers(settings, bootstrap, tps)
    return sum(ledgers[tp].pending_between(firsts[tp], ends[tp]) for tp in tps)


async def _send_back(producer: AIOKafkaProducer, record: Record) -> None:
    headers = [(k, v) for k, v in record.headers if not k.startswith("dlq_")]
    await producer.send_and_wait(target_of(record), record.value, key=record.key, headers=headers)
