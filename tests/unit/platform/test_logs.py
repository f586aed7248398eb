"""One log format: JSON lines naming the service, with request and article ids."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from rich.console import Console

from services.platform.http.request_ids import RequestIds
from services.platform.logs import (
    article_id,
    configure_console_logging,
    configure_logging,
    json_handler,
    request_id,
)
from services.platform.ops.pipeline import print_addresses
from services.platform.settings import Settings


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for added in set(root.handlers) - set(handlers):
        added.close()  # a file handler keeps its file open until closed
    root.handlers[:] = handlers
    root.setLevel(level)


def test_lines_are_json_with_service_article_and_extras() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("test.logs.json")
    logger.addHandler(json_handler("worker", stream))
    logger.propagate = False
    logger.setLevel(logging.INFO)
    token = article_id.set("a-1")
    try:
        logger.warning("dead letter", extra={"partition": 3})
    finally:
        article_id.reset(token)
    logger.info("no article here")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["service"] == "worker"
    assert first["article_id"] == "a-1"
    assert first["partition"] == 3
    assert first["level"] == "WARNING"
    assert first["message"] == "dead letter"
    assert first["time"].endswith("+00:00")
    assert "article_id" not in second


@pytest.mark.usefixtures("restore_root_logger")
def test_configure_logging_sends_every_logger_through_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("query", "INFO")
    logging.getLogger("httpx").info("HTTP Request: GET /")
    (line,) = capsys.readouterr().err.splitlines()
    assert json.loads(line)["service"] == "query"


@pytest.mark.usefixtures("restore_root_logger")
def test_console_logging_keeps_json_in_the_file_and_the_console_human(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = tmp_path / "logs" / "run.log"
    configure_console_logging("run", "INFO", log_file)
    logging.getLogger("httpx").info("HTTP Request: POST /v1/articles:batch")
    logging.getLogger("services").warning("worker exited")
    captured = capsys.readouterr()
    console = captured.out + captured.err
    assert "HTTP Request" not in console
    assert "worker exited" in console
    assert not any(line.lstrip().startswith("{") for line in console.splitlines())
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert [line["message"] for line in lines] == [
        "HTTP Request: POST /v1/articles:batch",
        "worker exited",
    ]


async def test_request_id_is_echoed_and_made_when_missing() -> None:
    app = FastAPI()
    app.add_middleware(RequestIds)

    @app.get("/")
    async def seen() -> dict[str, str | None]:
        return {"request_id": request_id.get()}

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        given = await http.get("/", headers={"X-Request-ID": "abc-123"})
        made = await http.get("/")
        odd = await http.get("/", headers={"X-Request-ID": "bad id\twith spaces"})
    assert given.headers["x-request-id"] == "abc-123" == given.json()["request_id"]
    assert len(made.headers["x-request-id"]) == 32
    assert made.json()["request_id"] == made.headers["x-request-id"]
    assert odd.headers["x-request-id"] != "bad id\twith spaces"


def test_run_console_names_the_page_the_docs_and_the_logs(tmp_path: Path) -> None:
    out = io.StringIO()
    settings = Settings(query_port=18080, ingest_port=18081, worker_port=18082, logs_dir=tmp_path)
    print_addresses(Console(file=out, width=200), settings)
    text = out.getvalue()
    assert "web page     http://127.0.0.1:18080/" in text
    assert "http://127.0.0.1:18080/docs" in text
    assert "http://127.0.0.1:18081/docs" in text
    assert "http://127.0.0.1:18082/metrics" in text
    assert str(tmp_path) in text
