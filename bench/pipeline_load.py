"""The pipeline benchmark's measurements: articles posted to the ingest API, and the
moment each becomes queryable, read from the query service's own SQLite file.

An article is queryable once its row is committed to the read model's `articles` table:
the projector writes it in the same transaction as the article's incidents, and the query
API reads the same file. Polling that file costs microseconds a time, so the watch can
poll every few milliseconds without loading the services it measures.
"""

from __future__ import annotations

import asyncio
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from services.query.schema import connect

BATCH = 500  # articles a batch request (the API takes up to 1,000)
BATCHES_IN_FLIGHT = 2
THROUGHPUT_POLL_S = 0.05
LATENCY_POLL_S = 0.005
TICK_S = 0.1  # the latency phase posts what is due ten times a second


class ReadModelWatch:
    """When each article id first appeared in the read model (perf_counter seconds)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, float] = {}
        self._conn: sqlite3.Connection | None = None
        self._last_rowid = 0

    def poll(self) -> int:
        """Record what is new; returns how many articles have been seen in all."""
        if self._conn is None:
            if not self.path.exists():
                return 0
            self._conn = connect(str(self.path), readonly=True)
        now = time.perf_counter()
        rows = self._conn.execute(
            "SELECT rowid, article_id FROM articles WHERE rowid > ? ORDER BY rowid",
            (self._last_rowid,),
        ).fetchall()
        for rowid, article_id in rows:
            self.seen.setdefault(article_id, now)
            self._last_rowid = rowid
        return len(self.seen)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


@dataclass(frozen=True)
class Throughput:
    articles: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


@dataclass(frozen=True)
class Latency:
    rate: float  # articles/s offered
    latencies_ms: list[float]

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms)


async def post_batches(
    http: httpx.AsyncClient,
    ingest_url: str,
    articles: Sequence[dict[str, Any]],
    on_posted: Callable[[int], None],
) -> None:
    """All articles through POST /v1/articles:batch, a few batches in flight; fails on
    any article the API did not accept."""
    slots = asyncio.Semaphore(BATCHES_IN_FLIGHT)

    async def post(chunk: Sequence[dict[str, Any]]) -> None:
        async with slots:
            reply = await http.post(f"{ingest_url}/v1/articles:batch", json=list(chunk))
            reply.raise_for_status()
            accepted = reply.json()["accepted"]
            if accepted != len(chunk):
                msg = f"ingest accepted {accepted} of {len(chunk)}: {reply.text[:300]}"
                raise RuntimeError(msg)
            on_posted(len(chunk))

    chunks = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    await asyncio.gather(*(post(chunk) for chunk in chunks))


async def wait_queryable(
    watch: ReadModelWatch,
    expected: int,
    *,
    deadline_s: float,
    poll_s: float,
    on_seen: Callable[[int], None] = lambda _: None,
    sender: asyncio.Task[Any] | None = None,
) -> None:
    """Poll until `expected` articles are in the read model; a failed sender or the
    deadline ends the wait with an error."""
    deadline = time.monotonic() + deadline_s
    while watch.poll() < expected:
        on_seen(len(watch.seen))
        if sender is not None and sender.done() and sender.exception() is not None:
            raise RuntimeError("posting failed") from sender.exception()
        if time.monotonic() > deadline:
            msg = f"only {len(watch.seen)} of {expected} articles queryable after {deadline_s} s"
            raise TimeoutError(msg)
        await asyncio.sleep(poll_s)
    on_seen(len(watch.seen))


def deadline_for(articles: int) -> float:
    """Generous: a minute plus ten articles a second at worst."""
    return 60.0 + articles / 10.0


async def throughput(
    ingest_url: str,
    database: Path,
    articles: Sequence[dict[str, Any]],
    on_posted: Callable[[int], None],
    on_seen: Callable[[int], None],
) -> Throughput:
    """Articles/s from the first batch posted to the last article queryable."""
    watch = ReadModelWatch(database)
    already = watch.poll()
    try:
        async with httpx.AsyncClient(timeout=httpx.Timeout(120.0)) as http:
            began = time.perf_counter()
            sender = asyncio.create_task(post_batches(http, ingest_url, articles, on_posted))
            expected = already + len(articles)
            await wait_queryable(
                watch,
                expected,
                deadline_s=deadline_for(len(articles)),
                poll_s=THROUGHPUT_POLL_S,
                on_seen=lambda n: on_seen(n - already),
                sender=sender,
            )
            await sender
        return Throughput(len(articles), max(watch.seen.values()) - began)
    finally:
        watch.close()


async def latency(
    ingest_url: str,
    database: Path,
    articles: Sequence[dict[str, Any]],
    rate: float,
    on_seen: Callable[[int], None],
) -> Latency:
    """Articles offered at `rate` a second, as a feed poller would: every TICK_S the ones
    due go out in one batch request. Each article's latency runs from just before its
    request to its first sighting in the read model."""
    watch = ReadModelWatch(database)
    already = watch.poll()
    sent: dict[str, float] = {}
    try:
        async with httpx.AsyncClient(timeout=httpx.Timeout(60.0)) as http:
            sender = asyncio.create_task(_offer(http, ingest_url, articles, rate, sent))
            await wait_queryable(
                watch,
                already + len(articles),
                deadline_s=deadline_for(len(articles)) + len(articles) / rate,
                poll_s=LATENCY_POLL_S,
                on_seen=lambda n: on_seen(n - already),
                sender=sender,
            )
            await sender
        ids = [a["article_id"] for a in articles]
        return Latency(rate, [1000.0 * (watch.seen[i] - sent[i]) for i in ids])
    finally:
        watch.close()


async def _offer(
    http: httpx.AsyncClient,
    ingest_url: str,
    articles: Sequence[dict[str, Any]],
    rate: float,
    sent: dict[str, float],
) -> None:
    """Post the articles due at each tick of a fixed schedule, without waiting for the
    previous tick's answer (a slow answer must not hold the schedule back)."""
    began, posts, done = time.perf_counter(), [], 0
    tick = 0
    while done < len(articles):
        tick += 1
        await asyncio.sleep(max(0.0, began + tick * TICK_S - time.perf_counter()))
        due = min(len(articles), int(tick * TICK_S * rate))
        chunk, done = articles[done:due], max(done, due)
        if chunk:
            now = time.perf_counter()
            sent.update((a["article_id"], now) for a in chunk)
            posts.append(asyncio.create_task(_post_batch(http, ingest_url, chunk)))
    await asyncio.gather(*posts)


async def _post_batch(
    http: httpx.AsyncClient, ingest_url: str, chunk: Sequence[dict[str, Any]]
) -> None:
    reply = await http.post(f"{ingest_url}/v1/articles:batch", json=list(chunk))
    reply.raise_for_status()
    if reply.json()["accepted"] != len(chunk):
        msg = f"ingest did not accept every article: {reply.text[:300]}"
        raise RuntimeError(msg)
