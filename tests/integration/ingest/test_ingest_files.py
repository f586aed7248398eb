"""`newstimeline ingest PATH...` on the real broker: bad lines reported, the rest published."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import pytest

from services.cli import main
from services.platform.kafka.broker import BrokerChoice
from services.timeline.events import ArticleSubmitted
from tests.kafka_helpers import consume, topic_size

GOOD = {"source": "S", "title": "T", "body": "On Monday.", "published_at": "2025-01-01T00:00Z"}


def test_bad_line_is_reported_and_the_rest_go_through(
    bootstrap: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    topic = f"files-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
    monkeypatch.setenv("NEWSTIMELINE_TOPICS__ARTICLES", topic)
    lines = [
        json.dumps({**GOOD, "article_id": "f-1"}),
        json.dumps({**GOOD, "article_id": "f-2", "published_at": "2025-01-01"}),
        json.dumps({**GOOD, "article_id": "f-3"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["topics", "create"]) == 0
    assert main(["ingest", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "batch.jsonl:2: published_at:" in err
    assert "2 accepted, 1 refused" in err
    size = asyncio.run(topic_size(bootstrap, topic))
    records = asyncio.run(consume(bootstrap, topic, size))
    ids = sorted(ArticleSubmitted.model_validate_json(r.value).article_id for r in records)
    assert ids == ["f-1", "f-3"]


def test_missing_path_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "/nonexistent/articles.jsonl"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_files_go_to_the_local_broker_found_by_itself(
    broker: BrokerChoice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """KAFKA_BOOTSTRAP_SERVERS unset: the command finds the running local broker (a probe
    with its own event loop) before it starts publishing in another."""
    if broker.kind != "local":
        pytest.skip("the session's broker is not the local one")
    topic = f"files-{uuid.uuid4().hex[:8]}"
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.setenv("NEWSTIMELINE_TOPICS__ARTICLES", topic)
    (tmp_path / "one.json").write_text(json.dumps({**GOOD, "article_id": "local-1"}))
    assert main(["ingest", str(tmp_path / "one.json")]) == 0
    assert "1 accepted, 0 refused" in capsys.readouterr().err
    record = asyncio.run(consume(broker.bootstrap, topic, 1))[0]
    assert ArticleSubmitted.model_validate_json(record.value).article_id == "local-1"
