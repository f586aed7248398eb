"""GET /v1/articles/{id}/status: built, dead-lettered (pending ones only), retracted, or
accepted and on its way; 404 when nothing is known and no revision is asked for."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.article_status import DeadLetterSeen
from services.query.store import Change, Retraction, TimelineStore
from tests.unit.query.factories import timeline

LETTERS = {
    "big-1": [DeadLetterSeen(3, 0, "r9", "ValueError: timeline too large for max_record_bytes")],
    "a": [DeadLetterSeen(1, 4, "r0", "ValidationError: an older revision")],
}


ASKED: list[str] = []  # the articles whose dead letters were read, in order


async def find(article_id: str) -> Sequence[DeadLetterSeen]:
    ASKED.append(article_id)
    return LETTERS.get(article_id, [])


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    store = TimelineStore(settings.database_path)
    changes: list[Change] = [timeline("a", [(0, 1), (2, 3)]), timeline("gone"), Retraction("gone")]
    store.apply("timelines", 0, list(enumerate(changes)))
    store.close()
    app = create_app(settings)
    ASKED.clear()
    async with LifespanManager(app) as manager:
        app.state.query = dataclasses.replace(app.state.query, dead_letters=find)
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def status_of(client: httpx.AsyncClient, article_id: str, **params: str) -> httpx.Response:
    return await client.get(f"/v1/articles/{article_id}/status", params=params)


async def test_a_built_article_says_its_revision_and_incident_count(
    client: httpx.AsyncClient,
) -> None:
    body = (await status_of(client, "a")).json()
    assert (body["state"], body["revision"], body["incidents"]) == ("built", "r1", 2)
    assert (await status_of(client, "a", revision="r1")).json()["state"] == "built"


async def test_a_newer_revision_is_accepted_until_built(client: httpx.AsyncClient) -> None:
    body = (await status_of(client, "a", revision="r2")).json()
    assert (body["state"], body["built_revision"]) == ("accepted", "r1")


async def test_a_dead_lettered_revision_says_why(client: httpx.AsyncClient) -> None:
    body = (await status_of(client, "big-1", revision="r9")).json()
    assert body["state"] == "dead_lettered"
    assert "max_record_bytes" in body["reason"]
    assert body["dead_letter"] == {"partition": 3, "offset": 0}
    # Another revision's dead letter does not make this one dead.
    assert (await status_of(client, "big-1", revision="r10")).json()["state"] == "accepted"


async def test_a_retracted_article_says_so(client: httpx.AsyncClient) -> None:
    assert (await status_of(client, "gone")).json()["state"] == "retracted"


async def test_nothing_known_is_404(client: httpx.AsyncClient) -> None:
    assert (await status_of(client, "never-seen")).status_code == 404


async def test_the_dead_letters_are_read_only_when_the_read_model_cannot_answer(
    client: httpx.AsyncClient,
) -> None:
    # Reading them means reading the dead-letter topic: built and retracted need none.
    await status_of(client, "a")
    await status_of(client, "a", revision="r1")
    await status_of(client, "gone")
    assert ASKED == []
    await status_of(client, "a", revision="r2")
    await status_of(client, "never-seen")
    assert ASKED == ["a", "never-seen"]


async def test_status_reads_beside_timeline_pages(client: httpx.AsyncClient) -> None:
    # The status route reads in a pool thread; each read takes that thread's connection,
    # not the one the timeline pages hold transactions on in the event loop's thread.
    statuses = [status_of(client, "a") for _ in range(20)]
    pages = [client.get("/v1/timeline", params={"article_id": "a"}) for _ in range(20)]
    answers = await asyncio.gather(*statuses, *pages)
    assert {answer.status_code for answer in answers} == {200}
