"""Re-driving dead letters on the real broker: back to their topic, once."""

from __future__ import annotations

import uuid

from aiokafka import AIOKafkaProducer

from services.normalizer.redrive import list_dead_letters, redrive
from services.platform.settings import Settings, TopicSettings
from tests.kafka_helpers import consume, new_topics


async def test_redrive_restores_original_record_once(bootstrap: str) -> None:
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        topics=TopicSettings(articles=f"rd.{run}.articles", dead_letters=f"rd.{run}.dlq"),
        worker_group=f"rd-{run}",
    )
    await new_topics(bootstrap, (settings.topics.articles, 1), (settings.topics.dead_letters, 2))
    headers = [
        ("ce_id", b"abc"),
        ("dlq_original_topic", settings.topics.articles.encode()),
        ("dlq_original_partition", b"0"),
        ("dlq_original_offset", b"7"),
        ("dlq_error_class", b"ValidationError"),
        ("dlq_error_message", b"bad"),
    ]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(
            settings.topics.dead_letters, b"{bytes", key=b"k1", headers=headers
        )
        listed = await list_dead_letters(settings, bootstrap)
        assert [(v.key, v.error) for v in listed] == [(b"k1", "ValidationError: bad")]
        assert listed[0].original == f"{settings.topics.articles}[0]@7"
        assert await redrive(settings, bootstrap, producer) == 1
        assert await redrive(settings, bootstrap, producer) == 0
    finally:
        await producer.stop()
    [record] = await consume(bootstrap, settings.topics.articles, 1)
    assert (record.key, record.value) == (b"k1", b"{bytes")
    assert record.headers == (("ce_id", b"abc"),)
