from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services.platform.kafka.local_broker import free_port
from services.platform.ops.status import BrokerStatus, Status
from services.platform.ops.worker_status import ask_worker, counts_of, worker_urls
from services.platform.settings import Settings

METRICS = """# TYPE normalizer_records_processed_total counter
normalizer_records_processed_total{outcome="published"} 7.0
normalizer_records_processed_total{outcome="skipped"} 2.0
# TYPE normalizer_dead_letters_total counter
normalizer_dead_letters_total{error_class="ValidationError"} 1.0
# TYPE normalizer_partition_lag gauge
normalizer_partition_lag{partition="0",topic="a"} 3.0
normalizer_partition_lag{partition="1",topic="a"} 4.0
# TYPE normalizer_offset_gaps_total counter
normalizer_offset_gaps_total 2.0
"""


class FakeWorker(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = {"/healthz": b'{"status": "ok"}', "/metrics": METRICS.encode()}.get(self.path)
        self.send_response(200 if body else 404)
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def worker() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWorker)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_counts_sum_each_metric_over_its_labels() -> None:
    assert counts_of(METRICS) == {
        "processed": 9.0,
        "dead_letters": 1.0,
        "lag": 7.0,
        "gaps": 2.0,
    }


def test_named_workers_are_required_and_the_default_one_is_not() -> None:
    settings = Settings(worker_host="127.0.0.1", worker_port=8082)
    assert worker_urls(settings, []) == [("http://127.0.0.1:8082", False)]
    assert worker_urls(settings, ["http://w:1"]) == [("http://w:1", True)]
    configured = Settings(status_worker_urls=["http://w:2"])
    assert worker_urls(configured, []) == [("http://w:2", True)]


def test_a_running_worker_reports_its_counts(worker: str) -> None:
    status = asyncio.run(ask_worker(worker, required=True, timeout_s=5.0))
    assert status.answered
    assert status.counts["processed"] == 9.0


def test_only_a_named_worker_that_does_not_answer_fails_status() -> None:
    absent = f"http://127.0.0.1:{free_port()}"
    missing = asyncio.run(ask_worker(absent, required=True, timeout_s=2.0))
    optional = asyncio.run(ask_worker(absent, required=False, timeout_s=2.0))
    assert not missing.answered
    assert missing.error
    broker = BrokerStatus("127.0.0.1:1", "test", reachable=True)
    assert not Status(broker, workers=[missing]).ok
    assert Status(broker, workers=[optional]).ok
