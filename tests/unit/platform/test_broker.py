"""The broker choice, with its three sources replaced by fakes (no network)."""

from __future__ import annotations

import pytest

from services.platform.kafka import broker, local_broker
from services.platform.kafka.broker import NO_BROKER, BrokerChoice, NoBrokerError, choose_broker
from services.platform.settings import Settings


def test_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(broker, "docker_answers", lambda: pytest.fail("must not ask Docker"))
    choice = choose_broker(Settings(kafka_bootstrap_servers="10.0.0.1:9092"))
    assert (choice.kind, choice.bootstrap, choice.started_here) == (
        "KAFKA_BOOTSTRAP_SERVERS", "10.0.0.1:9092", False,
    )  # fmt: skip


def test_docker_before_local(monkeypatch: pytest.MonkeyPatch) -> None:
    container = BrokerChoice("testcontainers", "127.0.0.1:1", True)
    monkeypatch.setattr(broker, "docker_answers", lambda: True)
    monkeypatch.setattr(broker, "_from_container", lambda: container)
    assert choose_broker(Settings(kafka_bootstrap_servers=None)) is container


def test_nothing_possible_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(broker, "docker_answers", lambda: False)
    monkeypatch.setattr(local_broker, "running", lambda cfg: None)
    monkeypatch.setattr(local_broker, "missing_tools", lambda: ["java", "mvn"])
    with pytest.raises(NoBrokerError) as caught:
        choose_broker(Settings(kafka_bootstrap_servers=None))
    assert str(caught.value) == NO_BROKER
    assert "Java 17 and Maven" in NO_BROKER
    assert "KAFKA_BOOTSTRAP_SERVERS" in NO_BROKER


def test_running_local_broker_is_reused_not_owned(monkeypatch: pytest.MonkeyPatch) -> None:
    state = local_broker.BrokerState(pid=1, bootstrap="127.0.0.1:2", log_file="x")
    monkeypatch.setattr(broker, "docker_answers", lambda: False)
    monkeypatch.setattr(local_broker, "running", lambda cfg: state)
    choice = choose_broker(Settings(kafka_bootstrap_servers=None))
    assert (choice.kind, choice.bootstrap, choice.started_here) == ("local", "127.0.0.1:2", False)
