"""Small helpers the Kafka tests share: reading records back with a deadline."""

from __future__ import annotations

import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import ConsumerRecord


async def consume(
    bootstrap: str, topic: str, count: int, deadline_s: float = 30.0
) -> list[ConsumerRecord[bytes, bytes]]:
    """The first `count` records of `topic`, or fail once the deadline passes."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    records: list[ConsumerRecord[bytes, bytes]] = []
    deadline = time.monotonic() + deadline_s
    try:
        while len(records) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                msg = f"only {len(records)} of {count} records arrived on {topic}"
                raise TimeoutError(msg)
            batch = await consumer.getmany(timeout_ms=int(min(remaining, 1.0) * 1000))
            for partition_records in batch.values():
                records.extend(partition_records)
    finally:
        await consumer.stop()
    return records[:count]


async def consume_one(bootstrap: str, topic: str) -> ConsumerRecord[bytes, bytes]:
    return (await consume(bootstrap, topic, 1))[0]


async def topic_size(bootstrap: str, topic: str) -> int:
    """How many records the topic holds now (end minus beginning, over its partitions)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics([topic])
    finally:
        await admin.close()
    ids = [p["partition"] for p in described[0]["partitions"]]
    assert ids, f"no topic {topic}"
    partitions = [TopicPartition(topic, p) for p in ids]
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(partitions)
        starts = await consumer.beginning_offsets(partitions)
        return sum(ends[tp] - starts[tp] for tp in partitions)
    finally:
        await consumer.stop()


async def produce(bootstrap: str, topic: str, key: bytes, value: bytes | None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def new_topics(bootstrap: str, *specs: tuple[str, int]) -> None:
    """Create topics (name, partitions) with one replica each."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, partitions, 1) for name, partitions in specs])
    finally:
        await admin.close()
