"""Timeline items carry their article's url, publication time, title and source, in every
answer that holds items, and a read model of the previous schema is migrated in place."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.settings import Settings
from services.query.reads import Reader
from services.query.schema import SCHEMA_VERSION, connect
from services.query.selection import TimelineFilter
from services.query.store import Retraction, TimelineStore
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline
from tests.unit.query.versions import downgrade_to_version_2, downgrade_to_version_4

URL = "https://example.org/news/siege"
ARTICLE_FIELDS = {
    "url": URL,
    "published_at": "2024-01-01T00:00:00Z",
    "title": "Siege ends",
    "source": "wire",
}


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    changes = [
        timeline("a", [(0, 1)], url=URL, title="Siege ends", source="wire"),
        timeline("b", [(2, 3)], title="No link", source="daily"),
    ]
    async with api_client(settings, changes) as http:
        yield http


def article_fields(item: dict[str, object]) -> dict[str, object]:
    return {name: item[name] for name in ARTICLE_FIELDS}


async def test_timeline_items_carry_the_article(client: httpx.AsyncClient) -> None:
    items = (await client.get("/v1/timeline")).json()["items"]
    assert article_fields(items[0]) == ARTICLE_FIELDS
    assert items[1]["url"] is None
    assert items[1]["published_at"] == "2024-01-01T00:00:00Z"


async def test_incident_article_and_timelinejs_carry_the_link(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/timeline")).json()["items"][0]
    single = (await client.get(f"/v1/incidents/{first['incident_id']}")).json()
    assert single == first
    article = (await client.get("/v1/articles/a")).json()
    assert article_fields(article["incidents"][0]) == ARTICLE_FIELDS
    doc = (await client.get("/v1/timeline.timelinejs")).json()
    assert f'<a href="{URL}">' in doc["events"][0]["text"]["text"]
    assert "<a " not in doc["events"][1]["text"]["text"]


async def test_openapi_documents_the_new_fields(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    incident = spec["components"]["schemas"]["IncidentOut"]
    assert {"url", "published_at", "title", "source"} <= set(incident["required"])
    assert incident["properties"]["published_at"]["type"] == "string"
    assert {t["type"] for t in incident["properties"]["url"]["anyOf"]} == {"string", "null"}
    example = incident["examples"][0]
    assert set(example) == set(incident["properties"])


def test_a_version_2_read_model_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = TimelineStore(path)
    store.apply("t", 0, [(0, timeline("a", url=URL)), (1, timeline("gone", [(4, 5)]))])
    store.apply("t", 0, [(2, Retraction("gone"))])
    store.close()
    downgrade_to_version_2(path)

    migrated = TimelineStore(path)
    assert migrated.offsets("t") == {0: 3}  # kept: nothing is projected again
    page = Reader(path).page(TimelineFilter(), 10, None)
    assert [(i["article_id"], i["url"], i["published_at"]) for i in page.items] == [
        ("a", URL, "2024-01-01T00:00:00Z")
    ]
    conn = connect(str(path), readonly=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # The retracted article's retired rows could not be given its fields: purged, so old
    # cursors that needed them expire instead of reading rows without them.
    assert (
        conn.execute("SELECT count(*) FROM incidents WHERE published_at IS NULL").fetchone()[0] == 0
    )
    purged = conn.execute("SELECT value FROM meta WHERE key = 'purged_through'").fetchone()
    assert purged is not None
    assert purged[0] > 0


def test_an_unknown_version_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "older.sqlite3"
    store = TimelineStore(path)
    store.apply("t", 0, [(0, timeline("a"))])
    store.close()
    conn = connect(str(path))
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert TimelineStore(path).offsets("t") == {}


def test_a_version_4_read_model_gets_the_clock_columns_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    store = TimelineStore(path)
    store.apply("t", 0, [(0, timeline("a", url=URL))])
    store.close()
    downgrade_to_version_4(path)
    migrated = TimelineStore(path)
    assert migrated.offsets("t") == {0: 1}
    page = Reader(path).page(TimelineFilter(), 10, None)
    assert [(i["published_at"], i["timezone"]) for i in page.items] == [
        ("2024-01-01T00:00:00Z", "UTC")
    ]
