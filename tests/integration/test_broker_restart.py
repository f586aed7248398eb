"""The local broker keeps its log across restarts, and `reset --yes` is what wipes it.

Runs a broker of its own (state in tmp_path), so the session's shared broker is untouched.
"""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from services.cli import main
from services.platform.kafka import local_broker
from services.platform.kafka.local_storage import PortTakenError
from services.platform.kafka.log_identity import LogIdentity, fetch_identity
from services.platform.kafka.topics import create_topics
from services.platform.settings import LocalKafkaSettings, Settings, TopicSettings
from tests.kafka_helpers import consume, topic_size

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(bool(local_broker.missing_tools()), reason="needs Java and Maven"),
]
RECORDS = 30


async def publish(bootstrap: str, topic: str) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for n in range(RECORDS):
            await producer.send_and_wait(topic, f"record {n}".encode(), key=f"k{n}".encode())
    finally:
        await producer.stop()


async def identities(bootstrap: str, topics: list[str]) -> dict[str, LogIdentity | None]:
    return {topic: await fetch_identity(bootstrap, topic) for topic in topics}


async def values(bootstrap: str, topic: str) -> set[bytes]:
    assert await topic_size(bootstrap, topic) == RECORDS
    return {record.value for record in await consume(bootstrap, topic, RECORDS)}


def reset_env(tmp_path: Path, cfg: LocalKafkaSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR", str(cfg.state_dir))
    monkeypatch.setenv("NEWSTIMELINE_DATABASE_PATH", str(tmp_path / "var" / "t.sqlite3"))
    monkeypatch.setenv("NEWSTIMELINE_WORKER_DATA_DIR", str(tmp_path / "var" / "faust"))
    monkeypatch.setenv("NEWSTIMELINE_RUN_PID_FILE", str(tmp_path / "var" / "run.pid"))
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)


def test_restart_keeps_address_cluster_topics_and_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = LocalKafkaSettings(state_dir=tmp_path / "kafka", heap="256m")
    settings = Settings(topics=TopicSettings(partitions=3))
    names = [settings.topics.articles, settings.topics.timelines, settings.topics.dead_letters]
    first = local_broker.start(cfg)
    try:
        asyncio.run(create_topics(settings, first.bootstrap))
        before = asyncio.run(identities(first.bootstrap, names))
        asyncio.run(publish(first.bootstrap, settings.topics.articles))
        sent = asyncio.run(values(first.bootstrap, settings.topics.articles))
        assert local_broker.stop(cfg)

        port = int(first.bootstrap.rsplit(":", 1)[1])
        with socket.socket() as squatter:
            squatter.bind(("127.0.0.1", port))
            squatter.listen()
            with pytest.raises(PortTakenError, match=f"port {port} of the local broker"):
                local_broker.start(cfg)

        began = time.monotonic()
        second = local_broker.start(cfg)
        print(f"broker restart: {time.monotonic() - began:.1f} s")
        assert second.bootstrap == first.bootstrap
        after = asyncio.run(identities(second.bootstrap, names))
        assert after == before
        assert all(identity is not None for identity in after.values())
        assert asyncio.run(values(second.bootstrap, settings.topics.articles)) == sent
    finally:
        reset_env(tmp_path, cfg, monkeypatch)
        assert main(["reset", "--yes"]) == 0
    assert not cfg.state_dir.exists()
    assert not local_broker.pid_alive(second.pid)
