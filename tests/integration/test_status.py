"""`newstimeline status` on the real broker: lag per partition, replicas, dead letters."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.cli import main
from services.platform.kafka.local_broker import free_port
from services.platform.kafka.log_identity import fetch_identity
from services.platform.kafka.topics import create_topics
from services.platform.settings import Settings
from services.query.api import create_app
from tests.polling import poll


@pytest.fixture
def settings(bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    run = uuid.uuid4().hex[:8]
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "NEWSTIMELINE_TOPICS__ARTICLES": f"status.{run}.articles",
        "NEWSTIMELINE_TOPICS__TIMELINES": f"status.{run}.timelines",
        "NEWSTIMELINE_TOPICS__DEAD_LETTERS": f"status.{run}.dlq",
        "NEWSTIMELINE_TOPICS__PARTITIONS": "2",
        "NEWSTIMELINE_WORKER_GROUP": f"status-{run}",
        "NEWSTIMELINE_PROJECTOR_GROUP": f"status-{run}-projector",
        "NEWSTIMELINE_DATABASE_PATH": str(tmp_path / "q.sqlite3"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    configured = Settings()
    asyncio.run(create_topics(configured, bootstrap))
    return configured


async def fill(bootstrap: str, settings: Settings, group: str) -> None:
    """5 + 2 articles; the group committed 2 on each partition; one dead letter."""
    t = settings.topics
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for partition, count in ((0, 5), (1, 2)):
            for _ in range(count):
                await producer.send_and_wait(t.articles, b"{}", key=b"k", partition=partition)
        await producer.send_and_wait(t.dead_letters, b"bad", key=b"k", partition=0)
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group)
    await consumer.start()
    try:
        partitions = [TopicPartition(t.articles, p) for p in (0, 1)]
        consumer.assign(partitions)
        await consumer.commit(dict.fromkeys(partitions, 2))
    finally:
        await consumer.stop()


@pytest.fixture
def replica(settings: Settings, bootstrap: str) -> Iterator[str]:
    """A query replica (API and projector) served from a thread, as a deployment runs it."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, bootstrap=bootstrap), port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{url}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    poll(ready, 60, "the query service's /readyz")
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(30)


def test_status_shows_lag_per_partition_replicas_and_dead_letters(
    bootstrap: str, settings: Settings, replica: str, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(fill(bootstrap, settings, settings.worker_group))
    assert main(["status", "--json", "--query", replica]) == 0
    report = json.loads(capsys.readouterr().out)
    log = asyncio.run(fetch_identity(bootstrap, settings.topics.articles))
    assert log is not None
    assert report["ok"] is True
    assert report["broker"]["cluster_id"] == log.cluster_id
    lag = {
        row["partition"]: (row["committed"], row["end"], row["lag"]) for row in report["group_lag"]
    }
    assert lag == {0: (2, 5, 3), 1: (2, 2, 0)}
    assert report["dead_letters"] == 1
    articles = report["topics"][0]
    assert (articles["topic_id"], articles["end_offsets"]) == (log.topic_id, {"0": 5, "1": 2})
    [shown] = report["replicas"]
    assert shown["answered"] is True
    assert shown["projector"]["topic"] == settings.topics.timelines
    assert [p["lag"] for p in shown["projector"]["partitions"]] == [0, 0]

    assert main(["status", "--query", replica]) == 0
    human = capsys.readouterr().out
    assert f"normalizer group {settings.worker_group}: lag 3" in human
    assert "dead letters: 1" in human

    # A discarded dead letter is handled: status stops counting it.
    assert main(["dlq", "discard", "--all", "--yes"]) == 0
    capsys.readouterr()
    assert main(["status", "--json", "--query", replica]) == 0
    assert json.loads(capsys.readouterr().out)["dead_letters"] == 0


def test_status_exits_1_when_the_broker_is_unreachable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", f"127.0.0.1:{free_port()}")
    began = time.monotonic()
    assert main(["status", "--json", "--query", f"http://127.0.0.1:{free_port()}"]) == 1
    assert time.monotonic() - began < 30
    report = json.loads(capsys.readouterr().out)
    assert report["broker"]["reachable"] is False
    assert report["replicas"][0]["answered"] is False
