"""Every service as its own process on the real broker, with topics of this session only."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.platform.kafka.local_broker import free_port
from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import ServiceProcess, service_env, wait_http_ok
from services.platform.settings import Settings, TopicSettings


@dataclass
class Pipeline:
    settings: Settings
    bootstrap: str
    ingest_url: str
    query_url: str
    worker_url: str
    services: dict[str, ServiceProcess]

    def restart(self, name: str) -> None:
        service = self.services[name]
        service.stop()
        self.services[name] = ServiceProcess(
            name, service.args, service.env, service.log_path
        ).start()
        url = {"query": self.query_url, "ingest": self.ingest_url, "worker": self.worker_url}
        wait_http_ok(self.services[name], f"{url[name]}/healthz")


def session_settings(run: str, tmp: Path) -> dict[str, str]:
    """Env for the children: unique topics and groups, so reruns on a kept broker are clean."""
    return {
        "NEWSTIMELINE_TOPICS__ARTICLES": f"e2e.{run}.articles.v1",
        "NEWSTIMELINE_TOPICS__TIMELINES": f"e2e.{run}.timelines.v1",
        "NEWSTIMELINE_TOPICS__DEAD_LETTERS": f"e2e.{run}.articles.v1.dlq",
        "NEWSTIMELINE_TOPICS__PARTITIONS": "3",
        "NEWSTIMELINE_WORKER_GROUP": f"e2e-{run}-normalizer",
        "NEWSTIMELINE_PROJECTOR_GROUP": f"e2e-{run}-projector",
        "NEWSTIMELINE_DATABASE_PATH": str(tmp / "timeline.sqlite3"),
        "NEWSTIMELINE_WORKER_DATA_DIR": str(tmp / "faust"),
        "NEWSTIMELINE_INGEST_PORT": str(free_port()),
        "NEWSTIMELINE_QUERY_PORT": str(free_port()),
        "NEWSTIMELINE_WORKER_PORT": str(free_port()),
    }


@pytest.fixture(scope="session")
def pipeline(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    tmp = tmp_path_factory.mktemp("pipeline")
    extra = session_settings(uuid.uuid4().hex[:8], tmp)
    env = service_env(bootstrap, **extra)
    settings = Settings(
        topics=TopicSettings(
            articles=extra["NEWSTIMELINE_TOPICS__ARTICLES"],
            timelines=extra["NEWSTIMELINE_TOPICS__TIMELINES"],
            dead_letters=extra["NEWSTIMELINE_TOPICS__DEAD_LETTERS"],
            partitions=3,
        )
    )
    asyncio.run(create_topics(settings, bootstrap))
    commands = {"worker": ["worker"], "query": ["query"], "ingest": ["ingest-api"]}
    services = {
        name: ServiceProcess(name, args, env, tmp / f"{name}.log").start()
        for name, args in commands.items()
    }
    ingest_url = f"http://127.0.0.1:{extra['NEWSTIMELINE_INGEST_PORT']}"
    query_url = f"http://127.0.0.1:{extra['NEWSTIMELINE_QUERY_PORT']}"
    worker_url = f"http://127.0.0.1:{extra['NEWSTIMELINE_WORKER_PORT']}"
    running = Pipeline(settings, bootstrap, ingest_url, query_url, worker_url, services)
    try:
        wait_http_ok(services["query"], f"{query_url}/healthz")
        wait_http_ok(services["ingest"], f"{ingest_url}/healthz")
        wait_http_ok(services["worker"], f"{worker_url}/healthz")
        yield running
    finally:
        for service in running.services.values():
            service.stop()
