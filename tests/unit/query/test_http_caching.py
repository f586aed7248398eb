"""What the query API does for browsers and caches: ETag/304, gzip, CORS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.settings import Settings
from services.query.etags import matches
from services.query.store import TimelineStore
from tests.unit.query.apps import api_client
from tests.unit.query.factories import timeline

ORIGIN = "https://news.example"


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3", cors_origins=[ORIGIN])
    changes = [timeline("a", [(day, day + 1) for day in range(12)])]
    async with api_client(settings, changes) as http:
        yield http


async def test_unchanged_timeline_answers_304_then_200_after_a_change(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    first = await client.get("/v1/timeline")
    etag = first.headers["etag"]
    again = await client.get("/v1/timeline", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    other_page = await client.get("/v1/timeline?limit=1", headers={"If-None-Match": etag})
    assert other_page.status_code == 200
    writer = TimelineStore(tmp_path / "q.sqlite3")
    writer.apply("timelines", 0, [(99, timeline("c", [(40, 41)]))])
    writer.close()
    changed = await client.get("/v1/timeline", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('W/"abc"', True),
        ('"abc"', True),
        ('"x", W/"abc"', True),
        ("*", True),
        ('"abd"', False),
        ("", False),
        (None, False),
    ],
)
def test_if_none_match_uses_weak_comparison(header: str | None, expected: bool) -> None:
    assert matches(header, 'W/"abc"') is expected


async def test_timeline_is_gzipped_when_asked(client: httpx.AsyncClient) -> None:
    zipped = await client.get("/v1/timeline", headers={"Accept-Encoding": "gzip"})
    plain = await client.get("/v1/timeline", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.json() == plain.json()
    assert int(zipped.headers["content-length"]) < len(plain.content) / 3


async def test_cors_answers_allowed_origins_only(client: httpx.AsyncClient) -> None:
    allowed = await client.get("/v1/timeline", headers={"Origin": ORIGIN})
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    exposed = allowed.headers["access-control-expose-headers"].lower()
    assert {"etag", "x-request-id"} <= {h.strip() for h in exposed.split(",")}
    other = await client.get("/v1/timeline", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = await client.options(
        "/v1/timeline",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert preflight.status_code == 200


def test_cors_origins_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSTIMELINE_CORS_ORIGINS", "https://a.example, http://localhost:3000")
    assert Settings().cors_origins == ["https://a.example", "http://localhost:3000"]
    monkeypatch.setenv("NEWSTIMELINE_CORS_ORIGINS", '["https://b.example"]')
    assert Settings().cors_origins == ["https://b.example"]
