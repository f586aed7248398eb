"""The timeline's order as an integer: the full-text index's rowid, so a search reads its
matches already in (nearly) timeline order and a page is a range scan plus LIMIT.

A sort key is the incident's start second (counted from 0001-01-01, 38 bits up to year
9999) shifted left by SLOT_BITS, plus a slot unique within that second (allocated in
arrival order). Keys of different seconds are in timeline order; keys within one second
are not (two incidents starting the same second are ordered by end, then incident id).
So a search page reads matches in key order and then completes the second its last row
falls in (`bucket_bounds`) before sorting what it read by the exact key: it sorts a page
and one second's matches, never the whole match set.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.query.times import from_key

SLOT_BITS = 24  # 16.7M incidents may start in the same second before keys collide
SLOTS = 1 << SLOT_BITS
MAX_KEY = (1 << 63) - 1
_ORIGIN = datetime(1, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)


def second_of(start: datetime) -> int:
    """Whole seconds from 0001-01-01T00:00:00Z to `start` (floored)."""
    return (start - _ORIGIN) // _SECOND


def base_of(start: datetime) -> int:
    """The smallest sort key of an incident starting at `start`."""
    return second_of(start) << SLOT_BITS


def base_of_key(stored: str) -> int:
    """base_of for a stored instant (times.to_key form)."""
    return base_of(from_key(stored))


def bucket_bounds(key: int, *, descending: bool) -> tuple[int, int]:
    """The keys after `key` (before it, walking newest first) in the same second."""
    base = key & ~(SLOTS - 1)
    return (base, key - 1) if descending else (key + 1, base + SLOTS - 1)


class SlotAllocator:
    """Slots handed out in memory, for a bulk load into an empty store (its unique index
    on sort_key is dropped then, so the store cannot be asked which slots are taken)."""

    def __init__(self) -> None:
        self._next: dict[int, int] = {}

    def key(self, start: datetime) -> int:
        return self.key_for_base(base_of(start))

    def key_for_base(self, base: int) -> int:
        """The next free key of the second whose smallest key is `base`."""
        slot = self._next.get(base, 0)
        self._next[base] = slot + 1
        return base + slot
