"""A record produced to the real broker comes back from it, byte for byte."""

from __future__ import annotations

import uuid

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.platform.kafka.topics import create_topics, topic_configs
from services.platform.settings import Settings
from tests.kafka_helpers import consume_one, new_topics


async def test_produce_then_consume_roundtrip(bootstrap: str) -> None:
    topic = f"roundtrip-{uuid.uuid4().hex[:8]}"
    await new_topics(bootstrap, (topic, 1))
    key, value = b"article-1", uuid.uuid4().bytes
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        meta = await producer.send_and_wait(topic, value, key=key, headers=[("h", b"1")])
    finally:
        await producer.stop()
    record = await consume_one(bootstrap, topic)
    assert (record.key, record.value, record.offset) == (key, value, meta.offset)
    assert record.headers == (("h", b"1"),)


async def test_topics_are_created_idempotently(bootstrap: str) -> None:
    settings = Settings()
    await create_topics(settings, bootstrap)
    assert await create_topics(settings, bootstrap) == []
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics([settings.topics.timelines])
        configs = await topic_configs(admin, [settings.topics.timelines])
    finally:
        await admin.close()
    assert len(described[0]["partitions"]) == settings.topics.partitions
    assert configs[settings.topics.timelines]["cleanup.policy"] == "compact"
