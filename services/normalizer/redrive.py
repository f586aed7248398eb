"""Operators' tools for the dead-letter topic: list what is there, and re-drive it.

Re-driving puts each dead letter's original key, bytes and headers back on the topic it
came from (after a fix to the worker, say). It reads under its own consumer group and
commits as it goes, so running it twice does not re-drive a record twice; it stops at the
end offsets that existed when it started, so it never chases its own output.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import ConsumerRecord

from services.platform.settings import Settings

REDRIVE_GROUP_SUFFIX = "-dlq-redrive"


@dataclass(frozen=True)
class DeadLetterView:
    partition: int
    offset: int
    key: bytes | None
    original: str
    error: str


def view(record: ConsumerRecord[bytes, bytes]) -> DeadLetterView:
    headers = {k: v.decode(errors="replace") for k, v in record.headers}
    original = "{}[{}]@{}".format(
        headers.get("dlq_original_topic", "?"),
        headers.get("dlq_original_partition", "?"),
        headers.get("dlq_original_offset", "?"),
    )
    error = f"{headers.get('dlq_error_class', '?')}: {headers.get('dlq_error_message', '')}"
    return DeadLetterView(record.partition, record.offset, record.key, original, error)


async def _records(
    consumer: AIOKafkaConsumer, topic: str
) -> AsyncIterator[ConsumerRecord[bytes, bytes]]:
    """Every record up to the end offsets that existed when iteration began."""
    partitions = [
        TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])
    ]
    ends = await consumer.end_offsets(partitions)
    pending = {tp for tp in partitions if await consumer.position(tp) < ends[tp]}
    while pending:
        batch = await consumer.getmany(*pending, timeout_ms=1000)
        for tp, records in batch.items():
            for record in records:
                if record.offset < ends[tp]:
                    yield record
            if await consumer.position(tp) >= ends[tp]:
                pending.discard(tp)


def _consumer(settings: Settings, bootstrap: str, group: str | None) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        client_id=f"{settings.client_id}-dlq",
    )


async def _assigned(settings: Settings, bootstrap: str, group: str | None) -> AIOKafkaConsumer:
    consumer = _consumer(settings, bootstrap, group)
    await consumer.start()
    topic = settings.topics.dead_letters
    await consumer._client.force_metadata_update()
    ids = consumer._client.cluster.partitions_for_topic(topic) or set()
    consumer.assign([TopicPartition(topic, p) for p in sorted(ids)])
    return consumer


async def list_dead_letters(settings: Settings, bootstrap: str) -> list[DeadLetterView]:
    consumer = await _assigned(settings, bootstrap, None)
    try:
        await consumer.seek_to_beginning()
        return [view(r) async for r in _records(consumer, settings.topics.dead_letters)]
    finally:
        await consumer.stop()


async def redrive(settings: Settings, bootstrap: str, producer: AIOKafkaProducer) -> int:
    """Re-publish every not yet re-driven dead letter to its original topic."""
    group = settings.worker_group + REDRIVE_GROUP_SUFFIX
    consumer = await _assigned(settings, bootstrap, group)
    count = 0
    try:
        async for record in _records(consumer, settings.topics.dead_letters):
            headers = [(k, v) for k, v in record.headers if not k.startswith("dlq_")]
            target = dict(record.headers).get("dlq_original_topic", b"").decode()
            if target:
                await producer.send_and_wait(target, record.value, key=record.key, headers=headers)
                count += 1
            tp = TopicPartition(record.topic, record.partition)
            await consumer.commit({tp: record.offset + 1})
    finally:
        await consumer.stop()
    return count
