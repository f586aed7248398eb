"""Faust's Kafka consumer, committing the articles topic only as far as the offset guard
says every record was handled (see offset_guard.py for why Faust's own count is not enough).

Faust offers its transport's `Consumer` class as the place to change this: a subclass of
its aiokafka transport names this consumer, and `create_app` installs that transport. For
other topics (the table's changelog) nothing changes.
"""

from __future__ import annotations

import time
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_kafka

from services.normalizer.healing import Healer
from services.normalizer.offset_guard import OffsetGuard


class GuardedConsumer(faust_kafka.Consumer):
    healer: Healer  # set on the subclass that guarded_transport makes

    @property
    def guard(self) -> OffsetGuard:
        return self.healer.guard

    def _new_offset(self, tp: Any) -> int | None:
        if tp.topic != self.guard.topic:
            return super()._new_offset(tp)
        # Faust's acks (and the gaps it counts as acked) decide nothing here; dropped so
        # that they do not pile up.
        self._acked[tp].clear()
        self._acked_index[tp].clear()
        self._gap.pop(tp, None)
        return self.guard.commit_point(tp.partition)

    def _filter_tps_with_pending_acks(self, topics: Any = None) -> Any:
        # Faust looks only where it saw acks; a partition whose records were all healed
        # has none, and must be committed too.
        yield from super()._filter_tps_with_pending_acks(topics)
        wanted = topics is None or self.guard.topic in topics
        for tp in self.assignment():
            if tp.topic == self.guard.topic and tp not in self._acked and wanted:
                yield tp

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        if tp.topic != self.guard.topic:
            await super()._add_gap(tp, offset_from, offset_to)
        # For the articles topic the jump is not counted as handled: the guard sees the
        # offsets missing once a later record is handled, and heals them.

    async def perform_seek(self) -> None:
        await super().perform_seek()
        owned = [tp for tp in self.assignment() if tp.topic == self.guard.topic]
        committed = {tp: self._committed_offset.get(tp) for tp in owned}
        fresh = [tp for tp, offset in committed.items() if offset is None]
        # Never committed: the worker starts where auto_offset_reset=earliest puts it.
        earliest = await self.earliest_offsets(*fresh) if fresh else {}
        now = time.monotonic()
        for tp in owned:
            start = committed[tp] if committed[tp] is not None else earliest.get(tp, 0)
            gaps = self.guard.begin(tp.partition, int(start or 0), now)
            self.healer.gaps_found(tp.partition, gaps, "seen at the seek to committed offsets")

    async def on_partitions_revoked(self, revoked: set[Any]) -> None:
        await super().on_partitions_revoked(revoked)
        gone = [tp.partition for tp in revoked if tp.topic == self.guard.topic]
        self.healer.forget(gone)
        for partition in gone:
            self.guard.forget(partition)


def install_guard(app: faust.App, healer: Healer) -> None:
    """Make `app` consume through a GuardedConsumer bound to `healer` (before anything
    asks the app for its transport)."""
    consumer_class = type("BoundGuardedConsumer", (GuardedConsumer,), {"healer": healer})
    transport_class = type(
        "GuardedTransport", (faust_kafka.Transport,), {"Consumer": consumer_class}
    )
    app.transport = transport_class(app.conf.broker_consumer, app)
