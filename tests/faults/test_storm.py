"""A rebalance storm, checked on the topics themselves.

Two workers share the articles topic; while articles go in, one of them is stopped and
started again over and over, SIGKILL and SIGTERM in turn, some stops landing in the first
second or two of its start (while it restores its table and seeks its partitions). After:
every article key has a timeline for its latest revision, the DLQ is empty, and the group's
committed offset reaches every partition's end within 30 s of the last record. The check
reads the topics, not the read model: a record the worker skipped while the group moved
past it leaves no trace anywhere else.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from services.ingest.submission import parse_article, to_event
from services.platform.local_kafka import free_port
from tests.e2e.polling import poll
from tests.faults.stack import Stack
from tests.faults.topic_truth import commit_lag, latest_revisions, latest_timelines, read_all

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

ARTICLES = int(os.environ.get("STORM_ARTICLES", "3000"))
RESTARTS = int(os.environ.get("STORM_RESTARTS", "16"))
BATCH = 100
# Seconds the restarted worker lives before its next stop: short ones land in its startup
# and recovery (the window of the race), longer ones let it take partitions and work.
LIFETIMES = (1.5, 7.0, 3.0, 9.0, 0.7, 5.0, 2.0, 8.0)
COMMIT_DEADLINE_S = 30.0


def event(n: int, revision: int) -> tuple[bytes, bytes]:
    article = to_event(parse_article({
        "article_id": f"storm-{n}",
        "source": f"wire-{n % 5}",
        "title": f"Storm report {n}",
        "body": f"Officials met on March {n % 28 + 1}. Revision {revision} of the story.",
        "published_at": "2025-12-30T08:00:00Z",
    }))  # fmt: skip
    return article.article_id.encode(), article.model_dump_json().encode()


def schedule() -> list[tuple[int, int]]:
    """(article, revision) in posting order: every fifth article is revised one batch later."""
    order: list[tuple[int, int]] = []
    for start in range(0, ARTICLES + BATCH, BATCH):
        order += [(n, 1) for n in range(start, min(start + BATCH, ARTICLES))]
        order += [(n, 2) for n in range(max(start - BATCH, 0), start) if n % 5 == 0]
    return order


class Poster(threading.Thread):
    """Posts the articles in batches spread over `span_s`, from a thread of its own."""

    def __init__(self, bootstrap: str, topic: str, span_s: float) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.topic, self.span_s = bootstrap, topic, span_s
        self.error: BaseException | None = None
        self.sent = 0

    def run(self) -> None:
        try:
            asyncio.run(self.post())
        except BaseException as exc:
            self.error = exc

    async def post(self) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all", linger_ms=5)
        await producer.start()
        try:
            order = schedule()
            batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
            began = time.monotonic()
            for i, batch in enumerate(batches):
                await asyncio.gather(*[await producer.send(self.topic, v, key=k)
                                       for k, v in (event(n, r) for n, r in batch)])  # fmt: skip
                self.sent += len(batch)
                # Spread the batches over the storm (a pause to the next batch's share).
                pause = began + self.span_s * (i + 1) / len(batches) - time.monotonic()
                await asyncio.sleep(max(pause, 0))
        finally:
            await producer.stop()


def stop(stack: Stack, name: str, sig: signal.Signals) -> None:
    process = stack.services[name].process
    assert process is not None
    os.killpg(process.pid, sig)
    process.wait(30)


def storm(stack: Stack, restarts: int) -> list[str]:
    """Stop and start worker 'b' `restarts` times; what happened, for the report."""
    began, notes = time.monotonic(), []
    signals = itertools.cycle((signal.SIGKILL, signal.SIGTERM))
    lives = itertools.cycle(LIFETIMES)
    for n in range(restarts):
        life = next(lives)
        time.sleep(life)  # the storm's pace, not a wait for something to happen
        sig = next(signals)
        stop(stack, "b", sig)
        notes.append(f"{time.monotonic() - began:6.1f} s  b {sig.name} after {life} s ({n + 1})")
        stack.start("b", "worker", *port_of("b"))
    return notes


PORTS: dict[str, str] = {}


def port_of(worker: str) -> tuple[str, str]:
    """A /metrics port of each worker's own: two workers on one port, one would fail."""
    return "--port", PORTS.setdefault(worker, str(free_port()))


def test_storm_skips_no_record_and_commits_to_the_end(bootstrap: str, tmp_path: Path) -> None:
    stack = Stack.create(bootstrap, tmp_path)
    topics = stack.settings().topics
    group = stack.settings().worker_group
    try:
        stack.start("a", "worker", *port_of("a"))
        stack.start("b", "worker", *port_of("b"))
        span = sum(itertools.islice(itertools.cycle(LIFETIMES), RESTARTS)) * 1.2
        poster = Poster(bootstrap, topics.articles, span)
        poster.start()
        notes = storm(stack, RESTARTS)
        poster.join(300)
        assert poster.error is None, poster.error
        assert not poster.is_alive(), "the poster did not finish"
        last_record = time.monotonic()
        print("\n".join(notes))

        def committed_to_end() -> bool:
            return not any(asyncio.run(commit_lag(bootstrap, group, topics.articles)).values())

        try:
            poll(committed_to_end, deadline_s=COMMIT_DEADLINE_S, what="commits to the end")
        except AssertionError:
            lag = asyncio.run(commit_lag(bootstrap, group, topics.articles))
            pytest.fail(f"STUCK COMMIT: offsets short of the end {COMMIT_DEADLINE_S:.0f} s "
                        f"after the last record (records behind, by partition): {lag}")  # fmt: skip
        print(f"committed to the end {time.monotonic() - last_record:.1f} s after the last record")
        articles = latest_revisions(asyncio.run(read_all(bootstrap, topics.articles)))
        timelines = latest_timelines(asyncio.run(read_all(bootstrap, topics.timelines)))
        dead = asyncio.run(read_all(bootstrap, topics.dead_letters))
        missing = [a for a in articles.values() if timelines.get(a.key) != a.revision]
        assert len(articles) == ARTICLES
        assert not dead, f"{len(dead)} records on the DLQ"
        assert not missing, (
            "SKIPPED: no timeline for the latest revision of "
            + ", ".join(
                f"{a.key.decode()} (partition {a.partition}, offset {a.offset})"
                for a in missing[:20]
            )
            + f" ({len(missing)} in all)"
        )
    finally:
        stack.stop_all()
