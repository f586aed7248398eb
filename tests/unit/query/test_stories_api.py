"""GET /v1/stories/timeline over a store filled directly (no Kafka)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.settings import Settings
from tests.unit.query.apps import api_client
from tests.unit.query.story_factories import article

URL = "/v1/stories/timeline"
WIRE = "Rescuers pulled survivors from the rubble of the collapsed hotel on Tuesday."
COPY = "Rescuers pulled survivors from the rubble of the collapsed hotel on Tuesday night."
OTHER = "The government declared three days of national mourning for the victims."


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    # Published over several days, as reports are: six articles out on one day would make
    # that day a burst of publication stronger than the day three of them name.
    changes = [
        article("a", 3, [WIRE], published_day=10),
        article("b", 3, [COPY], source="agency", published_day=11),
        article("c", 3, [OTHER], published_day=12),
        article(
            "d",
            1,
            ["The earthquake of magnitude seven struck the capital in the afternoon."],
            published_day=13,
        ),
        article(
            "e",
            7,
            ["Aid flights began landing at the damaged airport of the capital."],
            published_day=14,
        ),
        article(
            "f",
            7,
            ["Le premier vol d'aide a atterri à l'aéroport de la capitale."],
            language="fr",
            published_day=15,
        ),
    ]
    async with api_client(Settings(database_path=tmp_path / "q.sqlite3"), changes) as http:
        yield http


async def test_dates_are_ordered_with_summaries_and_sources(client: httpx.AsyncClient) -> None:
    answer = await client.get(URL, params={"dates": 3})
    assert answer.status_code == 200
    dates = answer.json()["dates"]
    days = [d["date"] for d in dates]
    assert days == sorted(days)
    day3 = next(d for d in dates if d["date"] == "2024-01-04")
    assert day3["articles"] == 3
    assert len(day3["summary"]) == 1
    assert {s["article_id"] for s in day3["sources"]} == {"a", "b", "c"}
    assert {s["url"] for s in day3["sources"]} == {f"https://example.org/{a}" for a in "abc"}
    assert set(day3["incidents"]) == {"a-0", "b-0", "c-0"}


async def test_dates_and_per_date_limit_the_answer(client: httpx.AsyncClient) -> None:
    one = (await client.get(URL, params={"dates": 1})).json()["dates"]
    assert [d["date"] for d in one] == ["2024-01-04"]  # three articles name it
    many = (await client.get(URL, params={"dates": 1, "per_date": 3})).json()["dates"]
    assert 1 < len(many[0]["summary"]) <= 3


async def test_near_duplicates_are_dropped(client: httpx.AsyncClient) -> None:
    (day,) = (await client.get(URL, params={"dates": 1, "per_date": 3})).json()["dates"]
    assert OTHER in day["summary"]
    assert len({WIRE, COPY} & set(day["summary"])) == 1


async def test_filters_are_those_of_the_timeline(client: httpx.AsyncClient) -> None:
    agency = (await client.get(URL, params={"source": "agency"})).json()["dates"]
    assert {s["source"] for d in agency for s in d["sources"]} == {"agency"}
    quake = (await client.get(URL, params={"q": "earthquake"})).json()["dates"]
    assert [d["date"] for d in quake] == ["2024-01-02"]
    window = {"from": "2024-01-05T00:00:00Z", "to": "2024-01-09T00:00:00Z"}
    late = (await client.get(URL, params=window)).json()["dates"]
    assert [d["date"] for d in late] == ["2024-01-08"]
    french = (await client.get(URL, params={"language": "fr", **window})).json()["dates"]
    assert [s["article_id"] for d in french for s in d["sources"]] == ["f"]


async def test_same_request_same_bytes(client: httpx.AsyncClient) -> None:
    first = await client.get(f"{URL}?dates=4&per_date=2")
    computed_again = await client.get(f"{URL}?per_date=2&dates=4")  # another cache key
    assert first.content == computed_again.content


async def test_answer_is_gzipped_when_the_client_accepts_it(client: httpx.AsyncClient) -> None:
    plain = await client.get(URL, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    packed = await client.get(URL, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    assert packed.content == plain.content  # httpx decodes it
    again = await client.get(URL, headers={"Accept-Encoding": "gzip"})  # from the cache
    assert again.content == plain.content


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"dates": 0}, "dates"),
        ({"dates": 367}, "dates"),
        ({"per_date": 0}, "per_date"),
        ({"per_date": 11}, "per_date"),
        ({"language": "french"}, "language"),
        ({"from": "yesterday"}, "from"),
        ({"dates": "many"}, "dates"),
    ],
)
async def test_bad_parameters_are_422_naming_the_field(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    answer = await client.get(URL, params=params)
    assert answer.status_code == 422
    assert any(field in problem["loc"] for problem in answer.json()["detail"])


async def test_openapi_documents_the_route_with_an_example(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    operation = spec["paths"][URL]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "source", "from", "to", "language", "dates", "per_date"} <= names
    assert spec["components"]["schemas"]["StoryTimelineOut"]["examples"]
