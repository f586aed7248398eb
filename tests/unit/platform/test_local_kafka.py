from __future__ import annotations

from pathlib import Path

from services.platform.kafka import local_broker
from services.platform.settings import LocalKafkaSettings


def test_server_properties_bind_loopback_and_skip_rebalance_delay(tmp_path: Path) -> None:
    props = dict(
        line.split("=", 1)
        for line in local_broker.server_properties(tmp_path, 9092, 9093).splitlines()
    )
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093"
    assert props["process.roles"] == "broker,controller"
    assert props["group.initial.rebalance.delay.ms"] == "0"
    assert props["log.dirs"] == str(tmp_path)


def test_status_without_state_is_not_running(tmp_path: Path) -> None:
    cfg = LocalKafkaSettings(state_dir=tmp_path, cache_dir=tmp_path)
    assert local_broker.running(cfg) is None
    assert local_broker.stop(cfg) is False


def test_stale_state_of_a_dead_process_is_not_running(tmp_path: Path) -> None:
    cfg = LocalKafkaSettings(state_dir=tmp_path, cache_dir=tmp_path)
    dead = local_broker.BrokerState(pid=2**22 + 7, bootstrap="127.0.0.1:1", log_file="x")
    (tmp_path / local_broker.STATE_FILE).write_text(dead.to_json())
    assert local_broker.running(cfg) is None
