"""`replay normalize`: build every selected article's timeline again with the rules of
this process, and publish the ones that differ from what news.timelines.v1 holds.

The record is built by `processing.decide`, the worker's own function, so a timeline that
did not change is byte-identical and is not published, and one that did replaces the old
one in every read model (the projector upserts by article). Only the last event of each
article in the selection counts: a retraction after its revisions keeps the article
retracted. The worker keeps running meanwhile; should it publish a newer revision of an
article while the replay runs, a final catch-up pass republishes that article's newest
event, so the replay's older output never has the last word.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.normalizer.dead_letters import summary
from services.normalizer.processing import DeadLetter, Publish, Skip, decide, event_type
from services.platform.kafka.topic_reader import (
    Record,
    offsets_since,
    partitions_of,
    read_range,
    read_topic,
    started_consumer,
)
from services.platform.ops.progress import Silent, Tracker
from services.platform.settings import Settings

SEND_BATCH = 500
ABSENT = b"\0absent"  # no record under the key (distinct from a tombstone's None)


@dataclass(frozen=True)
class Scope:
    """Which article events to replay: all of them, since a time, from positions, or one
    article (all its events)."""

    since: datetime | None = None
    positions: tuple[tuple[int, int], ...] = ()
    article: str | None = None


@dataclass
class Change:
    article_id: str
    before: bytes | None
    after: bytes | None


@dataclass
class ReplayReport:
    read: int = 0
    unchanged: int = 0
    changed: list[Change] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # article id, cause
    published: int = 0
    caught_up: int = 0


async def _starts(
    consumer: AIOKafkaConsumer, tps: list[TopicPartition], scope: Scope
) -> dict[TopicPartition, int | None]:
    if scope.since is not None:
        return dict(await offsets_since(consumer, tps, scope.since))
    if scope.positions:
        named = dict(scope.positions)
        return {tp: named[tp.partition] for tp in tps if tp.partition in named}
    return dict.fromkeys(tps)


def _latest(records: Iterable[Record], article: str | None) -> dict[str, Record]:
    """The last event of each article among `records` (log order within a partition)."""
    found: dict[str, Record] = {}
    for record in records:
        key = record.key.decode(errors="replace") if record.key else None
        if key and (article is None or key == article):
            found[key] = record
    return found


async def _read_all(
    consumer: AIOKafkaConsumer, starts: dict[TopicPartition, int | None], tracker: Tracker
) -> list[Record]:
    records = []
    async for record in read_range(consumer, starts):
        records.append(record)
        tracker.advance()
    return records


async def current_timelines(
    settings: Settings, bootstrap: str, article: str | None = None
) -> dict[str, bytes | None]:
    """The latest value per key of the compacted timelines topic (None: a tombstone)."""
    records = await read_topic(settings, bootstrap, settings.topics.timelines, "replay-current")
    latest = _latest(records, article)
    return {key: record.value for key, record in latest.items()}


def rebuild(record: Record, max_bytes: int) -> Publish | str:
    """The record the worker would publish for this event, or why it cannot (the worker's
    own record size limit included)."""
    outcome = decide(record.value, {}, event_type(list(record.headers)), max_bytes)
    if isinstance(outcome, DeadLetter):
        return f"{type(outcome.error).__name__}: {summary(str(outcome.error))}"
    if isinstance(outcome, Skip):  # cannot happen: decide is given no memory of the past
        return "skipped"
    return outcome


class Replayer:
    """One replay run: scan, compare, publish, catch up."""

    def __init__(
        self,
        settings: Settings,
        bootstrap: str,
        producer: AIOKafkaProducer | None,
        tracker: Tracker | None = None,
    ) -> None:
        self.settings, self.bootstrap, self.producer = settings, bootstrap, producer
        self.tracker = tracker or Silent()

    async def run(self, scope: Scope) -> ReplayReport:
        """With no producer nothing is published: a dry run."""
        report = ReplayReport()
        consumer = await started_consumer(self.settings, self.bootstrap, "replay")
        try:
            tps = await partitions_of(consumer, self.settings.topics.articles)
            starts = await _starts(consumer, tps, scope)
            ends = await consumer.end_offsets(list(starts))
            total = sum(ends[tp] - (start or 0) for tp, start in starts.items())
            self.tracker.phase("reading articles", max(total, 0))
            records = await _read_all(consumer, starts, self.tracker)
            report.read = len(records)
            latest = _latest(records, scope.article)
            current = await current_timelines(self.settings, self.bootstrap, scope.article)
            published = await self._replay(latest, current, report)
            if self.producer is not None:
                report.caught_up = await self._catch_up(self.producer, consumer, ends, published)
        finally:
            await consumer.stop()
        return report

    async def _replay(
        self, latest: dict[str, Record], current: dict[str, bytes | None], report: ReplayReport
    ) -> set[str]:
        self.tracker.phase("normalizing", len(latest))
        pending: list[asyncio.Future[object]] = []
        for article_id, record in latest.items():
            built = rebuild(record, self.settings.max_record_bytes)
            self.tracker.advance()
            if isinstance(built, str):
                report.failed.append((article_id, built))
                continue
            before = current.get(article_id, ABSENT)
            if built.value == before or (built.value is None and before is ABSENT):
                report.unchanged += 1
                continue
            report.changed.append(Change(article_id, None if before is ABSENT else before,
                                         built.value))  # fmt: skip
            if self.producer is not None:
                pending.append(await self._send(self.producer, built))
                if len(pending) >= SEND_BATCH:
                    await asyncio.gather(*pending)
                    pending.clear()
        await asyncio.gather(*pending)
        report.published = len(report.changed) if self.producer is not None else 0
        return {change.article_id for change in report.changed}

    async def _send(self, producer: AIOKafkaProducer, built: Publish) -> asyncio.Future[object]:
        future: asyncio.Future[object] = await producer.send(
            self.settings.topics.timelines, built.value, key=built.key, headers=built.headers
        )
        return future

    async def _catch_up(
        self,
        producer: AIOKafkaProducer,
        consumer: AIOKafkaConsumer,
        ends: dict[TopicPartition, int],
        published: set[str],
    ) -> int:
        """Republish the newest event of every replayed article that got a new event while
        the replay ran (the worker published it before our older output landed)."""
        newer = _latest([r async for r in read_range(consumer, dict(ends))], None)
        again = [record for key, record in newer.items() if key in published]
        for record in again:
            built = rebuild(record, self.settings.max_record_bytes)
            if not isinstance(built, str):
                await (await self._send(producer, built))
        return len(again)
