"""What `newstimeline status` reports: the broker, the topics, the normalizer's lag, each
query replica's projection and the dead letters, gathered with a deadline on every call.

It never starts anything: the broker is the configured one, else the local broker's
recorded (or kept) address, and a part that does not answer is reported as such.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from services.platform.kafka import local_broker, local_storage
from services.platform.kafka.log_identity import fetch_identities
from services.platform.ops.worker_status import WorkerStatus, ask_worker
from services.platform.settings import Settings

PROJECTOR_PATH = "/v1/admin/projector"


@dataclass
class BrokerStatus:
    address: str | None
    kind: str
    reachable: bool = False
    cluster_id: str | None = None
    error: str | None = None


@dataclass
class TopicStatus:
    name: str
    topic_id: str | None
    start_offsets: dict[int, int]
    end_offsets: dict[int, int]

    @property
    def records(self) -> int:
        return sum(end - self.start_offsets.get(p, 0) for p, end in self.end_offsets.items())


@dataclass
class GroupLag:
    partition: int
    committed: int | None  # None: the group never committed on this partition
    end: int
    lag: int


@dataclass
class ReplicaStatus:
    url: str
    answered: bool
    projector: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class Status:
    broker: BrokerStatus
    topics: list[TopicStatus] = field(default_factory=list)
    group: str = ""
    group_lag: list[GroupLag] = field(default_factory=list)
    replicas: list[ReplicaStatus] = field(default_factory=list)
    workers: list[WorkerStatus] = field(default_factory=list)
    dead_letters: int | None = None

    @property
    def ok(self) -> bool:
        """Everything answered: the broker, every query replica and every worker named."""
        answered = all(r.answered for r in self.replicas)
        answered &= all(w.answered for w in self.workers if w.required)
        return self.broker.reachable and self.broker.error is None and answered


def broker_of(settings: Settings) -> BrokerStatus:
    """The broker to ask, without starting one."""
    if settings.kafka_bootstrap_servers:
        return BrokerStatus(settings.kafka_bootstrap_servers, "KAFKA_BOOTSTRAP_SERVERS")
    cfg = settings.local_kafka
    if state := local_broker.read_state(cfg):
        return BrokerStatus(state.bootstrap, "local")
    if ports := local_storage.read_ports(cfg.state_dir):
        return BrokerStatus(ports.bootstrap, "local, not running")
    return BrokerStatus(None, "none", error="no broker configured and no local broker kept")


def replica_urls(settings: Settings, given: list[str]) -> list[str]:
    urls = given or settings.status_query_urls
    return urls or [settings.service_url("query")]


async def topic_status(consumer: AIOKafkaConsumer, name: str, topic_id: str | None) -> TopicStatus:
    partitions = consumer.partitions_for_topic(name) or set()
    tps = [TopicPartition(name, p) for p in sorted(partitions)]
    starts = await consumer.beginning_offsets(tps) if tps else {}
    ends = await consumer.end_offsets(tps) if tps else {}
    return TopicStatus(
        name,
        topic_id,
        {tp.partition: offset for tp, offset in starts.items()},
        {tp.partition: offset for tp, offset in ends.items()},
    )


async def group_lag(admin: AIOKafkaAdminClient, group: str, topic: TopicStatus) -> list[GroupLag]:
    committed = await admin.list_consumer_group_offsets(group)
    by_partition = {tp.partition: meta.offset for tp, meta in committed.items()
                    if tp.topic == topic.name and meta.offset >= 0}  # fmt: skip
    rows = []
    for partition, end in sorted(topic.end_offsets.items()):
        done = by_partition.get(partition)
        start = done if done is not None else topic.start_offsets.get(partition, 0)
        rows.append(GroupLag(partition, done, end, max(0, end - start)))
    return rows


PendingCount = Callable[[str], Awaitable[int]]  # broker address -> dead letters still pending


async def ask_broker(
    settings: Settings,
    address: str,
    status: Status,
    timeout_s: float,
    pending: PendingCount | None = None,
) -> None:
    """Fill in everything the broker knows; raises when it does not answer. Dead letters
    are the records of their topic, or with `pending` (the normalizer's ledger of what was
    re-driven or discarded) only those still to handle."""
    t = settings.topics
    consumer = AIOKafkaConsumer(bootstrap_servers=address, request_timeout_ms=int(timeout_s * 1000))
    admin = AIOKafkaAdminClient(bootstrap_servers=address, request_timeout_ms=int(timeout_s * 1000))
    try:
        await consumer.start()
        await admin.start()
        status.broker.reachable = True
        names = [t.articles, t.timelines, t.dead_letters]
        identities = await fetch_identities(consumer._client, names)
        status.broker.cluster_id = (
            next(iter(identities.values())).cluster_id if identities else None
        )
        await consumer._client.force_metadata_update()
        for name in names:
            found = identities.get(name)
            status.topics.append(
                await topic_status(consumer, name, found.topic_id if found else None)
            )
        status.group_lag = await group_lag(admin, status.group, status.topics[0])
        status.dead_letters = status.topics[2].records
        if pending is not None and status.dead_letters:
            status.dead_letters = await pending(address)
    finally:
        await admin.close()
        await consumer.stop()


async def ask_replica(url: str, timeout_s: float) -> ReplicaStatus:
    try:
        async with httpx.AsyncClient(timeout=timeout_s) as http:
            reply = await http.get(f"{url.rstrip('/')}{PROJECTOR_PATH}")
        reply.raise_for_status()
    except httpx.HTTPError as exc:
        return ReplicaStatus(url, answered=False, error=str(exc) or type(exc).__name__)
    return ReplicaStatus(url, answered=True, projector=reply.json())


async def gather_status(
    settings: Settings,
    urls: list[str],
    timeout_s: float = 5.0,
    workers: list[tuple[str, bool]] | None = None,
    pending: PendingCount | None = None,
) -> Status:
    status = Status(broker_of(settings), group=settings.worker_group)
    replicas = asyncio.gather(*(ask_replica(url, timeout_s) for url in urls))
    asked = asyncio.gather(*(ask_worker(url, need, timeout_s) for url, need in workers or []))
    if address := status.broker.address:
        try:
            await asyncio.wait_for(
                ask_broker(settings, address, status, timeout_s, pending), timeout_s * 3
            )
        except TimeoutError:
            status.broker.error = f"no complete answer within {timeout_s * 3:.0f} s"
        except (KafkaError, OSError) as exc:
            status.broker.error = str(exc) or type(exc).__name__
    status.replicas = list(await replicas)
    status.workers = list(await asked)
    return status


def quiet_kafka_logs() -> None:
    """aiokafka logs every refused connection at ERROR; status reports them itself."""
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
