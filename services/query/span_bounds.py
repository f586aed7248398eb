"""How far back a window must look in each span class: the longest interval stored in it.

A class k holds intervals longer than 2**(k-1) seconds and at most 2**k, so a window
starting at `from` reads class k from `from - 2**k` (selection.window_sql). Real lengths
cluster well below the bound (a decade is 0.59 of 2**29 seconds), and the rows in between
are read for nothing: with a million incidents that was most of a one-week window's time.
The longest interval actually stored is a tighter bound that is just as safe.

It is found once per file by one scan of the interval index for the long classes (a fifth
of a second for a million rows, in a thread of its own for a large file), then kept up to
date from the rows added since: sequence numbers only grow (store.py takes them from the
high-water mark), so the rows after the last one seen are all that can make an interval
longer. Retired and purged rows are never taken out: a bound that is too long is only
slower, never wrong.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

from services.query.schema import read_snapshot
from services.query.store import read_meta

log = logging.getLogger(__name__)

# Only classes of more than 2**22 s (48 days) are worth a bound of their own: below, what a
# class bound reads for nothing spans hours or days of intervals; above, months or years.
# Their rows are a tenth of a typical timeline, read from the interval index.
FIRST_CLASS = 23
# Whole seconds from unixepoch() drop fractions: one second more keeps it an upper bound.
_LONGEST = "span_class, max(unixepoch(end_at) - unixepoch(start_at)) + 1"
ALL_ROWS = (
    f"SELECT {_LONGEST} FROM incidents WHERE span_class >= {FIRST_CLASS} "  # noqa: S608 - constants
    "GROUP BY span_class"
)
# The rows added since (a sequence number range; `+` keeps the class index out of it).
ROWS_SINCE = (
    f"SELECT {_LONGEST} FROM incidents WHERE seq > ? AND seq <= ? "  # noqa: S608 - constants
    f"AND +span_class >= {FIRST_CLASS} GROUP BY span_class"
)
SCAN_THREAD = "span-bounds-scan"
# A file this small is scanned inline (milliseconds); a larger one in a thread meanwhile.
INLINE_ROWS = 50_000


@dataclass(frozen=True)
class Known:
    identity: int  # the file (an inode number)
    through: int  # the last sequence number looked at
    longest: dict[int, int]  # span class (FIRST_CLASS on) -> longest interval, seconds


def scan(
    conn: sqlite3.Connection, longest: dict[int, int], after: int, through: int
) -> dict[int, int]:
    """`longest` with the rows after `after` up to `through` taken into account (every
    row the caller's read transaction sees when `after` is 0)."""
    merged = dict(longest)
    rows = conn.execute(ROWS_SINCE, (after, through)) if after else conn.execute(ALL_ROWS)
    for span_class, seconds in rows:
        merged[span_class] = max(merged.get(span_class, 0), seconds)
    return merged


class SpanBounds:
    """The longest interval per span class of the file a reader reads, or None until known."""

    def __init__(self, opener: Callable[[], tuple[sqlite3.Connection, int]]) -> None:
        # A connection of its own for the scan in a thread, and the file it reads.
        self._opener = opener
        self._known: Known | None = None
        self._scanning: int | None = None  # the file a thread is scanning
        self._lock = threading.Lock()

    def longest(
        self, conn: sqlite3.Connection, identity: int, high_water: int
    ) -> dict[int, int] | None:
        """The bounds as of `high_water`, read through `conn` (in the caller's read
        transaction); None while the file's first scan is running."""
        known = self._known
        if known is None or known.identity != identity:
            if high_water > INLINE_ROWS:
                self._scan_in_thread(identity)
                return None
            known = Known(identity, 0, {})
        if high_water > known.through:
            known = Known(
                identity, high_water, scan(conn, known.longest, known.through, high_water)
            )
            self._known = known  # another thread may have gone further: then it scans again
        return known.longest

    def _scan_in_thread(self, identity: int) -> None:
        with self._lock:
            if self._scanning == identity:
                return
            self._scanning = identity
        scanner = threading.Thread(target=self._first_scan, args=(identity,), daemon=True)
        scanner.name = SCAN_THREAD
        scanner.start()

    def _first_scan(self, identity: int) -> None:
        try:
            conn, opened = self._opener()
            try:
                if opened != identity:  # swapped again since: that file gets its own scan
                    return
                with read_snapshot(conn):
                    through = read_meta(conn, "high_water")
                    longest = scan(conn, {}, 0, through)
            finally:
                conn.close()
            self._known = Known(identity, through, longest)
        except sqlite3.Error:
            # Windows keep their class-wide bounds; the next window asks for a scan again.
            log.warning("span bounds: the scan of the read model failed", exc_info=True)
        finally:
            with self._lock:
                self._scanning = None
