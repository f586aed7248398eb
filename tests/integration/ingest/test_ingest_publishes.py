"""The ingest API on the real broker: a 202 means the record is on the topic."""

from __future__ import annotations

import time
import uuid

import httpx
from asgi_lifespan import LifespanManager

from services.ingest.app import create_app
from services.ingest.publisher import ArticlePublisher
from services.platform.kafka.clients import reliable_producer
from services.platform.kafka.topics import create_topics
from services.platform.settings import Settings, TopicSettings
from services.timeline.events import MAX_BODY_BYTES, ArticleSubmitted
from tests.kafka_helpers import consume_one

GOOD = {
    "source": "Wire",
    "url": "https://example.org/a",
    "title": "T",
    "body": "It happened on December 13.",
    "published_at": "2025-12-15T08:00:00Z",
}


async def post(bootstrap: str, topic: str, payload: object) -> httpx.Response:
    settings = Settings(produce_timeout_s=5)
    app = create_app(
        lambda: ArticlePublisher(
            lambda: reliable_producer(settings, bootstrap, "test"), topic, timeout_s=5
        ),
        settings,
    )
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as client:
            return await client.post("/v1/articles", json=payload)


async def test_accepted_article_is_on_the_topic_with_cloudevents_headers(bootstrap: str) -> None:
    topic = f"articles-{uuid.uuid4().hex[:8]}"
    reply = await post(bootstrap, topic, GOOD)
    assert reply.status_code == 202
    receipt = reply.json()
    record = await consume_one(bootstrap, topic)
    assert (record.partition, record.offset) == (receipt["partition"], receipt["offset"])
    assert record.key == receipt["article_id"].encode()
    event = ArticleSubmitted.model_validate_json(record.value)
    assert (event.article_id, event.revision) == (receipt["article_id"], receipt["revision"])
    headers = dict(record.headers)
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_type"] == b"news.article.submitted.v1"
    assert headers["content-type"] == b"application/json"
    assert {"ce_id", "ce_source", "ce_time"} <= headers.keys()


async def test_unreachable_broker_is_503_without_its_address(bootstrap: str) -> None:
    started = time.monotonic()
    reply = await post("127.0.0.1:9", "never-created", GOOD)
    assert time.monotonic() - started < 5 + 2  # produce_timeout_s of `post`, and a margin
    assert reply.status_code == 503
    assert reply.headers["retry-after"]
    assert "not confirmed" in reply.json()["detail"]
    assert "127.0.0.1" not in reply.text


async def test_the_largest_body_accepted_is_on_the_topic(bootstrap: str) -> None:
    """1 MiB of body (the most validation lets through, in characters that need escaping)
    fits the topic as the project creates it: a 202, never a 503 forever."""
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        topics=TopicSettings(
            articles=f"big.{run}.articles", timelines=f"big.{run}.timelines",
            dead_letters=f"big.{run}.dlq", partitions=1,
        )
    )  # fmt: skip
    await create_topics(settings, bootstrap)
    body = ('"quoted"\n' * (MAX_BODY_BYTES // 9 + 1))[:MAX_BODY_BYTES]
    reply = await post(bootstrap, settings.topics.articles, {**GOOD, "body": body})
    assert reply.status_code == 202, reply.text[:300]
    record = await consume_one(bootstrap, settings.topics.articles)
    assert len(record.value) > MAX_BODY_BYTES  # escaped quotes and newlines: 1.4 MB
    assert ArticleSubmitted.model_validate_json(record.value).body == body
