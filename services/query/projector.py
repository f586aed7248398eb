"""The projector: news.timelines.v1 -> SQLite, offsets kept in SQLite with the rows.

Every query replica keeps its own full copy of the read model, so the projector assigns
itself all partitions of the topic (a consumer group would split them between replicas);
it never commits offsets to Kafka: the positions it resumes from are the store's. Those
positions only hold for the log they were read from: before resuming, the projector
compares the store's log identity with the broker's and rebuilds from the beginning when
they differ.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from services.platform.kafka.broker_address import await_broker
from services.platform.kafka.clients import producer_max_request_bytes
from services.platform.kafka.log_identity import LogIdentity, fetch_identities
from services.platform.settings import Settings
from services.query.generations import forget
from services.query.store import Change, Retraction, TimelineStore
from services.query.timeline_codec import decode_rows

log = logging.getLogger(__name__)

TOPIC_POLL_S = 1.0
# Records a fetch may return: a catch-up applies them in one transaction, where larger
# batches amortize the commit and the full-text index's flush.
FETCH_RECORDS = 5000
# A fresh store this many records behind defers its index maintenance (see bulk.py).
BULK_MIN_RECORDS = 5000
# The full-text index follows the rows (text_index.py): in transactions of this many rows,
# when a fetch leaves time for it (it was not full) or when this many rows wait.
TEXT_BATCH = 20_000
TEXT_MAX_PENDING = 200_000
PURGE_EVERY_S = 60.0
PROBE_EVERY_S = 2.0  # how stale /readyz may be about the broker


async def broker_answers(consumer: AIOKafkaConsumer, timeout_s: float = 2.0) -> bool:
    """Does the broker answer a metadata request now? (A fetch that gets nothing cannot
    tell an idle topic from a broker that is gone.)"""
    try:
        async with asyncio.timeout(timeout_s):
            return bool(await consumer._client.force_metadata_update())
    except (TimeoutError, KafkaError, OSError):
        return False


def decode(key: bytes | None, value: bytes | None) -> Change:
    """The change a record asks for, or None (logged) when it cannot be decoded."""
    try:
        if value is None:
            if not key:
                msg = "tombstone without a key"
                raise ValueError(msg)
            return Retraction(key.decode())
        return decode_rows(value)  # pydantic's ValidationError when it is no timeline
    except (ValidationError, ValueError) as exc:
        article = key.decode(errors="replace") if key else None
        log.warning("undecodable timeline record skipped: %s", str(exc).splitlines()[0],
                    extra={"article_id": article})  # fmt: skip
        return None


@dataclass
class ProjectorState:
    """What readiness and metrics need: where the store is and where it must get to."""

    started: bool = False
    phase: str = "connecting"  # for people reading /readyz
    targets: dict[int, int] = field(default_factory=dict)  # end offsets seen at start
    positions: dict[int, int] = field(default_factory=dict)  # next offsets in the store
    highwaters: dict[int, int] = field(default_factory=dict)  # latest end offsets seen
    skipped: int = 0
    text_pending: int = 0  # rows not in the full-text index yet (search does not see them)
    bulk_loading: bool = False  # indexes deferred while a fresh store catches up
    log: LogIdentity | None = None  # the log being projected, once known
    rebuilding: bool = False  # started over because the store was of another log
    broker_answers: bool = True  # at the last probe; a replica cut off from it is not ready

    def catch_up_lag(self) -> dict[int, int]:
        """Records still to project before the start-time end offsets are reached."""
        return {p: max(0, t - self.positions.get(p, 0)) for p, t in self.targets.items()}

    @property
    def caught_up(self) -> bool:
        return self.started and not any(self.catch_up_lag().values())

    @property
    def ready(self) -> bool:
        return self.caught_up and self.broker_answers and not self.bulk_loading

    def describe(self) -> str:
        """The phase in words; a rebuild lasts until the start-time end offsets are reached."""
        if self.started and not self.broker_answers:
            return "the broker does not answer"
        if self.rebuilding and self.started and not self.ready:
            return "rebuilding from the start of the log"
        return self.phase

    def lag(self) -> dict[int, int]:
        return {p: max(0, h - self.positions.get(p, 0)) for p, h in self.highwaters.items()}


class Projector:
    """Consumes the timelines topic into the store until cancelled."""

    def __init__(
        self,
        settings: Settings,
        bootstrap: str | None,
        store: TimelineStore,
        on_change: Callable[[], None] = lambda: None,
    ) -> None:
        self.settings, self.bootstrap, self.store = settings, bootstrap, store
        self.topic = settings.topics.timelines
        self.state = ProjectorState()
        self._on_change = on_change
        store.text_follows = True  # indexed by _follow_text, after the rows commit

    async def run(self) -> None:
        self.state.phase = "waiting for a broker"
        # Without an address of its own, the projector finds the broker (never starts one).
        bootstrap = self.bootstrap or await await_broker(self.settings)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            max_partition_fetch_bytes=producer_max_request_bytes(self.settings),
            group_id=self.settings.projector_group,
            client_id=f"{self.settings.client_id}-projector",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        await consumer.start()
        try:
            await self._assign(consumer)
            loop = asyncio.get_running_loop()
            next_purge = next_probe = loop.time()
            while True:
                wait_ms = 0 if self.state.text_pending else 500  # index while nothing comes
                batches = await consumer.getmany(timeout_ms=wait_ms, max_records=FETCH_RECORDS)
                await self._apply({tp.partition: records for tp, records in batches.items()})
                await self._track_progress(consumer)
                await self._follow_text(sum(len(records) for records in batches.values()))
                if self.state.bulk_loading and self.state.caught_up:
                    await self._finish_bulk()
                if self.store.moved():
                    await self._switch(consumer)
                if loop.time() >= next_probe:
                    self.state.broker_answers = await broker_answers(consumer)
                    next_probe = loop.time() + PROBE_EVERY_S
                if loop.time() >= next_purge:
                    await self._purge()
                    next_purge = loop.time() + PURGE_EVERY_S
        finally:
            await consumer.stop()

    async def run_forever(self, max_backoff_s: float = 30.0) -> None:
        """`run`, restarted with a capped backoff after a failure (broker gone, ...);
        the store's offsets make every restart resume where the last one stopped."""
        backoff = 1.0
        while True:
            try:
                await self.run()
            except Exception:
                log.exception("projector failed; restarting in %.0f s", backoff)
            self.state.started = False
            self.state.phase = "restarting after a failure"
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, max_backoff_s)

    async def _assign(self, consumer: AIOKafkaConsumer) -> None:
        partitions = await self._wait_for_partitions(consumer)
        rebuilding = await self._check_log(consumer)
        tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        stored = self.store.offsets(self.topic)
        for tp in tps:
            if tp.partition in stored:
                consumer.seek(tp, stored[tp.partition])
            else:
                await consumer.seek_to_beginning(tp)
        ends = await consumer.end_offsets(tps)
        self.state.targets = {tp.partition: off for tp, off in ends.items()}
        self.state.highwaters = dict(self.state.targets)
        self.state.positions = {tp.partition: stored.get(tp.partition, 0) for tp in tps}
        await self._maybe_start_bulk(stored)
        self.state.text_pending = await asyncio.to_thread(self.store.text_pending)
        self.state.started = True
        self.state.phase, self.state.rebuilding = "projecting", rebuilding
        log.info("projecting %s from %s up to %s", self.topic, stored, self.state.targets)

    async def _maybe_start_bulk(self, stored: dict[int, int]) -> None:
        """A store that has nothing yet and a long topic ahead loads in bulk."""
        behind = sum(self.state.catch_up_lag().values())
        if stored or behind < BULK_MIN_RECORDS or not self.store.is_empty():
            return
        await asyncio.to_thread(self.store.start_bulk)
        self.state.bulk_loading = True
        log.info("fresh store, %d records behind: loading in bulk", behind)

    async def _finish_bulk(self) -> None:
        self.state.phase = "building indexes"
        await asyncio.to_thread(self.store.finish_bulk, text=False)  # it follows
        self.state.text_pending = await asyncio.to_thread(self.store.text_pending)
        self.state.bulk_loading = False
        self.state.phase = "projecting"
        self._on_change()

    async def _check_log(self, consumer: AIOKafkaConsumer) -> bool:
        """Make the store belong to the log the broker serves; True when it had to be
        emptied because it was built from another one (or from an unrecorded one)."""
        found = (await fetch_identities(consumer._client, [self.topic])).get(self.topic)
        if found is None:
            msg = f"topic {self.topic} disappeared while the projector started"
            raise RuntimeError(msg)
        self.state.log = found
        kept = self.store.log_identity(self.topic)
        if kept == found:
            return False
        rebuild = kept is not None or bool(self.store.offsets(self.topic))
        if rebuild:
            built_from = kept.describe() if kept else "a log it did not record"
            log.warning(
                "read model of %s was built from %s, the broker serves %s: rebuilding it "
                "from the start of the log",
                self.topic, built_from, found.describe(),
            )  # fmt: skip
        await asyncio.to_thread(self.store.start_log, self.topic, found)
        self._on_change()
        return rebuild

    async def _switch(self, consumer: AIOKafkaConsumer) -> None:
        """A rebuilt read model was swapped in: go on from its offsets, and delete what
        is left of the file it replaced (readers still holding it keep reading it until
        their next request)."""
        old = self.store.reopen()
        log.info("read model swapped: %s replaces %s", self.store.opened, old)
        forget(old, self.store.path)
        await self._assign(consumer)
        self._on_change()

    async def _wait_for_partitions(self, consumer: AIOKafkaConsumer) -> set[int]:
        """The topic's partitions, waiting (not creating) while the topic does not exist."""
        while True:
            # aiokafka has no public call that fetches one topic's metadata without
            # subscribing to it; the client's full metadata fetch is the least intrusive.
            cluster = await consumer._client.fetch_all_metadata()
            partitions: set[int] | None = cluster.partitions_for_topic(self.topic)
            if partitions:
                return partitions
            log.info("waiting for topic %s to exist", self.topic)
            self.state.phase = f"waiting for topic {self.topic}"
            await asyncio.sleep(TOPIC_POLL_S)

    async def _apply(self, batches: Mapping[int, Iterable[ConsumerRecord]]) -> None:
        """Every partition's records of one fetch in one transaction: one commit and one
        hop to the writer thread instead of one per partition."""
        changes = {p: [(r.offset, decode(r.key, r.value)) for r in rs] for p, rs in batches.items()}
        changes = {p: c for p, c in changes.items() if c}
        if not changes:
            return
        skipped = sum(change is None for c in changes.values() for _, change in c)
        skipped += await asyncio.to_thread(self.store.apply_batches, self.topic, changes)
        self.state.skipped += skipped
        for partition, applied in changes.items():
            self.state.positions[partition] = applied[-1][0] + 1
        self._on_change()

    async def _follow_text(self, fetched: int) -> None:
        """Index a batch of waiting rows, unless the fetch was full (catching up: rows
        first) and the index is not too far behind; never while loading in bulk."""
        if self.state.bulk_loading:
            return
        if fetched >= FETCH_RECORDS and self.state.text_pending < TEXT_MAX_PENDING:
            self.state.text_pending = await asyncio.to_thread(self.store.text_pending)
            return
        done = await asyncio.to_thread(self.store.index_text, TEXT_BATCH)
        if done or self.state.text_pending:
            self.state.text_pending = await asyncio.to_thread(self.store.text_pending)
        if done:
            self._on_change()

    async def _purge(self) -> None:
        retention = self.settings.query_snapshot_retention_s
        purged = await asyncio.to_thread(self.store.purge_retired, retention)
        if purged:
            log.info("purged %d retired incidents", purged)

    async def _track_progress(self, consumer: AIOKafkaConsumer) -> None:
        """Positions past offsets that hold no record (compaction, control records) count
        as reached: everything fetched before them is already in the store."""
        for tp in consumer.assignment():
            position = await consumer.position(tp)
            reached = max(self.state.positions.get(tp.partition, 0), position)
            self.state.positions[tp.partition] = reached
            highwater = consumer.highwater(tp)
            if highwater is not None:
                self.state.highwaters[tp.partition] = highwater
