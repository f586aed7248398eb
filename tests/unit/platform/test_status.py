"""`newstimeline status` without a network: which broker it asks, what counts as ok, views."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from services.cli.status import as_json, show
from services.platform.kafka import local_broker, local_storage
from services.platform.ops.status import (
    BrokerStatus,
    GroupLag,
    ReplicaStatus,
    Status,
    TopicStatus,
    broker_of,
    replica_urls,
)
from services.platform.settings import LocalKafkaSettings, Settings


def local(tmp_path: Path) -> Settings:
    cfg = LocalKafkaSettings(state_dir=tmp_path, cache_dir=tmp_path)
    return Settings(kafka_bootstrap_servers=None, local_kafka=cfg)


def test_the_broker_asked_is_configured_else_recorded_else_kept(tmp_path: Path) -> None:
    assert broker_of(Settings(kafka_bootstrap_servers="10.0.0.1:9092")).address == "10.0.0.1:9092"
    assert broker_of(local(tmp_path)).address is None
    local_storage.keep_ports(tmp_path, local_storage.BrokerPorts(41000, 41001))
    assert (broker_of(local(tmp_path)).address, broker_of(local(tmp_path)).kind) == (
        "127.0.0.1:41000", "local, not running",
    )  # fmt: skip
    state = local_broker.BrokerState(pid=1, bootstrap="127.0.0.1:42000", log_file="x")
    (tmp_path / local_broker.STATE_FILE).write_text(state.to_json())
    assert broker_of(local(tmp_path)).address == "127.0.0.1:42000"


def test_replicas_default_to_the_configured_query_service() -> None:
    settings = Settings(query_host="127.0.0.1", query_port=9999)
    assert replica_urls(settings, []) == ["http://127.0.0.1:9999"]
    assert replica_urls(settings, ["http://a:1"]) == ["http://a:1"]
    assert replica_urls(Settings(status_query_urls=["http://b:2"]), []) == ["http://b:2"]


def healthy() -> Status:
    return Status(
        BrokerStatus("127.0.0.1:1", "local", reachable=True, cluster_id="C"),
        topics=[TopicStatus("articles", "T", {0: 2, 1: 0}, {0: 7, 1: 3})],
        group="g",
        group_lag=[GroupLag(0, 5, 7, 2), GroupLag(1, None, 3, 3)],
        replicas=[
            ReplicaStatus(
                "http://q",
                answered=True,
                projector={
                    "ready": False,
                    "phase": "projecting",
                    "partitions": [{"partition": 0, "position": 1, "end": 4, "lag": 3}],
                },
            )
        ],
        dead_letters=0,
    )


def test_ok_needs_the_broker_and_every_replica() -> None:
    status = healthy()
    assert status.ok
    status.replicas.append(ReplicaStatus("http://r", answered=False, error="refused"))
    assert not status.ok
    status = healthy()
    status.broker.error = "no complete answer within 15 s"
    assert not status.ok


def test_json_and_table_show_lag_per_partition() -> None:
    status = healthy()
    body = json.loads(as_json(status))
    assert body["ok"] is True
    assert body["topics"][0]["records"] == 8
    assert [row["lag"] for row in body["group_lag"]] == [2, 3]
    console = Console(width=120, record=True)
    show(status, console)
    text = console.export_text()
    assert "normalizer group g: lag 5" in text
    assert "catching up, projecting" in text
