"""One clock everywhere: each article's own by default, the reader's with tz=."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.platform.settings import Settings
from services.timeline.events import ArticleSubmitted
from services.timeline.incidents import build_timeline
from tests.clock_articles import ARTICLES, LOCAL_DAYS
from tests.unit.query.apps import api_client


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    changes = [build_timeline(ArticleSubmitted(revision="r1", **a)) for a in ARTICLES]
    async with api_client(settings, changes) as http:
        yield http


async def get_json(client: httpx.AsyncClient, path: str, **params: str) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_published_at_keeps_the_articles_offset_and_names_its_clock(
    client: httpx.AsyncClient,
) -> None:
    delhi = await get_json(client, "/v1/articles/clock-delhi")
    assert (delhi["published_at"], delhi["timezone"]) == ("2026-11-20T01:30:00+05:30", "+05:30")
    nyc = await get_json(client, "/v1/articles/clock-nyc")
    assert (nyc["published_at"], nyc["timezone"]) == (
        "2026-11-20T09:15:00-05:00",
        "America/New_York",
    )
    page = await get_json(client, "/v1/timeline", article_id="clock-baires")
    assert {(i["published_at"], i["timezone"]) for i in page["items"]} == {
        ("2026-12-03T22:10:00-03:00", "-03:00")
    }
    # Intervals stay UTC and end-exclusive: "hoy" at -03:00 is [03:00Z, 03:00Z next day).
    hoy = next(i for i in page["items"] if i["mention"] == "hoy")
    assert (hoy["start"], hoy["end"]) == ("2026-12-03T03:00:00Z", "2026-12-04T03:00:00Z")


async def test_tz_shows_publication_times_in_the_readers_zone(client: httpx.AsyncClient) -> None:
    baires = await get_json(client, "/v1/articles/clock-baires", tz="UTC")
    assert baires["published_at"] == "2026-12-04T01:10:00Z"
    assert baires["timezone"] == "-03:00"  # still the article's own clock
    page = await get_json(client, "/v1/timeline", article_id="clock-delhi", tz="Europe/Berlin")
    assert {i["published_at"] for i in page["items"]} == {"2026-11-19T21:00:00+01:00"}
    one = page["items"][0]
    again = await get_json(client, f"/v1/incidents/{one['incident_id']}", tz="Asia/Tokyo")
    assert again["published_at"] == "2026-11-20T05:00:00+09:00"


@pytest.mark.parametrize(
    "path", ["/v1/timeline", "/v1/timeline.timelinejs", "/v1/stories/timeline"]
)
async def test_an_unknown_zone_is_a_422_naming_tz(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, params={"tz": "Mars/Olympus"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "tz"]


def slides(doc: dict[str, Any], article_title: str) -> dict[str | None, dict[str, Any]]:
    """The article's slides by mention (None: the publication), from the credit line."""
    found: dict[str | None, dict[str, Any]] = {}
    for event in doc["events"]:
        text = event["text"]["text"]
        if article_title not in text:
            continue
        mention = text.split("<strong>")[1].split("</strong>")[0] if "<strong>" in text else None
        found[mention] = event
    return found


async def test_timelinejs_dates_are_inclusive_and_in_the_articles_clock(
    client: httpx.AsyncClient,
) -> None:
    doc = await get_json(client, "/v1/timeline.timelinejs")
    baires = slides(doc, "El gobierno presenta")
    # A day is one day, not two: no end_date.
    assert baires["hoy"]["start_date"] == {"year": 2026, "month": 12, "day": 3}
    assert "end_date" not in baires["hoy"]
    assert baires[None]["start_date"] == {
        "year": 2026,
        "month": 12,
        "day": 3,
        "hour": 22,
        "minute": 10,
    }
    assert "end_date" not in baires["marzo"]  # a month is one month
    assert baires["marzo"]["start_date"] == {"year": 2027, "month": 3}
    nyc = slides(doc, "Storm reaches")
    assert nyc["6 a.m. today"]["start_date"] == {
        "year": 2026,
        "month": 11,
        "day": 20,
        "hour": 6,
        "minute": 0,
    }
    decade = nyc["the 1960s"]
    assert (decade["start_date"], decade["end_date"]) == ({"year": 1960}, {"year": 1969})
    # Headlines say what happened, not the bare mention.
    assert decade["text"]["headline"].startswith("Power was restored")
    assert nyc[None]["text"]["headline"] == "Storm reaches the coast"
    delhi = slides(doc, "Metro line opens")
    assert delhi["yesterday"]["start_date"] == {"year": 2026, "month": 11, "day": 19}
    assert delhi[None]["start_date"]["day"] == 20


async def test_timelinejs_with_tz_moves_clock_times_not_named_days(
    client: httpx.AsyncClient,
) -> None:
    doc = await get_json(client, "/v1/timeline.timelinejs", tz="UTC")
    nyc = slides(doc, "Storm reaches")
    assert nyc["6 a.m. today"]["start_date"]["hour"] == 11
    baires = slides(doc, "El gobierno presenta")
    assert baires[None]["start_date"]["day"] == 4  # published at 01:10Z on Dec 4
    assert baires["hoy"]["start_date"]["day"] == 3  # the day the article names stays


async def story_days(client: httpx.AsyncClient, **params: str) -> dict[str, set[str]]:
    body = await get_json(client, "/v1/stories/timeline", dates="50", **params)
    days: dict[str, set[str]] = {}
    for found in body["dates"]:
        assert found["summary"], found  # every day chosen says what happened
        for source in found["sources"]:
            days.setdefault(source["article_id"], set()).add(found["date"])
    return days


async def test_story_days_are_the_articles_calendar_days(client: httpx.AsyncClient) -> None:
    days = await story_days(client)
    for article_id, expected in LOCAL_DAYS.items():
        assert days[article_id] == set(expected), article_id


async def test_story_days_with_tz_put_publications_on_the_readers_days(
    client: httpx.AsyncClient,
) -> None:
    days = await story_days(client, tz="UTC")
    assert days["clock-baires"] == {"2026-12-03", "2026-12-04"}
    assert days["clock-delhi"] == {"2026-11-19"}
