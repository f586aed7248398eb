"""Creating the public topics, idempotently."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

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


async def create_topics(settings: Settings, bootstrap: str) -> list[str]:
    """Create the missing topics and give the existing ones the configs of their spec;
    returns the names that were newly created."""
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
        return [spec.name for spec in missing]
    finally:
        await admin.close()
