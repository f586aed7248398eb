"""Filters, catalogue, TimelineJS, metrics and docs through the HTTP API (no Kafka)."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.settings import Settings
from services.timeline.mentions import Granularity
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    changes = [
        timeline("a", [(0, 1)], source="wire", sentence="The siege began at dawn."),
        timeline(
            "b",
            [(2, 3), (4, 5)],
            source="daily",
            title="Floods",
            granularity=Granularity.YEAR,
            sentence="Rivers rose all year.",
        ),
    ]
    async with api_client(settings, changes) as http:
        yield http


async def articles_of(client: httpx.AsyncClient, **params: str) -> list[str]:
    response = await client.get("/v1/timeline", params=params)
    assert response.status_code == 200, response.text
    return [i["article_id"] for i in response.json()["items"]]


async def test_text_search_source_granularity_anchor_order(client: httpx.AsyncClient) -> None:
    assert await articles_of(client, q="siege dawn") == ["a"]
    assert await articles_of(client, q="floods") == ["b", "b"]  # matches the title
    assert await articles_of(client, q='"unbalanced') == []  # never FTS5 syntax
    assert await articles_of(client, source="daily") == ["b", "b"]
    assert await articles_of(client, granularity="day") == ["a"]
    assert await articles_of(client, granularity="century") == ["a", "b", "b"]
    assert await articles_of(client, anchor="publication") == []
    assert await articles_of(client, order="desc") == ["b", "b", "a"]


async def test_cursor_from_other_filters_is_422(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/timeline", params={"limit": 1})).json()
    response = await client.get(
        "/v1/timeline", params={"limit": 1, "order": "desc", "cursor": first["next_cursor"]}
    )
    assert response.status_code == 422
    assert "other filters" in response.json()["detail"][0]["msg"]


async def test_article_and_sources(client: httpx.AsyncClient) -> None:
    article = (await client.get("/v1/articles/b")).json()
    assert (article["title"], article["source"], len(article["incidents"])) == (
        "Floods",
        "daily",
        2,
    )
    assert article["published_at"] == "2024-01-01T00:00:00Z"
    assert (await client.get("/v1/articles/zzz")).status_code == 404
    assert (await client.get("/v1/sources")).json() == [
        {"source": "daily", "articles": 1, "incidents": 2},
        {"source": "wire", "articles": 1, "incidents": 1},
    ]


async def test_timelinejs_fields_follow_granularity(client: httpx.AsyncClient) -> None:
    doc = (await client.get("/v1/timeline.timelinejs")).json()
    day, year = doc["events"][0], doc["events"][1]
    assert day["start_date"] == {"year": 2024, "month": 1, "day": 1}
    assert "end_date" not in day  # one whole day
    assert year["start_date"] == {"year": 2024}
    assert day["text"]["headline"] == "The siege began at dawn."
    assert day["unique_id"]


async def test_metrics_by_route_template(client: httpx.AsyncClient) -> None:
    await client.get("/v1/incidents/nope")
    text = (await client.get("/metrics")).text
    assert 'route="/v1/incidents/{incident_id}",status="404"' in text
    assert "incidents_stored 3.0" in text
    assert "http_request_duration_seconds_bucket" in text


async def test_docs_have_examples_on_every_route(client: httpx.AsyncClient) -> None:
    assert (await client.get("/docs")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        text = json.dumps(operations)
        refs = re.findall(r"#/components/schemas/(\w+)", text)
        documented = text + "".join(json.dumps(schemas[name]) for name in refs)
        assert '"example' in documented, path
    # The bench's constant route is the bench's own (bench/api.py), never the product's.
    assert (await client.get("/bench/constant")).status_code == 404


async def test_index_page_is_served(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert "<script" in page.text
    assert (await client.get("/static/app.js")).status_code == 200
