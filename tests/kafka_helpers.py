"""Small helpers the Kafka tests share: reading records back with a deadline."""

from __future__ import annotations

import time

from aiokafka import AIOKafkaConsumer
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
