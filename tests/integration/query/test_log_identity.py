"""A read model kept from another log is rebuilt, never resumed with that log's offsets."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from asgi_lifespan import LifespanManager

from services.platform.kafka.log_identity import LogIdentity, fetch_identity
from services.platform.settings import Settings
from services.query.api import create_app
from services.query.store import TimelineStore
from tests.polling import eventually
from tests.unit.query.factories import timeline

ARTICLES = [f"real-{n}" for n in range(40)]
ELSEWHERE = LogIdentity("OtherClusterAAAAAAAAAA", "OtherTopicAAAAAAAAAAAA")


async def end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        ends = await consumer.end_offsets([TopicPartition(topic, p) for p in (0, 1)])
    finally:
        await consumer.stop()
    return {tp.partition: offset for tp, offset in ends.items()}


def foreign_read_model(
    path: Path, topic: str, ends: dict[int, int], kept: LogIdentity | None
) -> None:
    """A store whose offsets equal this topic's end offsets but whose rows came from
    another log: resumed as it is, it would report lag 0 and serve only ghosts."""
    store = TimelineStore(path)
    try:
        if kept:
            store.start_log(topic, kept)
        for partition, end in ends.items():
            ghost = timeline(f"ghost-{partition}", [(1, 2)])
            store.apply(topic, partition, [(end - 1, ghost)])
    finally:
        store.close()


def live_articles(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT DISTINCT article_id FROM incidents WHERE retired_seq IS NULL")
        return {row[0] for row in rows}


@pytest.mark.parametrize("kept", [ELSEWHERE, None], ids=["other-cluster", "unrecorded"])
async def test_a_read_model_of_another_log_is_rebuilt_from_the_start(
    bootstrap: str,
    topic_settings: Settings,
    producer: AIOKafkaProducer,
    kept: LogIdentity | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    topic, path = topic_settings.topics.timelines, topic_settings.database_path
    for article_id in ARTICLES:
        value = timeline(article_id, [(3, 4)]).model_dump_json().encode()
        await producer.send_and_wait(topic, value, key=article_id.encode())
    foreign_read_model(path, topic, await end_offsets(bootstrap, topic), kept)
    assert live_articles(path) == {"ghost-0", "ghost-1"}

    caplog.set_level(logging.INFO)
    app = create_app(topic_settings, bootstrap=bootstrap)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            statuses: list[int] = []

            async def ready() -> bool:
                statuses.append((await http.get("/readyz")).status_code)
                return statuses[-1] == 200

            await eventually(ready, "readiness after the rebuild")
            progress = (await http.get("/v1/admin/projector")).json()

    assert statuses[0] == 503, "ready before the rebuild had caught up"
    assert live_articles(path) == set(ARTICLES)
    log = await fetch_identity(bootstrap, topic)
    assert log is not None
    assert (progress["cluster_id"], progress["topic_id"]) == (log.cluster_id, log.topic_id)
    assert progress["phase"] == "projecting"
    assert sum(p["position"] for p in progress["partitions"]) == len(ARTICLES)
    assert all(p["lag"] == 0 for p in progress["partitions"])
    why = [r.getMessage() for r in caplog.records if "rebuilding" in r.getMessage()]
    assert len(why) == 1, why
    assert log.describe() in why[0]
