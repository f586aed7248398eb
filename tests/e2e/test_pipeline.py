"""The three services on the real broker: ingest -> Kafka -> Faust -> query."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx

from services.platform.ops.processes import Stack
from services.platform.settings import PROJECT_ROOT
from tests.e2e.polling import published_timeline, timeline
from tests.kafka_helpers import consume, produce, topic_size
from tests.polling import poll

SEED = json.loads((PROJECT_ROOT / "seeds" / "seed-article.json").read_text(encoding="utf-8"))


def article(text: str, **overrides: Any) -> dict[str, Any]:
    return {
        "article_id": f"e2e-{uuid.uuid4().hex[:10]}",
        "source": "E2E Wire",
        "title": "A test article",
        "body": text,
        "published_at": "2025-12-15T08:00:00Z",
        **overrides,
    }


def submit(pipeline: Stack, payload: dict[str, Any]) -> dict[str, Any]:
    reply = httpx.post(f"{pipeline.ingest_url}/v1/articles", json=payload, timeout=30)
    assert reply.status_code == 202, reply.text
    body: dict[str, Any] = reply.json()
    return body


def test_seed_article_timeline_in_order(pipeline: Stack) -> None:
    submit(pipeline, SEED)
    items = published_timeline(pipeline.query_url, SEED["article_id"])
    summary = [(i["mention"], i["start"], i["end"], i["granularity"], i["anchor"]) for i in items]
    assert summary == [
        ("2014", "2014-01-01T00:00:00Z", "2015-01-01T00:00:00Z", "year", "explicit"),
        ("the past year", "2024-12-15T08:00:00Z", "2025-12-15T08:00:00Z", "year", "explicit"),
        ("December 13", "2025-12-13T00:00:00Z", "2025-12-14T00:00:00Z", "day", "explicit"),
        (None, "2025-12-15T08:00:00Z", "2025-12-15T08:01:00Z", "minute", "publication"),
    ]
    assert "Palmyra" in items[2]["sentence"]
    assert items[3]["sentence"] == SEED["title"]


def test_posted_article_appears_with_its_values(pipeline: Stack) -> None:
    payload = article("The council met on Friday. Two days later it voted.")
    receipt = submit(pipeline, payload)
    items = published_timeline(pipeline.query_url, receipt["article_id"])
    explicit = [(i["mention"], i["timex_value"]) for i in items if i["anchor"] == "explicit"]
    assert explicit == [("Friday", "2025-12-12"), ("Two days later", "2025-12-14")]


def test_invalid_article_is_422_with_reason(pipeline: Stack) -> None:
    payload = article("Text.", published_at="2025-12-15T08:00:00")
    reply = httpx.post(f"{pipeline.ingest_url}/v1/articles", json=payload, timeout=10)
    assert reply.status_code == 422
    detail = reply.json()["detail"][0]
    assert detail["loc"][-1] == "published_at"
    assert "with an offset" in detail["msg"]


def test_new_revision_replaces_and_same_revision_publishes_once(pipeline: Stack) -> None:
    first = article("Talks began on December 1.")
    receipt = submit(pipeline, first)
    submit(pipeline, first)
    published_timeline(pipeline.query_url, receipt["article_id"], "December 1")
    second = {**first, "body": "Talks began on December 3."}
    submit(pipeline, second)
    items = published_timeline(pipeline.query_url, receipt["article_id"], "December 3")
    assert [i["timex_value"] for i in items if i["anchor"] == "explicit"] == ["2025-12-03"]
    timelines = asyncio.run(_all_for_key(pipeline, receipt["article_id"]))
    assert len(timelines) == 2, "the duplicate revision produced a second output"


async def _all_for_key(pipeline: Stack, key: str) -> list[Any]:
    """Every timeline record of `key` on the topic."""
    topic = pipeline.settings.topics.timelines
    records = await consume(pipeline.bootstrap, topic, await topic_size(pipeline.bootstrap, topic))
    return [r for r in records if r.key == key.encode()]


def test_query_restart_loses_and_duplicates_nothing(pipeline: Stack) -> None:
    before = submit(pipeline, article("Shops reopened on December 2."))
    published_timeline(pipeline.query_url, before["article_id"])
    snapshot = [i["incident_id"] for i in timeline(pipeline.query_url)]
    pipeline.services["query"].stop()
    during = submit(pipeline, article("The port closed on December 4."))
    pipeline.restart("query")
    published_timeline(pipeline.query_url, during["article_id"])
    after = [i["incident_id"] for i in timeline(pipeline.query_url)]
    assert len(after) == len(set(after)), "an incident was projected twice"
    assert set(snapshot) <= set(after), "an incident went missing across the restart"
    assert len(after) > len(snapshot)


def test_poison_record_goes_to_dlq_and_next_record_still_flows(pipeline: Stack) -> None:
    topics = pipeline.settings.topics
    poison_key = f"poison-{uuid.uuid4().hex[:8]}".encode()
    asyncio.run(produce(pipeline.bootstrap, topics.articles, poison_key, b"{not json"))
    good = submit(pipeline, article("Fighting resumed on December 5."))
    published_timeline(pipeline.query_url, good["article_id"])

    def poison_in_dlq() -> Any:
        total = asyncio.run(topic_size(pipeline.bootstrap, topics.dead_letters))
        records = asyncio.run(consume(pipeline.bootstrap, topics.dead_letters, total, 10))
        return next((r for r in records if r.key == poison_key), None)

    record = poll(poison_in_dlq, what="the poison record in the DLQ")
    headers = dict(record.headers)
    assert record.value == b"{not json"
    assert headers["dlq_original_topic"] == topics.articles.encode()
    assert headers["dlq_error_class"] == b"ValidationError"
    assert {"dlq_original_partition", "dlq_original_offset", "dlq_error_message"} <= set(headers)


def test_retraction_removes_the_article_and_leaves_a_tombstone(pipeline: Stack) -> None:
    receipt = submit(pipeline, article("The bridge reopened on December 6."))
    article_id = receipt["article_id"]
    published_timeline(pipeline.query_url, article_id)
    reply = httpx.delete(f"{pipeline.ingest_url}/v1/articles/{article_id}", timeout=30)
    assert reply.status_code == 202, reply.text
    assert reply.json()["partition"] == receipt["partition"]  # same key, same partition

    def gone() -> bool:
        known = httpx.get(f"{pipeline.query_url}/v1/articles/{article_id}", timeout=10)
        return known.status_code == 404 and not timeline(pipeline.query_url, article_id=article_id)

    poll(gone, what=f"{article_id} to leave the read model")
    last = asyncio.run(_all_for_key(pipeline, article_id))[-1]
    assert last.value is None
    assert dict(last.headers)["ce_type"] == b"news.timeline.retracted.v1"
