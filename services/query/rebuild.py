"""`replay projection`: rebuild a query replica's read model from news.timelines.v1 into a
new file while the service keeps serving the old one, then swap the new one in.

The new file is filled the way the projector fills one (same decoding, same store, offsets
kept with the rows), up to the topic's end offsets, then caught up once more, so the
service has little left to project after the swap. Its sequence numbers continue above the
old file's (with a margin for what the old one projects meanwhile), so live streams that
resume across the swap miss nothing; cursors of the old file go on over the new one's
current rows (reads.py). The swap is the os.replace of a symlink (generations.py); the
running service opens the new file on its next request and its projector goes on from
the new file's offsets: nothing needs restarting.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka.log_identity import fetch_identities
from services.platform.kafka.topic_reader import Record, partitions_of, started_consumer
from services.platform.ops.progress import Silent, Tracker
from services.platform.settings import Settings
from services.query.generations import (
    generations,
    next_generation,
    remove_database,
    swap_in,
    sync_directory,
    sync_file,
)
from services.query.projector import decode
from services.query.schema import connect
from services.query.store import Change, Retraction, TimelineStore, read_meta

SEQUENCE_MARGIN = 1 << 24  # changes the old file may still number before the swap
CATCH_UP_ROUNDS = 3
FETCH_TIMEOUT_MS = 1000


@dataclass
class RebuildReport:
    path: Path
    replaced: Path | None
    records: int = 0
    incidents: int = 0
    retractions: int = 0
    seconds: float = 0.0

    @property
    def incidents_per_s(self) -> float:
        return self.incidents / self.seconds if self.seconds else 0.0


def old_high_water(served: Path) -> int:
    if not served.exists():
        return 0
    conn = connect(str(served), readonly=True)
    try:
        return read_meta(conn, "high_water")
    finally:
        conn.close()


class Rebuilder:
    def __init__(self, settings: Settings, bootstrap: str, tracker: Tracker | None = None):
        self.settings, self.bootstrap = settings, bootstrap
        self.tracker = tracker or Silent()
        self.topic = settings.topics.timelines

    async def run(self) -> RebuildReport:
        served = self.settings.database_path
        target = next_generation(served)
        remove_database(target)  # a leftover of an interrupted rebuild
        report = RebuildReport(target, None)
        began = time.monotonic()
        # Nobody reads the new file before the swap: it is written without journal or
        # syncs (a crash leaves a file the next rebuild deletes), index maintenance
        # waits for the end (bulk.py), and the full-text index is left to the serving
        # projector, which indexes it in batches after the swap (text_index.py).
        store = TimelineStore(target, durable=False)
        try:
            await asyncio.to_thread(store.start_bulk)
            await self._fill(store, report)
            self.tracker.phase("building indexes", None)
            await asyncio.to_thread(store.finish_bulk, text=False)
            store.continue_after(old_high_water(served) + SEQUENCE_MARGIN, time.time_ns())
            await asyncio.to_thread(store.make_durable)
        except BaseException:
            store.close()
            remove_database(target)
            raise
        store.close()
        await asyncio.to_thread(sync_file, target)  # its one sync: written without any
        report.seconds = time.monotonic() - began
        report.replaced = swap_in(served, target)
        await asyncio.to_thread(sync_directory, served)
        if report.replaced == served.parent.resolve() / served.name:
            # The plain file is gone from the directory; its log would only linger.
            remove_database(report.replaced, sidecars_only=True)
        for stale in generations(served):
            if stale not in (target, report.replaced):  # the replaced one: the service's
                remove_database(stale)
        return report

    async def _fill(self, store: TimelineStore, report: RebuildReport) -> None:
        consumer = await started_consumer(self.settings, self.bootstrap, "rebuild")
        try:
            tps = await partitions_of(consumer, self.topic)
            if not tps:
                msg = f"topic {self.topic} does not exist: nothing to rebuild from"
                raise EnvironmentProblemError(msg)
            # The new file says which log it was built from, or the projector that opens
            # it after the swap would take it for another log's copy and empty it.
            found = (await fetch_identities(consumer._client, [self.topic])).get(self.topic)
            if found is not None:
                await asyncio.to_thread(store.record_log, self.topic, found)
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            firsts = await consumer.beginning_offsets(tps)
            for round_ in range(CATCH_UP_ROUNDS):
                ends = await consumer.end_offsets(tps)
                todo = sum(ends[tp] - max(firsts[tp], store_pos) for tp, store_pos in
                           self._positions(store, tps).items())  # fmt: skip
                if not todo and round_:
                    return
                self.tracker.phase("projecting" if round_ == 0 else "catching up", todo)
                await self._read_until(consumer, store, ends, report)
        finally:
            await consumer.stop()

    def _positions(
        self, store: TimelineStore, tps: list[TopicPartition]
    ) -> dict[TopicPartition, int]:
        stored = store.offsets(self.topic)
        return {tp: stored.get(tp.partition, 0) for tp in tps}

    async def _read_until(
        self,
        consumer: AIOKafkaConsumer,
        store: TimelineStore,
        ends: dict[TopicPartition, int],
        report: RebuildReport,
    ) -> None:
        """Fetch and decode the next batch while the writer thread writes the last one
        (SQLite lets go of the GIL while it works): one core each when the box has two."""
        pending = {tp for tp in ends if await consumer.position(tp) < ends[tp]}
        writing: asyncio.Future[None] | None = None
        try:
            while pending:
                batches = await consumer.getmany(*pending, timeout_ms=FETCH_TIMEOUT_MS)
                wanted = {tp: [r for r in rs if r.offset < ends[tp]] for tp, rs in batches.items()}
                decoded = self._decode(wanted)
                if writing is not None:
                    await writing
                    writing = None
                if decoded:
                    writing = asyncio.ensure_future(self._write(store, decoded, report))
                for tp in list(pending):
                    if await consumer.position(tp) >= ends[tp]:
                        pending.discard(tp)
            if writing is not None:
                await writing
        except BaseException:
            if writing is not None:  # its transaction ends either way; let it
                await asyncio.gather(writing, return_exceptions=True)
            raise

    @staticmethod
    def _decode(batches: dict[TopicPartition, list[Record]]) -> dict[int, list[tuple[int, Change]]]:
        return {
            tp.partition: [(r.offset, decode(r.key, r.value)) for r in records]
            for tp, records in batches.items()
            if records
        }

    async def _write(
        self,
        store: TimelineStore,
        by_partition: dict[int, list[tuple[int, Change]]],
        report: RebuildReport,
    ) -> None:
        """One fetch, every partition in it, in one transaction."""
        await asyncio.to_thread(store.apply_batches, self.topic, by_partition)
        changes = [c for batch in by_partition.values() for _, c in batch]
        incidents = sum(len(c.incidents) for c in changes if c and not isinstance(c, Retraction))
        report.records += len(changes)
        report.incidents += incidents
        report.retractions += sum(isinstance(c, Retraction) for c in changes)
        self.tracker.advance(len(changes), incidents)
