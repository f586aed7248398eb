"""The services one pipeline-benchmark configuration runs: N normalizer workers, the query
service (its projector fills the read model) and the ingest API, on fresh topics.

Every configuration gets topics, consumer groups and a read model of its own, named after
the run, so nothing left by an earlier one is counted; its topics are deleted at the end.
The services start through the product's one launcher (services.platform.ops.processes).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from services.platform.kafka.groups import describe_group
from services.platform.kafka.local_storage import free_port
from services.platform.kafka.topics import create_topics
from services.platform.ops import processes
from services.platform.ops.processes import isolated_env, service_env, settings_from
from services.platform.settings import Settings

JOIN_DEADLINE_S = 120.0


@dataclass(frozen=True)
class RunNames:
    """Topic, group, file and port settings of one configuration."""

    run: str
    workdir: Path
    env: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        env = isolated_env("bench", self.run, self.workdir, NEWSTIMELINE_LOG_LEVEL="WARNING")
        object.__setattr__(self, "env", env)

    @property
    def worker_group(self) -> str:
        return self.env["NEWSTIMELINE_WORKER_GROUP"]

    @property
    def database(self) -> Path:
        return Path(self.env["NEWSTIMELINE_DATABASE_PATH"])

    @property
    def logs(self) -> Path:
        return Path(self.env["NEWSTIMELINE_LOGS_DIR"])

    def settings(self, bootstrap: str) -> Settings:
        return settings_from(service_env(bootstrap, **self.env))


@dataclass
class Stack:
    """The running services of one configuration."""

    names: RunNames
    services: processes.Stack

    @property
    def bootstrap(self) -> str:
        return self.services.bootstrap

    @property
    def query_url(self) -> str:
        return self.services.query_url

    @property
    def ingest_url(self) -> str:
        return self.services.ingest_url

    def pids(self) -> dict[str, int]:
        running = self.services.services.values()
        return {s.name: s.process.pid for s in running if s.process is not None}


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
        dead = [s for s in stack.services.services.values() if not s.alive()]
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
    services = processes.Stack.create(bootstrap, names.logs, **names.env)
    try:
        for n in range(workers):
            services.launch(f"worker-{n + 1}", "worker", "--port", str(free_port()))
        services.start("query", "ingest", deadline_s=60.0)
        stack = Stack(names, services)
        wait_for_workers(stack, workers)
        yield stack
    finally:
        services.stop_all()
        asyncio.run(delete_run_topics(bootstrap, names))
