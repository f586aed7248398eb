"""The ingest API over httpx's ASGI transport, with a fake publisher (no network)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.ingest.app import create_app
from services.ingest.publisher import BrokerUnavailableError, Receipt
from services.timeline.events import ArticleSubmitted

GOOD = {"source": "S", "title": "T", "body": "B on Monday.", "published_at": "2025-01-01T00:00Z"}


class FakePublisher:
    def __init__(self, *, down: bool = False) -> None:
        self.down = down
        self.published: list[ArticleSubmitted] = []

    async def publish(self, article: ArticleSubmitted) -> Receipt:
        if self.down:
            msg = "Kafka broker unreachable"
            raise BrokerUnavailableError(msg)
        self.published.append(article)
        offset = len(self.published) - 1
        return Receipt(article.article_id, article.revision, "news.articles.v1", 0, offset)

    async def ready(self) -> bool:
        return not self.down

    async def close(self) -> None:
        return None


@pytest.fixture
def publisher() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
async def client(publisher: FakePublisher) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(lambda: publisher)  # type: ignore[arg-type,return-value]
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            yield http


async def test_accepted_article_replies_202_with_offset(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json=GOOD)
    assert reply.status_code == 202
    body: dict[str, Any] = reply.json()
    assert body["offset"] == 0
    assert body["article_id"] == publisher.published[0].article_id


async def test_naive_time_is_422_naming_the_field(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**GOOD, "published_at": "2025-01-01T00:00"})
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["loc"] == ["body", "published_at"]
    assert publisher.published == []


async def test_broker_down_is_503_not_confirmed_and_safe_to_retry(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    publisher.down = True
    reply = await client.post("/v1/articles", json=GOOD)
    assert reply.status_code == 503
    assert int(reply.headers["retry-after"]) > 0
    detail = reply.json()["detail"]
    assert "not confirmed" in detail
    assert "Retrying is safe" in detail
    assert publisher.published == []


async def test_batch_answers_per_item(client: httpx.AsyncClient) -> None:
    lines = "\n".join([httpx.Response(200, json=GOOD).text, '{"source": "S"}'])
    reply = await client.post(
        "/v1/articles:batch", content=lines, headers={"content-type": "application/x-ndjson"}
    )
    assert reply.status_code == 200
    body = reply.json()
    assert (body["accepted"], body["refused"]) == (1, 1)
    assert body["items"][0]["status"] == "accepted"
    assert "title" in body["items"][1]["error"]


async def test_batch_that_is_not_json_is_422(client: httpx.AsyncClient) -> None:
    reply = await client.post(
        "/v1/articles:batch", content=b"{oops", headers={"content-type": "application/json"}
    )
    assert reply.status_code == 422


async def test_openapi_documents_both_routes_with_examples(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    batch = spec["paths"]["/v1/articles:batch"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/x-ndjson"} <= batch.keys()
    single = spec["paths"]["/v1/articles"]["post"]
    assert single["requestBody"]["content"]["application/json"]["schema"]


async def test_metrics_count_requests_by_route_and_status(client: httpx.AsyncClient) -> None:
    await client.post("/v1/articles", json=GOOD)
    await client.post("/v1/articles", json={**GOOD, "title": ""})
    text = (await client.get("/metrics")).text
    assert 'http_requests_total{method="POST",route="/v1/articles",status="202"} 1.0' in text
    assert 'http_requests_total{method="POST",route="/v1/articles",status="422"} 1.0' in text


async def test_readyz_follows_the_broker(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    assert (await client.get("/readyz")).status_code == 200
    publisher.down = True
    reply = await client.get("/readyz")
    assert reply.status_code == 503
    assert reply.headers["retry-after"]
