"""API keys on both services, and the bound on concurrent event streams."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from pydantic import SecretStr

from services.ingest.app import create_app as create_ingest
from services.platform.settings import Settings
from services.query.api import create_app as create_query
from tests.unit.ingest.test_api import GOOD, FakePublisher
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline

KEYS = [SecretStr("k-one"), SecretStr("k-two")]


@pytest.fixture
async def ingest() -> AsyncIterator[httpx.AsyncClient]:
    app = create_ingest(FakePublisher, Settings(ingest_api_keys=KEYS))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            yield http


@pytest.mark.parametrize("path", ["/v1/articles", "/v1/articles:batch"])
async def test_ingest_writes_need_a_key(ingest: httpx.AsyncClient, path: str) -> None:
    body = GOOD if path == "/v1/articles" else [GOOD]
    assert (await ingest.post(path, json=body)).status_code == 401
    wrong = await ingest.post(path, json=body, headers={"x-api-key": "k-on"})
    assert wrong.status_code == 403
    assert "k-on" not in wrong.text
    by_header = await ingest.post(path, json=body, headers={"x-api-key": "k-two"})
    by_bearer = await ingest.post(path, json=body, headers={"authorization": "Bearer k-one"})
    assert by_header.status_code in (200, 202)
    assert by_bearer.status_code in (200, 202)


async def test_ingest_health_and_openapi_stay_open(ingest: httpx.AsyncClient) -> None:
    assert (await ingest.get("/healthz")).status_code == 200
    spec = (await ingest.get("/openapi.json")).json()
    assert spec["paths"]["/v1/articles"]["post"]["security"]


async def test_without_keys_the_routes_are_open_and_show_no_security() -> None:
    app = create_ingest(FakePublisher, Settings())
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://i") as http:
            assert (await http.post("/v1/articles", json=GOOD)).status_code == 202
            spec = (await http.get("/openapi.json")).json()
    assert "security" not in spec["paths"]["/v1/articles"]["post"]


async def test_query_keys_guard_the_v1_routes_only(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "q.sqlite3", query_api_keys=KEYS)
    async with api_client(settings, [timeline("a")]) as http:
        assert (await http.get("/v1/timeline")).status_code == 401
        assert (await http.get("/v1/sources", headers={"x-api-key": "nope"})).status_code == 403
        ok = await http.get("/v1/timeline", headers={"x-api-key": "k-one"})
        assert ok.status_code == 200
        assert (await http.get("/healthz")).status_code == 200


async def test_streams_past_the_limit_get_503_with_retry_after(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "q.sqlite3", query_max_streams=2)
    app = create_query(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        http = httpx.AsyncClient(transport=transport, base_url="http://q")
        slots = app.state.stream_slots
        slots.take()
        slots.take()  # two streams open: the limit
        reply = await http.get("/v1/timeline/stream")
        assert reply.status_code == 503
        assert int(reply.headers["retry-after"]) > 0
        slots.give_back()
        assert slots.open == 1
