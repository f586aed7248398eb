"""The services of one fault test as child processes, on topics and groups of its own."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import (
    COMMANDS,
    ServiceProcess,
    isolated_env,
    service_env,
    settings_from,
    wait_http_ok,
)
from services.platform.settings import Settings


def stack_env(run: str, tmp: Path, **extra: str) -> dict[str, str]:
    """Settings of the children: unique topics and groups, ports and files of their own."""
    return isolated_env("faults", run, tmp, **extra)


@dataclass
class Stack:
    """Services started on demand; `stop_all` ends whatever still runs."""

    bootstrap: str
    env: dict[str, str]
    tmp: Path
    services: dict[str, ServiceProcess] = field(default_factory=dict)

    @classmethod
    def create(cls, bootstrap: str, tmp: Path, **extra: str) -> Stack:
        env = stack_env(uuid.uuid4().hex[:8], tmp, **extra)
        stack = cls(bootstrap, service_env(bootstrap, **env), tmp)
        asyncio.run(create_topics(stack.settings(), bootstrap))
        return stack

    def settings(self) -> Settings:
        """The children's settings, read from their environment as they read them."""
        return settings_from(self.env)

    @property
    def ingest_url(self) -> str:
        return f"http://127.0.0.1:{self.env['NEWSTIMELINE_INGEST_PORT']}"

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.env['NEWSTIMELINE_QUERY_PORT']}"

    def start(self, name: str, kind: str | None = None, *args: str) -> ServiceProcess:
        """Start service `kind` (default: `name`) with extra `args` and, for HTTP ones,
        wait for /healthz."""
        kind = kind or name
        log = self.tmp / f"{name}.log"
        service = ServiceProcess(name, [*COMMANDS[kind], *args], self.env, log).start()
        self.services[name] = service
        if kind != "worker":
            wait_http_ok(service, f"{self.url(kind)}/healthz", deadline_s=90)
        return service

    def url(self, kind: str) -> str:
        return self.query_url if kind == "query" else self.ingest_url

    def stop_all(self) -> None:
        for service in self.services.values():
            service.stop(timeout_s=15)


async def group_lag(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """Records of `topic` the group has not committed yet, by partition."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in partitions]
        ends = await consumer.end_offsets(tps)
    finally:
        await consumer.stop()
    return {
        tp.partition: end - (committed[tp].offset if tp in committed else 0)
        for tp, end in ends.items()
    }
