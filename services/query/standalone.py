"""The projector in a process of its own, and the API processes that read what it writes.

`newstimeline query` runs API and projector in one process by default. With several API
workers (`--workers N`), uvicorn forks N processes that must not each project: the
projector then runs once, as `newstimeline projector`, and the API processes only read.
They learn of its commits by watching SQLite's data_version (for the event stream), and of
its readiness from a meta row it keeps (for /readyz).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sqlite3
from pathlib import Path

from services.query.change_feed import ChangeFeed
from services.query.projector import Projector
from services.query.schema import connect
from services.query.store import SET_META, TimelineStore

log = logging.getLogger(__name__)

READY_KEY = "projector_ready"
WATCH_S = 0.05  # how often an API process looks for the projector's commits
READY_CHECK_S = 0.25


def mark_ready(path: Path, ready: bool) -> None:
    """Record the projector's readiness for API processes (own connection: the store's
    belongs to the projector's writer thread)."""
    conn = connect(str(path))
    try:
        conn.execute(SET_META, (READY_KEY, int(ready)))
    finally:
        conn.close()


def projector_ready(path: Path) -> bool | None:
    """What the projector process last recorded; None when none ever ran on this file."""
    conn = connect(str(path), readonly=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (READY_KEY,)).fetchone()
    finally:
        conn.close()
    return None if row is None else bool(row[0])


async def project(store: TimelineStore, projector: Projector) -> None:
    """Run the projector until SIGTERM or SIGINT, keeping its readiness in the store."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await asyncio.to_thread(mark_ready, store.path, False)
    running = asyncio.create_task(projector.run_forever())
    ready = False
    try:
        while not stop.is_set():
            if projector.state.ready != ready:
                ready = projector.state.ready
                await asyncio.to_thread(mark_ready, store.path, ready)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), READY_CHECK_S)
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await asyncio.to_thread(mark_ready, store.path, False)


async def watch_commits(path: Path, feed: ChangeFeed) -> None:
    """Ring the feed whenever another process has committed to the store."""
    conn: sqlite3.Connection | None = None
    seen: int | None = None
    while True:
        try:
            conn = conn or connect(str(path), readonly=True)
            # Changes on this connection whenever another connection commits.
            version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # no file yet (the projector creates it): look again later
            conn, version = None, -1
        if seen is not None and version != seen:
            feed.ring()
        seen = version
        await asyncio.sleep(WATCH_S)
