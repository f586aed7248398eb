"""Ingest refuses up front what the worker could not publish: an article, or the timeline
it would build, over max_record_bytes is a 413 naming the limit, and nothing is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.ingest.app import create_app
from services.platform.settings import Settings
from tests.unit.ingest.test_api import FakePublisher

LIMIT = 65536  # the least max_record_bytes may be
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
# Small as an article, but every one of its dated sentences comes back with each incident.
DATED = " ".join(
    f"On {month} {day}, the committee met again in the long hall."
    for month in MONTHS
    for day in range(1, 29)
)
BASE = {"source": "S", "title": "T", "published_at": "2025-06-01T09:00:00Z"}


@pytest.fixture
def publisher() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
async def client(publisher: FakePublisher) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(lambda: publisher, Settings(max_record_bytes=LIMIT))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            yield http


@pytest.mark.parametrize(
    ("body", "says"),
    [("x " * LIMIT, "the article is"), (DATED, "its timeline would be")],
)
async def test_what_the_worker_could_not_publish_is_413_naming_the_limit(
    client: httpx.AsyncClient, publisher: FakePublisher, body: str, says: str
) -> None:
    assert len(DATED) < LIMIT  # the article alone would fit
    reply = await client.post("/v1/articles", json={**BASE, "body": body})
    assert reply.status_code == 413, reply.text
    [problem] = reply.json()["detail"]
    assert problem["loc"] == ["body", "body"]
    assert says in problem["msg"]
    assert f"max_record_bytes limit of {LIMIT}" in problem["msg"]
    assert publisher.published == []


async def test_an_article_whose_timeline_fits_is_accepted(
    client: httpx.AsyncClient, publisher: FakePublisher
) -> None:
    reply = await client.post("/v1/articles", json={**BASE, "body": DATED[:300]})
    assert reply.status_code == 202, reply.text
    assert len(publisher.published) == 1
