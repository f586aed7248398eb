"""Creating the public topics, idempotently."""

from __future__ import annotations

import asyncio
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka.clients import topic_max_message_bytes
from services.platform.settings import Settings


def topic_specs(settings: Settings) -> list[NewTopic]:
    """The three topics of the contract with their cleanup policies."""
    t = settings.topics
    size = {"max.message.bytes": str(topic_max_message_bytes(settings))}
    dlq_size = {"max.message.bytes": str(topic_max_message_bytes(settings, dead_letters=True))}
    # The articles topic is the source of truth that replays read: keep it forever.
    forever = {"cleanup.policy": "delete", "retention.ms": "-1"}
    return [
        NewTopic(t.articles, t.partitions, t.replication_factor, topic_configs=forever | size),
        NewTopic(
            t.timelines,
            t.partitions,
            t.replication_factor,
            topic_configs={"cleanup.policy": "compact"} | size,
        ),
        NewTopic(
            t.dead_letters,
            t.partitions,
            t.replication_factor,
            topic_configs=forever | dlq_size,
        ),
    ]


# How long `create_topics` waits for the broker to show what the controller accepted.
SETTLE_DEADLINE_S = 15.0
SETTLE_POLL_S = 0.1


async def create_topics(
    settings: Settings, bootstrap: str, settle_deadline_s: float = SETTLE_DEADLINE_S
) -> list[str]:
    """Create the missing topics and give the existing ones the configs of their spec;
    returns the names that were newly created, once the broker shows every topic with its
    spec's configs."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id=settings.client_id)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        specs = topic_specs(settings)
        missing = [spec for spec in specs if spec.name not in existing]
        if missing:
            await admin.create_topics(missing)
        # A kept log may hold topics made before a config changed (a larger record limit):
        # they get the spec's configs, the whole set (AlterConfigs replaces, not merges).
        kept = [spec for spec in specs if spec.name in existing]
        if kept:
            await admin.alter_configs(
                [ConfigResource(ConfigResourceType.TOPIC, s.name, s.topic_configs) for s in kept]
            )
        await settled(admin, specs, settle_deadline_s)
        return [spec.name for spec in missing]
    finally:
        await admin.close()


async def settled(admin: AIOKafkaAdminClient, specs: list[NewTopic], deadline_s: float) -> None:
    """Wait until the broker lists every topic with its spec's configs.

    In KRaft the controller answers a create or an alter once the change is in its metadata
    log; the broker that serves reads applies that log a moment later. A caller that goes
    on at once (a producer sizing records by the new limit, a test describing the topic)
    could still see the old state, so the command returns only once the broker shows it.
    """
    deadline = time.monotonic() + deadline_s
    while True:
        pending = await unsettled(admin, specs)
        if not pending:
            return
        if time.monotonic() >= deadline:
            names = ", ".join(pending)
            msg = f"the broker did not show the configs of {names} within {deadline_s:g}s"
            raise EnvironmentProblemError(msg)
        await asyncio.sleep(SETTLE_POLL_S)


async def unsettled(admin: AIOKafkaAdminClient, specs: list[NewTopic]) -> list[str]:
    """The names of the topics the broker does not yet show as their spec says, in spec
    order."""
    listed = set(await admin.list_topics())
    shown = await topic_configs(admin, [spec.name for spec in specs if spec.name in listed])
    return [
        spec.name
        for spec in specs
        if spec.name not in listed
        or any(shown.get(spec.name, {}).get(k) != v for k, v in spec.topic_configs.items())
    ]


async def topic_configs(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, dict[str, str]]:
    """Each named topic's configs (name -> value) as the broker shows them now."""
    if not names:
        return {}
    responses = await admin.describe_configs(
        [ConfigResource(ConfigResourceType.TOPIC, name) for name in names]
    )
    # Each resource: (error_code, error_message, resource_type, resource_name, entries).
    return {
        resource[3]: {entry[0]: entry[1] for entry in resource[4]}
        for response in responses
        for resource in response.resources
    }
