"""What the topics themselves say, read back whole: the latest revision of every article
and the latest timeline of every key.

The storm test checks the pipeline against these, not against the read model: a record the
worker skipped leaves no trace anywhere else."""

from __future__ import annotations

import json
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

Record = ConsumerRecord[bytes, bytes]


async def read_all(bootstrap: str, topic: str) -> list[Record]:
    """Every record of `topic` up to the end offsets seen when the read begins."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        records: list[Record] = []
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=1000)
            for tp, part in batch.items():
                records.extend(r for r in part if r.offset < ends[tp])
        return records
    finally:
        await consumer.stop()


@dataclass(frozen=True)
class Article:
    key: bytes
    revision: str
    partition: int
    offset: int


def latest_revisions(records: list[Record]) -> dict[bytes, Article]:
    """The last revision on the log of every article key (log order within a partition)."""
    latest: dict[bytes, Article] = {}
    for r in sorted(records, key=lambda r: (r.partition, r.offset)):
        assert r.key is not None
        latest[r.key] = Article(
            r.key, json.loads(r.value or b"{}")["revision"], r.partition, r.offset
        )
    return latest


def latest_timelines(records: list[Record]) -> dict[bytes, str | None]:
    """The revision of the last timeline of every key (None for a tombstone)."""
    latest: dict[bytes, str | None] = {}
    for r in sorted(records, key=lambda r: (r.partition, r.offset)):
        assert r.key is not None
        latest[r.key] = json.loads(r.value)["revision"] if r.value is not None else None
    return latest
