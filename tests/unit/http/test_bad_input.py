"""Every bad input the fault report listed, against both apps in-process: each gets a 4xx
that names the field (never a 5xx), and no reply quotes more than an excerpt."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.ingest.app import create_app as create_ingest
from services.platform.settings import Settings
from tests.unit.ingest.test_api import FakePublisher
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline

GOOD = {"source": "S", "title": "T", "body": "B on Monday.", "published_at": "2025-01-01T00:00Z"}
NESTED = "[" * 1500 + "]" * 1500


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def forged(snapshot: int) -> str:
    """A cursor as the old, unkeyed format made them, with a snapshot of our choosing."""
    fields = ["2024-01-01T00:00:00.000000Z", "2024-01-02T00:00:00.000000Z", "x", snapshot, "f"]
    return b64(json.dumps(fields).encode())


@pytest.fixture
async def query(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3", cursor_key_file=tmp_path / "k")
    async with api_client(settings, [timeline("a", [(0, 1), (5, 6)])]) as http:
        yield http


def ingest_settings(**overrides: Any) -> Settings:
    return Settings(**{"ingest_max_request_bytes": 64 * 1024, **overrides})


@pytest.fixture
async def ingest() -> AsyncIterator[httpx.AsyncClient]:
    app = create_ingest(FakePublisher, ingest_settings())
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            yield http


QUERY_CASES: list[tuple[str, dict[str, Any], dict[str, str], list[str]]] = [
    ("q only whitespace", {"q": "  \t "}, {}, ["query", "q"]),
    ("q with NUL", {"q": "siege\x00"}, {}, ["query", "q"]),
    ("from year 1 east of UTC", {"from": "0001-01-01T00:00:00+01:00"}, {}, ["query", "from"]),
    ("to year 9999 west of UTC", {"to": "9999-12-31T23:59:59-01:00"}, {}, ["query", "to"]),
    ("from year 9999 west of UTC", {"from": "9999-12-31T23:59:59-01:00"}, {}, ["query", "from"]),
    ("cursor snapshot 2**63", {"cursor": forged(2**63)}, {}, ["query", "cursor"]),
    ("cursor snapshot 2**63, signed", {"cursor": forged(2**63) + ".AAAA"}, {}, ["query", "cursor"]),
    ("cursor nested 1500 deep", {"cursor": b64(NESTED.encode())}, {}, ["query", "cursor"]),
    ("cursor 10 kB", {"cursor": "A" * 10_000 + ".A"}, {}, ["query", "cursor"]),
]
STREAM_CASES: list[tuple[str, dict[str, Any], dict[str, str], list[str]]] = [
    ("Last-Event-ID 2**63", {}, {"last-event-id": str(2**63)}, ["header", "last-event-id"]),
    ("Last-Event-ID 5000 digits", {}, {"last-event-id": "9" * 5000}, ["header", "last-event-id"]),
    ("Last-Event-ID negative", {}, {"last-event-id": "-1"}, ["header", "last-event-id"]),
    ("after 2**63", {"after": str(2**63)}, {}, ["query", "after"]),
]


@pytest.mark.parametrize(
    ("path", "params", "headers", "loc"),
    [("/v1/timeline", p, h, loc) for _, p, h, loc in QUERY_CASES]
    + [("/v1/timeline.timelinejs", p, h, loc) for _, p, h, loc in QUERY_CASES]
    + [("/v1/timeline/stream", p, h, loc) for _, p, h, loc in STREAM_CASES],
    ids=[c[0] for c in QUERY_CASES]
    + [f"tljs {c[0]}" for c in QUERY_CASES]
    + [c[0] for c in STREAM_CASES],
)
async def test_query_answers_422_naming_the_parameter(
    query: httpx.AsyncClient,
    path: str,
    params: dict[str, Any],
    headers: dict[str, str],
    loc: list[str],
) -> None:
    reply = await query.get(path, params=params, headers=headers)
    assert reply.status_code == 422, reply.text
    assert reply.json()["detail"][0]["loc"] == loc
    assert len(reply.content) < 1000


async def test_a_cursor_of_another_key_is_refused(tmp_path: Path) -> None:
    first = Settings(database_path=tmp_path / "q.sqlite3", cursor_key="one")
    async with api_client(first, [timeline("a", [(0, 1), (5, 6)])]) as http:
        cursor = (await http.get("/v1/timeline", params={"limit": 1})).json()["next_cursor"]
        assert (await http.get("/v1/timeline", params={"cursor": cursor})).status_code == 200
    other = Settings(database_path=tmp_path / "q2.sqlite3", cursor_key="two")
    async with api_client(other, [timeline("a", [(0, 1), (5, 6)])]) as http:
        reply = await http.get("/v1/timeline", params={"cursor": cursor})
    assert reply.status_code == 422
    assert "not issued by this service" in reply.json()["detail"][0]["msg"]


def article_json(**fields: Any) -> bytes:
    return json.dumps({**GOOD, **fields}).encode()


SURROGATE_TITLE = article_json(title="@@").replace(b"@@", b"\\ud800")
SURROGATE_KEY = article_json(extra="x").replace(b'"extra"', b'"\\ud800"')
INGEST_CASES: list[tuple[str, str, bytes, str, int, str]] = [
    ("lone surrogate in a field", "/v1/articles", SURROGATE_TITLE, "json", 422, "title"),
    ("lone surrogate as a key", "/v1/articles", SURROGATE_KEY, "json", 422, "body"),
    (
        "published_at a number",
        "/v1/articles",
        article_json(published_at=0),
        "json",
        422,
        "published_at",
    ),
    (
        "published_at digits",
        "/v1/articles",
        article_json(published_at="1700000000"),
        "json",
        422,
        "published_at",
    ),
    (
        "published_at year 1 +01:00",
        "/v1/articles",
        article_json(published_at="0001-01-01T00:00:00+01:00"),
        "json",
        422,
        "published_at",
    ),
    (
        "published_at year 1 UTC",
        "/v1/articles",
        article_json(published_at="0001-01-01T00:00:00Z"),
        "json",
        422,
        "published_at",
    ),
    (
        "published_at year 9999 -01:00",
        "/v1/articles",
        article_json(published_at="9999-12-31T23:59:59-01:00"),
        "json",
        422,
        "published_at",
    ),
    ("batch nested 1500 deep", "/v1/articles:batch", NESTED.encode(), "json", 422, "body"),
    ("batch without a body", "/v1/articles:batch", b"", "json", 422, "body"),
    ("batch of no articles", "/v1/articles:batch", b"[]", "json", 422, "body"),
    (
        "batch as text/plain",
        "/v1/articles:batch",
        b"[" + article_json() + b"]",
        "text",
        415,
        "content-type",
    ),
    (
        "batch without a type",
        "/v1/articles:batch",
        b"[" + article_json() + b"]",
        "",
        415,
        "content-type",
    ),
    (
        "body over the limit",
        "/v1/articles",
        article_json(body="x" * 70_000),
        "json",
        413,
        "body",
    ),
]
TYPES = {"json": "application/json", "text": "text/plain", "": ""}


@pytest.mark.parametrize(
    ("path", "content", "kind", "status", "field"),
    [case[1:] for case in INGEST_CASES],
    ids=[case[0] for case in INGEST_CASES],
)
async def test_ingest_answers_4xx_naming_the_field(
    ingest: httpx.AsyncClient, path: str, content: bytes, kind: str, status: int, field: str
) -> None:
    headers = {"content-type": TYPES[kind]} if kind else {}
    reply = await ingest.post(path, content=content, headers=headers)
    assert reply.status_code == status, reply.text
    assert reply.json()["detail"][0]["loc"][-1] == field
    assert len(reply.content) < 1000


async def test_a_streamed_body_over_the_limit_is_413_unread(ingest: httpx.AsyncClient) -> None:
    sent = []

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):  # 100 x 8 kB, the limit is 64 kB
            sent.append(1)
            yield b" " * 8192

    reply = await ingest.post(
        "/v1/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert reply.status_code == 413
    assert len(sent) < 100  # the rest was never read


async def test_a_long_invalid_field_is_quoted_by_an_excerpt_only(
    ingest: httpx.AsyncClient,
) -> None:
    reply = await ingest.post("/v1/articles", json={**GOOD, "title": "x" * 30_000})
    assert reply.status_code == 422
    assert len(reply.content) < 1000


async def test_a_batch_the_broker_cannot_take_counts_failed_and_is_503() -> None:
    app = create_ingest(lambda: FakePublisher(down=True), ingest_settings())
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://i") as http:
            reply = await http.post("/v1/articles:batch", json=[GOOD, {"source": "S"}])
    assert reply.status_code == 503
    assert reply.headers["retry-after"]
    body = reply.json()
    assert (body["accepted"], body["refused"], body["failed"]) == (0, 1, 1)
    assert "Retrying is safe" in body["items"][0]["error"]
