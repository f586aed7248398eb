"""A SIGKILLed worker's partitions reach its replacement within 15 s: the group gives
them away once the 6 s session timeout has passed without a heartbeat. And once the
partitions have their owner, no record waits more than 30 s for its timeline."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.ingest.submission import parse_article, to_event
from services.platform.kafka.local_broker import free_port
from tests.faults.stack import Stack, group_lag
from tests.polling import poll

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

FAILOVER_S = 15.0
OWNED_WAIT_S = 30.0


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


def test_replacement_gets_the_partitions_within_15_s(bootstrap: str, tmp_path: Path) -> None:
    stack = Stack.create(bootstrap, tmp_path)
    topics = stack.settings().topics
    try:
        first = stack.start("worker", "worker", "--port", str(free_port()))
        asyncio.run(produce(bootstrap, topics.articles, range(6)))
        first_keys = {event(n)[0] for n in range(6)}
        asyncio.run(await_timelines(bootstrap, topics.timelines, first_keys, 120))
        # Killed once its offsets are committed, so that what is measured is the failover
        # and not the re-handling of records done but not committed.
        group = stack.settings().worker_group
        poll(
            lambda: not any(asyncio.run(group_lag(bootstrap, group, topics.articles)).values()),
            deadline_s=60,
            what="the first worker's offsets committed",
        )
        assert first.process is not None
        os.killpg(first.process.pid, signal.SIGKILL)
        killed = time.monotonic()
        stack.start("worker-2", "worker", "--port", str(free_port()))  # as a supervisor would
        asyncio.run(produce(bootstrap, topics.articles, range(6, 18)))
        keys = {event(n)[0] for n in range(6, 18)}
        asyncio.run(await_timelines(bootstrap, topics.timelines, keys, 60))
        took = time.monotonic() - killed
        print(f"FAILOVER processing resumed {took:.1f} s after the kill")
        assert took <= FAILOVER_S
        # The partitions have their owner now: records that follow wait on nothing else.
        asyncio.run(produce(bootstrap, topics.articles, range(18, 30)))
        later = {event(n)[0] for n in range(18, 30)}
        waited = asyncio.run(await_timelines(bootstrap, topics.timelines, later, OWNED_WAIT_S))
        print(f"FAILOVER later records handled within {waited:.1f} s")
    finally:
        stack.stop_all()
