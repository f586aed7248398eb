"""The services one pipeline-benchmark configuration runs: N normalizer workers, the query
service (its projector fills the read model) and the ingest API, on fresh topics.

Every configuration gets topics, consumer groups and a read model of its own, named after
the run, so nothing left by an earlier one is counted; its topics are deleted at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient

from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import ServiceProcess, service_env, wait_http_ok
from services.platform.settings import Settings, TopicSettings

JOIN_DEADLINE_S = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class RunNames:
    """Topic, group and file names of one configuration."""

    run: str
    workdir: Path

    @property
    def topics(self) -> TopicSettings:
        prefix = f"bench.{self.run}"
        return TopicSettings(
            articles=f"{prefix}.articles",
            timelines=f"{prefix}.timelines",
            dead_letters=f"{prefix}.articles.dlq",
        )

    @property
    def worker_group(self) -> str:
        return f"bench-{self.run}-normalizer"

    @property
    def database(self) -> Path:
        return self.workdir / f"{self.run}.sqlite3"

    def settings(self, bootstrap: str) -> Settings:
        return Settings(
            kafka_bootstrap_servers=bootstrap,
            topics=self.topics,
            worker_group=self.worker_group,
            projector_group=f"bench-{self.run}-projector",
            database_path=self.database,
            worker_data_dir=self.workdir / f"{self.run}-faust",
        )

    def env(self, bootstrap: str, query_port: int, ingest_port: int) -> dict[str, str]:
        s = self.settings(bootstrap)
        return service_env(
            bootstrap,
            NEWSTIMELINE_TOPICS__ARTICLES=s.topics.articles,
            NEWSTIMELINE_TOPICS__TIMELINES=s.topics.timelines,
            NEWSTIMELINE_TOPICS__DEAD_LETTERS=s.topics.dead_letters,
            NEWSTIMELINE_WORKER_GROUP=s.worker_group,
            NEWSTIMELINE_PROJECTOR_GROUP=s.projector_group,
            NEWSTIMELINE_DATABASE_PATH=str(s.database_path),
            NEWSTIMELINE_WORKER_DATA_DIR=str(s.worker_data_dir),
            NEWSTIMELINE_QUERY_PORT=str(query_port),
            NEWSTIMELINE_INGEST_PORT=str(ingest_port),
            NEWSTIMELINE_LOG_LEVEL="WARNING",
        )


@dataclass
class Stack:
    """The running services of one configuration."""

    names: RunNames
    bootstrap: str
    query_url: str
    ingest_url: str
    services: list[ServiceProcess]

    def pids(self) -> dict[str, int]:
        return {s.name: s.process.pid for s in self.services if s.process is not None}


async def describe_group(bootstrap: str, group: str) -> tuple[str | None, list[Any]]:
    """The consumer group's state and members, as the broker describes them now."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_consumer_groups([group])
    finally:
        await admin.close()
    if not described or not described[0].groups:
        return None, []
    _, _, state, _, _, present = described[0].groups[0]
    return state, list(present)


async def group_is_stable(bootstrap: str, group: str, members: int) -> bool:
    state, present = await describe_group(bootstrap, group)
    return state == "Stable" and len(present) == members


def wait_for_workers(stack: Stack, workers: int) -> None:
    """Until the normalizer group is stable with every worker in it, so no rebalance
    falls inside the measurement."""
    deadline = time.monotonic() + JOIN_DEADLINE_S
    group = stack.names.worker_group
    while time.monotonic() < deadline:
        if asyncio.run(group_is_stable(stack.bootstrap, group, workers)):
            return
        dead = [s for s in stack.services if not s.alive()]
        if dead:
            msg = f"{dead[0].name} exited:\n{dead[0].log_tail()}"
            raise RuntimeError(msg)
        time.sleep(0.5)
    msg = f"{workers} workers did not form a stable group within {JOIN_DEADLINE_S:.0f} s"
    raise TimeoutError(msg)


async def delete_run_topics(bootstrap: str, names: RunNames) -> None:
    """The run's topics and the workers' changelog topics."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        prefixes = (f"bench.{names.run}.", names.worker_group)
        ours = [t for t in await admin.list_topics() if t.startswith(prefixes)]
        if ours:
            await admin.delete_topics(ours)
    finally:
        await admin.close()


@contextlib.contextmanager
def running_stack(names: RunNames, bootstrap: str, workers: int) -> Iterator[Stack]:
    """Topics created, services started and answering, workers in their group."""
    asyncio.run(create_topics(names.settings(bootstrap), bootstrap))
    query_port, ingest_port = free_port(), free_port()
    env = names.env(bootstrap, query_port, ingest_port)
    logs = names.workdir / "logs"
    specs = {f"worker-{n + 1}": ["worker", "--port", str(free_port())] for n in range(workers)}
    specs["query"] = ["query", "--port", str(query_port)]
    specs["ingest"] = ["ingest-api", "--port", str(ingest_port)]
    services: list[ServiceProcess] = []
    try:
        for name, args in specs.items():
            log = logs / f"{names.run}-{name}.log"
            services.append(ServiceProcess(name, args, env, log).start())
        query_url, ingest_url = (f"http://127.0.0.1:{p}" for p in (query_port, ingest_port))
        stack = Stack(names, bootstrap, query_url, ingest_url, services)
        wait_http_ok(services[-2], f"{query_url}/healthz")
        wait_http_ok(services[-1], f"{ingest_url}/healthz")
        wait_for_workers(stack, workers)
        yield stack
    finally:
        for service in services:
            service.stop()
        asyncio.run(delete_run_topics(bootstrap, names))
