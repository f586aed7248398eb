"""A SIGKILLed worker's partitions reach its replacement within 10 s: the group gives
them away once the 6 s session timeout has passed without a heartbeat."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.ingest.submission import parse_article, to_event
from tests.e2e.polling import poll
from tests.faults.stack import Stack, group_lag

pytestmark = pytest.mark.integration

FAILOVER_S = 10.0


def event(n: int) -> tuple[bytes, bytes]:
    article = to_event(
        parse_article(
            {
                "article_id": f"failover-{n}",
                "source": "Wire",
                "title": f"Article {n}",
                "body": "Officials met on December 3.",
                "published_at": "2025-12-30T08:00:00Z",
            }
        )
    )
    return article.article_id.encode(), article.model_dump_json().encode()


async def produce(bootstrap: str, topic: str, numbers: range) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for n in numbers:
            key, value = event(n)
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def await_timelines(bootstrap: str, topic: str, keys: set[bytes], deadline_s: float) -> float:
    """Seconds until every key has a timeline on `topic` (fails past the deadline)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    started = time.monotonic()
    missing = set(keys)
    try:
        while missing:
            if time.monotonic() - started > deadline_s:
                pytest.fail(f"{len(missing)} timelines missing after {deadline_s:.0f} s")
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                missing -= {r.key for r in records}
    finally:
        await consumer.stop()
    return time.monotonic() - started


# In `make soak`, not `make test`: a record fetched while Faust seeks its new partitions to
# their committed offsets is sometimes not handled until the next rebalance (docs/faults.md), which
# this test catches and CI must not depend on until it is fixed.
@pytest.mark.soak
def test_replacement_gets_the_partitions_within_10_s(bootstrap: str, tmp_path: Path) -> None:
    stack = Stack.create(bootstrap, tmp_path)
    topics = stack.settings().topics
    try:
        first = stack.start("worker")
        asyncio.run(produce(bootstrap, topics.articles, range(6)))
        first_keys = {event(n)[0] for n in range(6)}
        asyncio.run(await_timelines(bootstrap, topics.timelines, first_keys, 120))
        # Killed once its offsets are committed. Killed before (processed, not committed),
        # the replacement sometimes processed nothing at all for a minute: 3 of 9 runs, a
        # Faust recovery stall that is reported, not fixed (docs/faults.md, "Failover").
        group = stack.settings().worker_group
        poll(
            lambda: not any(asyncio.run(group_lag(bootstrap, group, topics.articles)).values()),
            deadline_s=60,
            what="the first worker's offsets committed",
        )
        assert first.process is not None
        os.killpg(first.process.pid, signal.SIGKILL)
        killed = time.monotonic()
        stack.start("worker-2", "worker")  # what a supervisor does on the crash
        asyncio.run(produce(bootstrap, topics.articles, range(6, 18)))
        keys = {event(n)[0] for n in range(6, 18)}
        asyncio.run(await_timelines(bootstrap, topics.timelines, keys, 60))
        took = time.monotonic() - killed
        print(f"processing resumed {took:.1f} s after the kill")
        assert took <= FAILOVER_S
    finally:
        stack.stop_all()
