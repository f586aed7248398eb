"""The ingest API over httpx's ASGI transport, with a fake publisher (no network)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.ingest.app import create_app
from services.ingest.publisher import BrokerUnavailableError, Receipt
from services.platform.settings import Settings
from services.timeline.events import ArticleSubmitted

GOOD = {"source": "S", "title": "T", "body": "B on Monday.", "published_at": "2025-01-01T00:00Z"}


class FakePublisher:
    def __init__(self, *, down: bool = False) -> None:
        self.down = down
        self.published: list[ArticleSubmitted] = []
        self.retracted: list[tuple[str, str | None]] = []

    async def publish(self, article: ArticleSubmitted) -> Receipt:
        if self.down:
            msg = "Kafka broker unreachable"
            raise BrokerUnavailableError(msg)
        self.published.append(article)
        offset = len(self.published) - 1
        return Receipt(article.article_id, article.revision, "news.articles.v1", 0, offset)

    async def retract(self, article_id: str, reason: str | None = None) -> Receipt:
        if self.down:
            msg = "Kafka broker unreachable"
            raise BrokerUnavailableError(msg)
        self.retracted.append((article_id, reason))
        return Receipt(article_id, "", "news.articles.v1", 0, len(self.retracted) - 1)

    async def ready(self) -> bool:
        return not self.down

    async def close(self) -> None:
        return None


@pytest.fixture
def publisher() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
async def client(publisher: FakePublisher) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(lambda: publisher)
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
    link = f"/v1/articles/{body['article_id']}/status?revision={body['revision']}"
    assert body["status_url"] == f"http://127.0.0.1:8080{link}"


async def test_naive_time_is_422_naming_the_field(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**GOOD, "published_at": "2025-01-01T00:00"})
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["loc"] == ["body", "published_at"]
    assert publisher.published == []


async def test_unknown_timezone_is_422_naming_the_field(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**GOOD, "timezone": "Europe/Atlantis"})
    assert reply.status_code == 422
    (problem,) = reply.json()["detail"]
    assert problem["loc"] == ["body", "timezone"]
    assert "unknown IANA time zone" in problem["msg"]
    assert publisher.published == []


async def test_invalid_language_tag_is_422_naming_the_field(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**GOOD, "language": "zz-ZZ"})
    assert reply.status_code == 422
    problem = reply.json()["detail"][0]
    assert problem["loc"] == ["body", "language"]
    assert "unknown language tag" in problem["msg"]
    assert publisher.published == []


async def test_regional_language_tag_is_published_as_its_language(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**GOOD, "language": "pt-BR"})
    assert reply.status_code == 202
    assert publisher.published[0].language == "pt"


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


async def test_retraction_is_202_once_published_even_for_an_unknown_id(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.delete("/v1/articles/never-seen-1", params={"reason": "duplicate"})
    assert reply.status_code == 202
    assert reply.json() == {
        "article_id": "never-seen-1", "retracted": True, "topic": "news.articles.v1",
        "partition": 0, "offset": 0,
    }  # fmt: skip
    assert publisher.retracted == [("never-seen-1", "duplicate")]


async def test_retraction_of_a_malformed_id_is_422_naming_it(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.delete("/v1/articles/-starts-with-a-dash")
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["loc"] == ["path", "article_id"]
    assert publisher.retracted == []


async def test_retraction_without_a_broker_is_503(publisher: FakePublisher) -> None:
    publisher.down = True
    app = create_app(lambda: publisher)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            reply = await http.delete("/v1/articles/a-1")
    assert reply.status_code == 503


async def test_cors_preflight_allows_posts_from_configured_origins() -> None:
    app = create_app(FakePublisher, Settings(cors_origins=["https://cms.example"]))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
        headers = {"Access-Control-Request-Method": "POST"}
        allowed = await http.options(
            "/v1/articles", headers={"Origin": "https://cms.example", **headers}
        )
        refused = await http.options(
            "/v1/articles", headers={"Origin": "https://other.example", **headers}
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://cms.example"
    assert refused.status_code == 400


async def test_readyz_follows_the_broker(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    assert (await client.get("/readyz")).status_code == 200
    publisher.down = True
    reply = await client.get("/readyz")
    assert reply.status_code == 503
    assert reply.headers["retry-after"]
