"""Poison on the real broker: garbage, wrong-shape and oversize records produced straight
onto the articles topic, between good articles. Every bad record lands in the DLQ with its
cause, every good article reaches the timelines topic, and no partition is left behind."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from services.ingest.submission import parse_article, to_event
from tests.faults.stack import Stack, group_lag
from tests.kafka_helpers import consume
from tests.polling import poll

pytestmark = pytest.mark.integration

RECORD_LIMIT = 64 * 1024  # small, so an oversize record and timeline are cheap to make
MANY_DATES = (
    "Talks were held on "
    + ", ".join(f"March {day % 28 + 1}, {1990 + day % 30}" for day in range(300))
    + "."
)


def good(n: int) -> tuple[bytes, bytes]:
    event = to_event(
        parse_article(
            {
                "article_id": f"good-{n}",
                "source": "Wire",
                "title": f"Article {n}",
                "body": f"Officials met on December {n % 28 + 1}, they said.",
                "published_at": "2025-12-30T08:00:00Z",
            }
        )
    )
    return event.article_id.encode(), event.model_dump_json().encode()


def poison() -> dict[str, bytes | None]:
    """Name -> value of every kind of record the worker cannot turn into a timeline."""
    too_large = to_event(
        parse_article(
            {
                "article_id": "too-large-timeline",
                "source": "Wire",
                "title": "Many dates",
                "body": MANY_DATES,
                "published_at": "2025-12-30T08:00:00Z",
            }
        )
    )
    return {
        "not json": b"\x00\xff\xfe not json at all",
        "not utf-8": b'{"article_id": "\xff"}',
        "empty": b"",
        "null value": None,
        "wrong shape": json.dumps({"article_id": "x", "title": 5}).encode(),
        "an array": b"[1, 2, 3]",
        "nested deep": b"[" * 5000 + b"]" * 5000,
        "oversize garbage": os.urandom(100 * 1024),
        "timeline too large": too_large.model_dump_json().encode(),
    }


async def produce_mixed(stack: Stack) -> tuple[list[str], dict[tuple[int, int], str]]:
    """Good and bad records interleaved; returns the good ids and where each bad one went."""
    topic = stack.settings().topics.articles
    producer = AIOKafkaProducer(
        bootstrap_servers=stack.bootstrap, acks="all", max_request_size=4 * RECORD_LIMIT
    )
    await producer.start()
    goods, bads = [], {}
    try:
        for n, (name, value) in enumerate(poison().items()):
            for m in range(3):
                key, article = good(3 * n + m)
                await producer.send_and_wait(topic, article, key=key)
                goods.append(key.decode())
            meta = await producer.send_and_wait(topic, value, key=f"bad-{n}".encode())
            bads[(meta.partition, meta.offset)] = name
    finally:
        await producer.stop()
    return goods, bads


def test_poison_goes_to_the_dlq_and_good_articles_flow(bootstrap: str, tmp_path: Path) -> None:
    stack = Stack.create(bootstrap, tmp_path, NEWSTIMELINE_MAX_RECORD_BYTES=str(RECORD_LIMIT))
    settings = stack.settings()
    try:
        stack.start("worker")
        goods, bads = asyncio.run(produce_mixed(stack))
        letters = asyncio.run(
            consume(bootstrap, settings.topics.dead_letters, len(bads), deadline_s=120)
        )
        timelines = asyncio.run(
            consume(bootstrap, settings.topics.timelines, len(goods), deadline_s=120)
        )
        assert sorted(r.key.decode() for r in timelines) == sorted(goods)
        causes = {}
        for record in letters:
            headers = dict(record.headers)
            assert headers["dlq_original_topic"] == settings.topics.articles.encode()
            origin = (int(headers["dlq_original_partition"]), int(headers["dlq_original_offset"]))
            causes[bads[origin]] = headers["dlq_error_class"].decode()
            assert headers["dlq_error_message"]
        assert set(causes) == set(bads.values())
        assert causes["timeline too large"] == "TimelineTooLargeError"
        poll(
            lambda: (
                not any(
                    asyncio.run(
                        group_lag(bootstrap, settings.worker_group, settings.topics.articles)
                    ).values()
                )
            ),
            deadline_s=60,
            what="the normalizer group to commit every partition to its end",
        )
        assert stack.services["worker"].alive()
    finally:
        stack.stop_all()
