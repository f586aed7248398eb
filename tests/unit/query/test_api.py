"""The HTTP API over a store filled directly (no Kafka)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.projector import ProjectorState
from services.query.store import TimelineStore
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3", cors_origins=["http://x.test"])
    changes = [timeline("a", [(0, 1), (5, 6)]), timeline("b", [(2, 3)])]
    async with api_client(settings, changes) as http:
        yield http


async def test_timeline_pages_in_order(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/timeline", params={"limit": 2})).json()
    assert [i["article_id"] for i in first["items"]] == ["a", "b"]
    assert first["items"][0]["start"] == "2024-01-01T00:00:00Z"
    rest = (
        await client.get("/v1/timeline", params={"cursor": first["next_cursor"], "limit": 2})
    ).json()
    assert [i["start"] for i in rest["items"]] == ["2024-01-06T00:00:00Z"]
    assert rest["next_cursor"] is None


async def test_filters_article_and_window(client: httpx.AsyncClient) -> None:
    params = {"from": "2024-01-02T12:00:00+00:00", "to": "2024-01-06T00:00:01Z"}
    items = (await client.get("/v1/timeline", params=params)).json()["items"]
    assert [i["article_id"] for i in items] == ["b", "a"]
    items = (await client.get("/v1/timeline", params={"article_id": "b"})).json()["items"]
    assert {i["article_id"] for i in items} == {"b"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"from": "yesterday"}, "from"),
        ({"to": "2024-01-01T00:00:00"}, "to"),
        ({"cursor": "@@@"}, "cursor"),
        ({"order": "sideways"}, "order"),
        ({"granularity": "eon"}, "granularity"),
        ({"anchor": "x"}, "anchor"),
        ({"q": ""}, "q"),
    ],
)
async def test_invalid_parameters_are_422_naming_the_field(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    response = await client.get("/v1/timeline", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


async def test_incident_by_id(client: httpx.AsyncClient) -> None:
    item = (await client.get("/v1/timeline", params={"limit": 1})).json()["items"][0]
    found = await client.get(f"/v1/incidents/{item['incident_id']}")
    assert found.json() == item
    assert (await client.get("/v1/incidents/nope")).status_code == 404


async def test_health_and_readiness_without_projector(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/readyz")).json()["ready"] is True


async def test_cors_allows_configured_origin(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"Origin": "http://x.test"})
    assert response.headers["access-control-allow-origin"] == "http://x.test"


async def test_cached_pages_follow_new_commits(client: httpx.AsyncClient, tmp_path: Path) -> None:
    before = (await client.get("/v1/timeline")).json()
    assert (await client.get("/v1/timeline")).json() == before  # served from the page cache
    writer = TimelineStore(tmp_path / "q.sqlite3")
    writer.apply("timelines", 0, [(99, timeline("c", [(1, 2)]))])
    writer.close()
    after = (await client.get("/v1/timeline")).json()
    assert [i["article_id"] for i in after["items"]] == ["a", "c", "b", "a"]
    assert after["snapshot"] > before["snapshot"]


async def test_readiness_reports_lag_until_caught_up(tmp_path: Path) -> None:
    app = create_app(Settings(database_path=tmp_path / "r.sqlite3"))
    async with LifespanManager(app) as manager:
        state = ProjectorState(started=True, targets={0: 10, 1: 4}, positions={0: 3, 1: 4})
        app.state.query = replace(app.state.query, projector=SimpleNamespace(state=state))
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            behind = await http.get("/readyz")
            assert behind.status_code == 503
            assert behind.json()["lag"] == {"0": 7, "1": 0}
            state.positions[0] = 10
            assert (await http.get("/readyz")).status_code == 200
