"""Which Kafka to use: the same choice for `make run` and for the tests.

Order: KAFKA_BOOTSTRAP_SERVERS when set; testcontainers' KafkaContainer (KRaft) when a
Docker engine answers a ping; otherwise the local broker run from Maven Central's jars.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka import local_broker
from services.platform.settings import Settings

log = logging.getLogger(__name__)

NO_BROKER = (
    "no Kafka broker available: set KAFKA_BOOTSTRAP_SERVERS to a reachable broker "
    "(`docker compose up -d kafka` serves one at 127.0.0.1:9092), or install Java 17 and "
    "Maven for the local broker, or start a Docker engine and `make setup-dev` (testcontainers "
    "comes with the dev set)"
)


class NoBrokerError(EnvironmentProblemError):
    """None of the ways to reach a broker is possible on this machine."""


@dataclass
class BrokerChoice:
    """A chosen broker; `release` stops it only when this choice started it."""

    kind: str
    bootstrap: str
    started_here: bool
    release: Callable[[], None] = field(default=lambda: None)


def docker_answers() -> bool:
    # The docker client comes with testcontainers in the dev set; a runtime-only install
    # goes on to the local broker.
    try:
        import docker  # noqa: PLC0415 - optional; imported only when choosing

        client: Any = docker.from_env(timeout=3)
        return bool(client.ping())
    except Exception:
        return False


def _from_container() -> BrokerChoice:
    from testcontainers.kafka import KafkaContainer  # noqa: PLC0415

    container: Any = KafkaContainer().with_kraft()
    container.start()
    return BrokerChoice("testcontainers", container.get_bootstrap_server(), True, container.stop)


def _from_local(settings: Settings) -> BrokerChoice:
    cfg = settings.local_kafka
    if existing := local_broker.running(cfg):
        return BrokerChoice("local", existing.bootstrap, started_here=False)
    if local_broker.missing_tools():
        raise NoBrokerError(NO_BROKER)
    state = local_broker.start(cfg)

    def release() -> None:
        local_broker.stop(cfg)

    return BrokerChoice("local", state.bootstrap, True, release)


def choose_broker(settings: Settings) -> BrokerChoice:
    """Pick a broker, starting one when needed, and say which in a log line."""
    if settings.kafka_bootstrap_servers:
        choice = BrokerChoice("KAFKA_BOOTSTRAP_SERVERS", settings.kafka_bootstrap_servers, False)
    elif docker_answers():
        choice = _from_container()
    else:
        choice = _from_local(settings)
    log.info("kafka broker: %s at %s", choice.kind, choice.bootstrap)
    return choice
