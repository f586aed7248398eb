"""What operators see: JSON log lines from every service, the worker's health and metrics."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import httpx

from services.platform.ops.processes import Stack
from tests.e2e.polling import published_timeline
from tests.e2e.test_pipeline import article
from tests.polling import poll


def log_lines(path: Path) -> list[dict[str, Any]]:
    """Every complete line of a service log, each of which must be one JSON object (a last
    line still being written is left for the next read)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return [json.loads(line) for line in lines if line.endswith("\n") and line.strip()]


def metric(text: str, name: str, labels: str = "") -> float:
    pattern = rf"^{re.escape(name)}{re.escape(labels)} (\S+)$"
    found = re.search(pattern, text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_worker_serves_health_and_metrics(pipeline: Stack) -> None:
    assert httpx.get(f"{pipeline.worker_url}/healthz", timeout=10).json() == {"status": "ok"}
    before = httpx.get(f"{pipeline.worker_url}/metrics", timeout=10).text
    published = 'normalizer_records_processed_total{outcome="published"}'
    receipt = httpx.post(
        f"{pipeline.ingest_url}/v1/articles", json=article("Talks resumed on May 4."), timeout=30
    ).json()
    published_timeline(pipeline.query_url, receipt["article_id"])

    def scraped() -> str | None:
        text = httpx.get(f"{pipeline.worker_url}/metrics", timeout=10).text
        return text if metric(text, published) > metric(before, published) else None

    text = poll(scraped, deadline_s=60, what="the published record counted")
    assert metric(text, "normalizer_normalization_seconds_count") >= 1
    lag = f'{{partition="{receipt["partition"]}",topic="{receipt["topic"]}"}}'
    assert f"normalizer_partition_lag{lag}" in text


def test_every_service_logs_json_lines_with_its_name_and_ids(pipeline: Stack) -> None:
    request = f"req-{uuid.uuid4().hex[:8]}"
    payload = article("Rain fell on March 3.")
    reply = httpx.post(
        f"{pipeline.ingest_url}/v1/articles",
        json=payload,
        headers={"X-Request-ID": request},
        timeout=30,
    )
    assert reply.headers["x-request-id"] == request
    published_timeline(pipeline.query_url, payload["article_id"])
    logs = {name: service.log_path for name, service in pipeline.services.items()}

    def worker_logged_it() -> bool:
        lines = log_lines(logs["worker"])
        return any(line.get("article_id") == payload["article_id"] for line in lines)

    poll(worker_logged_it, deadline_s=30, what="a worker line naming the article")
    for name, path in logs.items():
        lines = log_lines(path)
        assert lines, f"{name} logged nothing"
        assert {line["service"] for line in lines} == {name}
    of_request = [line for line in log_lines(logs["ingest"]) if line.get("request_id") == request]
    accepted = [line for line in of_request if line["message"] == "article accepted"]
    assert [line["article_id"] for line in accepted] == [payload["article_id"]]
