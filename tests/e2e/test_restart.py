"""`make run`, stop, `make run`: articles posted before the stop are served after it.

`newstimeline run` itself, twice, stopped by SIGTERM as by Ctrl-C, on the session's broker
with this test's own topics, read model and worker state. (That the local broker keeps its
log across its own restart is test_broker_restart's part; starting two more brokers here
would double this test's time.)
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx

from services.platform.ops.processes import ServiceProcess, isolated_env, service_env
from tests.e2e.polling import published_timeline
from tests.polling import poll

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


def test_articles_posted_before_a_full_stop_are_served_after_the_restart(
    bootstrap: str, tmp_path: Path
) -> None:
    extra = isolated_env("e2e", uuid.uuid4().hex[:8], tmp_path)
    env = service_env(bootstrap, **extra)
    query_url = f"http://127.0.0.1:{env['NEWSTIMELINE_QUERY_PORT']}"
    ingest_url = f"http://127.0.0.1:{env['NEWSTIMELINE_INGEST_PORT']}"
    pid_file = Path(env["NEWSTIMELINE_RUN_PID_FILE"])
    article_id = f"restart-{uuid.uuid4().hex[:8]}"

    run = start_run(env, tmp_path / "run-1.log")
    try:
        reply = httpx.post(f"{ingest_url}/v1/articles", json={**ARTICLE, "article_id": article_id})
        assert reply.status_code == 202, reply.text
        before = published_timeline(query_url, article_id)
    finally:
        run.stop()
    assert not pid_file.exists()

    run = start_run(env, tmp_path / "run-2.log")
    try:
        ready = lambda: httpx.get(f"{query_url}/readyz", timeout=10).status_code == 200  # noqa: E731
        poll(ready, 60, "readiness after the restart")
        assert incidents(query_url, article_id) == before
        assert broker_line(tmp_path / "run-2.log") == broker_line(tmp_path / "run-1.log")
    finally:
        run.stop()
