"""Which records of each owned partition the worker has handled, and how far it may commit.

Faust commits what its streams acknowledged, and counts an offset jump in what its fetcher
delivered as acknowledged too ("gaps", meant for compacted topics). A record fetched while
a rebalance seeks the partition can so be passed over, and the group's offset moved beyond
it: the record is never handled (issue 19). The guard keeps its own account instead, per
partition of the articles topic: the committed offset the worker started from, and every
offset handled since (published, skipped as already published, or dead-lettered). The
commit point is the first offset not handled; a record missing below a handled one is a
gap, reported once, and healed (read again and handled) before the commit moves past it.

Pure bookkeeping: no Kafka, no clock (the caller passes `now`), so it is unit-tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Partition = tuple[str, int]


@dataclass
class PartitionWatch:
    """One owned partition: `low` is the first offset not handled (all below are done)."""

    low: int | None = None
    handled: set[int] = field(default_factory=set)
    reported: set[int] = field(default_factory=set)
    since: dict[int, float] = field(default_factory=dict)  # missing offset -> seen missing at
    moved_at: float = 0.0
    top: int = -1  # the highest offset handled
    # Key -> the highest offset of it handled (or being handled) at or above `low`: a gap's
    # record whose key has a later one there is superseded (see `superseded`).
    keys: dict[bytes, int] = field(default_factory=dict)

    def advance(self, now: float) -> None:
        if self.low is None:
            return
        start = self.low
        while self.low in self.handled:
            self.low += 1
        if self.low != start:
            self.moved_at = now
            self.handled = {o for o in self.handled if o >= self.low}
            self.reported = {o for o in self.reported if o >= self.low}
            self.since = {o: t for o, t in self.since.items() if o >= self.low}
            self.keys = {k: o for k, o in self.keys.items() if o >= self.low}

    def holes(self) -> list[int]:
        """Offsets at or above `low` not handled although a later one was."""
        if self.low is None:
            return []
        return [o for o in range(self.low, self.top) if o not in self.handled]


@dataclass
class OffsetGuard:
    """The worker's own account of the partitions it owns (see the module docstring)."""

    topic: str
    watches: dict[int, PartitionWatch] = field(default_factory=dict)

    def begin(self, partition: int, committed: int, now: float) -> list[int]:
        """The worker owns `partition` from `committed` on; returns new gap offsets."""
        watch = self.watches.setdefault(partition, PartitionWatch())
        # A second seek in one assignment keeps what was handled since the first.
        watch.low = committed if watch.low is None else max(watch.low, committed)
        watch.moved_at = now
        watch.advance(now)
        return self._new_gaps(watch, now)

    def handled(self, partition: int, offset: int, now: float) -> list[int]:
        """Record one handled offset; returns the offsets that became gaps with it."""
        watch = self.watches.setdefault(partition, PartitionWatch())
        if watch.low is not None and offset < watch.low:
            return []  # handled again (a re-delivery): nothing new
        watch.handled.add(offset)
        watch.top = max(watch.top, offset)
        watch.advance(now)
        return self._new_gaps(watch, now)

    def claim(self, partition: int, offset: int, key: bytes | None) -> None:
        """The record at `offset` is being handled now (before its output is sent)."""
        watch = self.watches.setdefault(partition, PartitionWatch())
        if key is not None and (watch.low is None or offset >= watch.low):
            watch.keys[key] = max(watch.keys.get(key, offset), offset)

    def superseded(self, partition: int, offset: int, key: bytes | None) -> bool:
        """True when a later record of the same key was handled (or is being handled):
        healing the older one would publish its timeline after the newer one's, and the
        article would show a revision it no longer has."""
        watch = self.watches.get(partition)
        return watch is not None and key is not None and watch.keys.get(key, -1) > offset

    def forget(self, partition: int) -> None:
        """The partition went to another worker: its account starts anew if it comes back."""
        self.watches.pop(partition, None)

    def commit_point(self, partition: int) -> int | None:
        """The offset the group may commit: nothing at or above it is known handled."""
        watch = self.watches.get(partition)
        return None if watch is None else watch.low

    def due(self, partition: int, now: float, grace_s: float) -> list[int]:
        """Gap offsets still missing `grace_s` after they were seen missing (a seek in
        flight re-delivers most of them within that time)."""
        watch = self.watches.get(partition)
        if watch is None:
            return []
        return [o for o in watch.holes() if now - watch.since.get(o, now) >= grace_s]

    def stalled(self, partition: int, end: int | None, now: float, stall_s: float) -> bool:
        """True when records below `end` wait and `low` has not moved for `stall_s`: the
        tail of the partition was passed over, with no later record to show a gap."""
        watch = self.watches.get(partition)
        if watch is None or watch.low is None or end is None or watch.low >= end:
            return False
        return now - watch.moved_at >= stall_s

    def _new_gaps(self, watch: PartitionWatch, now: float) -> list[int]:
        fresh = [o for o in watch.holes() if o not in watch.reported]
        watch.reported.update(fresh)
        for offset in fresh:
            watch.since.setdefault(offset, now)
        return fresh
