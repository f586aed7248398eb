"""A broker that goes away: publishes answer 503 in time, readiness says so, services wait
instead of exiting, and every service still ends within 10 s of SIGTERM. The test runs a
broker of its own (the shared one stays up for the other tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.platform.kafka import local_broker
from services.platform.kafka.local_broker import BrokerState
from services.platform.ops.processes import ServiceProcess
from services.platform.settings import LocalKafkaSettings
from tests.faults.stack import Stack
from tests.polling import poll

pytestmark = pytest.mark.integration

PRODUCE_TIMEOUT_S = 3.0
SIGTERM_DEADLINE_S = 10.0
ARTICLE = {
    "source": "Wire",
    "title": "Talks",
    "body": "Talks began on December 1.",
    "published_at": "2025-12-15T08:00:00Z",
}


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[BrokerState]:
    cfg = LocalKafkaSettings(state_dir=tmp_path / "kafka")
    state = local_broker.start(cfg)
    try:
        yield state
    finally:
        local_broker.stop_pid(state.pid, timeout_s=10)


def ready(url: str) -> int:
    return httpx.get(f"{url}/readyz", timeout=10).status_code


def ends_within(service: ServiceProcess, deadline_s: float) -> float:
    """SIGTERM the service; how long it took to exit (fails past the deadline)."""
    assert service.process is not None
    started = time.monotonic()
    os.killpg(service.process.pid, signal.SIGTERM)
    try:
        service.process.wait(deadline_s)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{service.name} still runs {deadline_s:.0f} s after SIGTERM")
    return time.monotonic() - started


def test_broker_down_is_503_in_time_and_sigterm_ends_every_service(
    own_broker: BrokerState, tmp_path: Path
) -> None:
    stack = Stack.create(
        own_broker.bootstrap, tmp_path, NEWSTIMELINE_PRODUCE_TIMEOUT_S=str(PRODUCE_TIMEOUT_S)
    )
    try:
        for name in ("worker", "query", "ingest"):
            stack.start(name)
        first = httpx.post(f"{stack.ingest_url}/v1/articles", json=ARTICLE, timeout=30)
        assert first.status_code == 202
        assert httpx.get(f"{stack.ingest_url}/readyz", timeout=10).status_code == 200
        poll(lambda: ready(stack.query_url) == 200, deadline_s=60, what="query ready")

        local_broker.stop_pid(own_broker.pid, timeout_s=10)
        started = time.monotonic()
        reply = httpx.post(f"{stack.ingest_url}/v1/articles", json=ARTICLE, timeout=30)
        took = time.monotonic() - started
        assert reply.status_code == 503
        print(f"POST with the broker down: 503 after {took:.1f} s")
        assert took <= PRODUCE_TIMEOUT_S + 2
        assert reply.headers["retry-after"]
        assert own_broker.bootstrap not in reply.text
        assert "Retrying is safe" in reply.json()["detail"]
        assert ready(stack.ingest_url) == 503
        poll(lambda: ready(stack.query_url) == 503, deadline_s=15, what="query not ready")

        time.sleep(1)  # let the worker notice the broker is gone (not a wait for a result)
        assert all(service.alive() for service in stack.services.values())
        # A request in flight while SIGTERM arrives must not hold the shutdown.
        in_flight = subprocess.Popen(
            ["curl", "-s", "-m", "20", "-X", "POST", "-H", "content-type: application/json",
             "-d", '{"source":"W","title":"T","body":"B","published_at":"2025-01-01T00:00:00Z"}',
             f"{stack.ingest_url}/v1/articles"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for name in ("ingest", "worker", "query"):
            took = ends_within(stack.services[name], SIGTERM_DEADLINE_S)
            print(f"{name} exited {took:.1f} s after SIGTERM with the broker down")
        in_flight.wait(20)
    finally:
        stack.stop_all()


def test_worker_without_a_broker_waits_and_logs_each_attempt(tmp_path: Path) -> None:
    dead = f"127.0.0.1:{local_broker.free_port()}"
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": dead, "NEWSTIMELINE_BROKER_RETRY_MAX_S": "1"}
    worker = ServiceProcess("worker", ["worker"], env, tmp_path / "worker.log").start()
    try:
        poll(
            lambda: worker.log_path.read_text().count("no broker answers") >= 3,
            deadline_s=60,
            what="three logged attempts to reach the broker",
        )
        assert worker.alive()
        ends_within(worker, SIGTERM_DEADLINE_S)
    finally:
        worker.stop()
