"""Reading a topic once, from chosen offsets up to the end offsets it had when reading
began, so an operator's command never chases records written while it runs (its own
output included)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from typing import TypeAlias

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from services.platform.settings import Settings

Record: TypeAlias = ConsumerRecord  # [bytes, bytes]; aiokafka ships no types
FETCH_TIMEOUT_MS = 1000


async def started_consumer(
    settings: Settings, bootstrap: str, role: str, group: str | None = None
) -> AIOKafkaConsumer:
    """A consumer that commits nothing by itself; partitions are assigned by the caller."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        client_id=f"{settings.client_id}-{role}",
        max_partition_fetch_bytes=4 * 1024 * 1024,
    )
    await consumer.start()
    return consumer


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The topic's partitions, from fresh metadata (empty when the topic does not exist)."""
    # aiokafka has no public call for one topic's metadata without subscribing to it.
    cluster = await consumer._client.fetch_all_metadata()
    return [TopicPartition(topic, p) for p in sorted(cluster.partitions_for_topic(topic) or [])]


async def offsets_since(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], moment: datetime
) -> dict[TopicPartition, int]:
    """Per partition, the first offset whose record timestamp is at or after `moment`
    (the end offset when there is none)."""
    wanted = {tp: int(moment.timestamp() * 1000) for tp in partitions}
    found = await consumer.offsets_for_times(wanted)
    ends = await consumer.end_offsets(partitions)
    return {tp: found[tp].offset if found.get(tp) else ends[tp] for tp in partitions}


async def read_range(
    consumer: AIOKafkaConsumer, starts: Mapping[TopicPartition, int | None]
) -> AsyncIterator[Record]:
    """Every record from `starts` (None: the beginning) up to the end offsets of now."""
    partitions = list(starts)
    consumer.assign(partitions)
    ends = await consumer.end_offsets(partitions)
    firsts = await consumer.beginning_offsets(partitions)
    for tp, start in starts.items():
        consumer.seek(tp, max(firsts[tp], start or 0))
    pending = {tp for tp in partitions if await consumer.position(tp) < ends[tp]}
    while pending:
        batch = await consumer.getmany(*pending, timeout_ms=FETCH_TIMEOUT_MS)
        for tp, records in batch.items():
            for record in records:
                if record.offset < ends[tp]:
                    yield record
        for tp in list(pending):
            if await consumer.position(tp) >= ends[tp]:
                pending.discard(tp)


async def end_offsets(consumer: AIOKafkaConsumer, topic: str) -> dict[TopicPartition, int]:
    return dict(await consumer.end_offsets(await partitions_of(consumer, topic)))


@contextlib.asynccontextmanager
async def reading(
    settings: Settings, bootstrap: str, topic: str, role: str
) -> AsyncIterator[tuple[int, AsyncIterator[Record]]]:
    """How many records the topic holds now, and every one of them, partition after
    partition (read while the context is open)."""
    consumer = await started_consumer(settings, bootstrap, role)
    try:
        tps = await partitions_of(consumer, topic)
        ends, starts = await consumer.end_offsets(tps), await consumer.beginning_offsets(tps)
        total = sum(ends[tp] - starts[tp] for tp in tps)
        yield total, read_range(consumer, dict.fromkeys(tps))
    finally:
        await consumer.stop()


async def read_topic(settings: Settings, bootstrap: str, topic: str, role: str) -> list[Record]:
    """Every record the topic holds now, partition after partition."""
    async with reading(settings, bootstrap, topic, role) as (_, records):
        return [record async for record in records]
