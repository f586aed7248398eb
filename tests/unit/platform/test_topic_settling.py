"""`create_topics` returns only once the broker shows what the controller accepted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka.topics import settled, unsettled

SPECS = [
    NewTopic("a", 1, 1, topic_configs={"max.message.bytes": "2000000"}),
    NewTopic("b", 1, 1, topic_configs={"cleanup.policy": "compact"}),
]


@dataclass
class Response:
    resources: list[tuple[int, str, int, str, list[tuple[str, str]]]]


@dataclass
class LaggingAdmin:
    """A broker whose metadata catches up with the controller after `lag` reads."""

    lag: int
    reads: int = 0
    stale: dict[str, dict[str, str]] = field(
        default_factory=lambda: {"a": {"max.message.bytes": "1048588"}}
    )

    def current(self) -> dict[str, dict[str, str]]:
        if self.reads > self.lag:
            return {spec.name: dict(spec.topic_configs) for spec in SPECS}
        return self.stale

    async def list_topics(self) -> list[str]:
        self.reads += 1
        return list(self.current())

    async def describe_configs(self, resources: list[Any]) -> list[Response]:
        shown = self.current()
        rows = [(0, "", 2, r.name, list(shown[r.name].items())) for r in resources]
        return [Response(rows)]


def admin(lag: int) -> tuple[LaggingAdmin, AIOKafkaAdminClient]:
    fake = LaggingAdmin(lag)
    return fake, cast(AIOKafkaAdminClient, fake)


async def test_a_stale_config_and_a_missing_topic_are_both_pending() -> None:
    _, client = admin(lag=10)
    assert sorted(await unsettled(client, SPECS)) == ["a", "b"]


async def test_waits_until_the_broker_shows_the_spec() -> None:
    fake, client = admin(lag=3)
    await settled(client, SPECS, deadline_s=5.0)
    assert fake.reads == 4
    assert await unsettled(client, SPECS) == []


async def test_a_broker_that_never_shows_it_is_a_bounded_error() -> None:
    _, client = admin(lag=10**9)
    with pytest.raises(EnvironmentProblemError, match="a, b"):
        await settled(client, SPECS, deadline_s=0.3)
