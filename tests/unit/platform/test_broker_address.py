"""Where services find the broker: settings, else a live local broker's state file."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
import stamina

from services.platform.kafka.broker_address import (
    BrokerNotFoundError,
    BrokerSilentError,
    await_broker,
    backoff_delays,
    bootstrap_or_raise,
    known_bootstrap,
)
from services.platform.settings import LocalKafkaSettings, Settings


def with_state(tmp_path: Path, pid: int) -> Settings:
    state = tmp_path / "kafka"
    state.mkdir(parents=True)
    record = {"pid": pid, "bootstrap": "127.0.0.1:1234", "log_file": "x"}
    (state / "broker.json").write_text(json.dumps(record))
    return Settings(local_kafka=LocalKafkaSettings(state_dir=state))


def test_settings_win(tmp_path: Path) -> None:
    settings = with_state(tmp_path, os.getpid()).model_copy(
        update={"kafka_bootstrap_servers": "10.0.0.1:9092"}
    )
    assert known_bootstrap(settings) == "10.0.0.1:9092"


def test_a_live_local_broker_is_found_a_dead_one_is_not(tmp_path: Path) -> None:
    assert known_bootstrap(with_state(tmp_path / "a", os.getpid())) == "127.0.0.1:1234"
    dead = 2**22 + 12345  # above the usual pid_max: no such process
    settings = with_state(tmp_path / "b", dead)
    assert known_bootstrap(settings) is None
    with pytest.raises(BrokerNotFoundError, match="KAFKA_BOOTSTRAP_SERVERS"):
        bootstrap_or_raise(settings)


def test_backoff_doubles_up_to_its_cap() -> None:
    delay = backoff_delays(5.0)
    assert [delay() for _ in range(5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_the_wait_tries_until_the_broker_answers(caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(kafka_bootstrap_servers="10.0.0.1:9092")
    asked: list[str] = []

    async def answers_third_time(address: str, _: float) -> bool:
        asked.append(address)
        return len(asked) == 3

    with stamina.set_testing(True, attempts=5):  # no pauses; a bound on the tries
        assert asyncio.run(await_broker(settings, answers_third_time)) == "10.0.0.1:9092"
    assert len(asked) == 3
    assert caplog.text.count("no broker answers at 10.0.0.1:9092") == 2


def test_a_broker_that_never_answers_is_waited_for_not_given_up_on() -> None:
    async def silent(_: str, __: float) -> bool:
        return False

    settings = Settings(kafka_bootstrap_servers="10.0.0.1:9092")
    # The real wait never gives up; testing mode bounds it, so the last refusal shows.
    with stamina.set_testing(True, attempts=4), pytest.raises(BrokerSilentError):
        asyncio.run(await_broker(settings, silent))
