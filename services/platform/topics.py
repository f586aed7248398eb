"""Creating the public topics, idempotently."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.platform.kafka_clients import topic_max_message_bytes
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
    """Create the missing topics; returns the names that were newly created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id=settings.client_id)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in topic_specs(settings) if spec.name not in existing]
        if missing:
            await admin.create_topics(missing)
        return [spec.name for spec in missing]
    finally:
        await admin.close()
