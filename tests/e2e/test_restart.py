"""`make run`, stop, `make run`: articles posted before the stop are served after it.

`newstimeline run` itself, twice, as a user runs it: it starts the local broker (here with
its storage in tmp_path, so the session's broker is untouched), the services and the
seeds, and stops them all at SIGTERM as at Ctrl-C.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.platform import local_kafka
from services.platform.broker import docker_answers
from services.platform.processes import ServiceProcess
from services.platform.settings import LocalKafkaSettings
from tests.e2e.conftest import session_settings
from tests.e2e.polling import poll, published_timeline

ARTICLE = {
    "source": "Restart Wire",
    "title": "Kept across restarts",
    "body": "The bridge reopened on December 13. It had closed in 2019.",
    "published_at": "2025-12-15T08:00:00Z",
}


def start_run(env: dict[str, str], log: Path) -> ServiceProcess:
    run = ServiceProcess("run", ["run"], env, log).start()
    poll(lambda: "serving; press Ctrl-C" in run.log_tail(200) or not run.alive(), 120, "run")
    assert run.alive(), run.log_tail()
    return run


def broker_line(log: Path) -> str:
    """`run` prints the broker it uses: the same address after a restart."""
    return next(line for line in log.read_text().splitlines() if line.startswith("Kafka: "))


def incidents(query_url: str, article_id: str) -> list[dict[str, Any]]:
    reply = httpx.get(f"{query_url}/v1/timeline", params={"article_id": article_id}, timeout=10)
    reply.raise_for_status()
    items: list[dict[str, Any]] = reply.json()["items"]
    return items


def run_env(tmp_path: Path) -> dict[str, str]:
    """No KAFKA_BOOTSTRAP_SERVERS: `run` starts (and stops) the local broker itself."""
    extra = session_settings(uuid.uuid4().hex[:8], tmp_path)
    extra["NEWSTIMELINE_RUN_PID_FILE"] = str(tmp_path / "run.pid")
    extra["NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR"] = str(tmp_path / "kafka")
    extra["NEWSTIMELINE_LOCAL_KAFKA__HEAP"] = "256m"
    env = {**os.environ, **extra}
    env.pop("KAFKA_BOOTSTRAP_SERVERS", None)
    return env


@pytest.mark.skipif(bool(local_kafka.missing_tools()), reason="needs Java and Maven")
def test_articles_posted_before_a_full_stop_are_served_after_the_restart(
    tmp_path: Path,
) -> None:
    if docker_answers():
        pytest.skip("`run` would choose a throwaway container, not the local broker")
    env = run_env(tmp_path)
    query_url = f"http://127.0.0.1:{env['NEWSTIMELINE_QUERY_PORT']}"
    ingest_url = f"http://127.0.0.1:{env['NEWSTIMELINE_INGEST_PORT']}"
    article_id = f"restart-{uuid.uuid4().hex[:8]}"

    run = start_run(env, tmp_path / "run-1.log")
    try:
        reply = httpx.post(f"{ingest_url}/v1/articles", json={**ARTICLE, "article_id": article_id})
        assert reply.status_code == 202, reply.text
        before = published_timeline(query_url, article_id)
    finally:
        run.stop()
    assert not (tmp_path / "run.pid").exists()

    run = start_run(env, tmp_path / "run-2.log")
    try:
        ready = lambda: httpx.get(f"{query_url}/readyz", timeout=10).status_code == 200  # noqa: E731
        poll(ready, 60, "readiness after the restart")
        assert incidents(query_url, article_id) == before
        assert broker_line(tmp_path / "run-2.log") == broker_line(tmp_path / "run-1.log")
    finally:
        run.stop()
        local_kafka.stop(LocalKafkaSettings(state_dir=tmp_path / "kafka"))
