"""Search that finds: stems per language, prefixes, OR, phrases, repeated filters, and
422s naming the field for a q with no word and a window that ends before it starts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.settings import Settings
from services.query.reads import Reader
from services.query.search import Term, fts_query, index_text, parse
from services.query.selection import TimelineFilter
from services.query.store import TimelineStore
from tests.unit.query.apps import api_client
from tests.unit.query.story_factories import article
from tests.unit.query.versions import downgrade_to_version_6

STORIES = [
    article("en-tunnel", 1, ["Engineers inspected the tunnel under the river."], source="Wire"),
    article("en-bridge", 2, ["The old bridge collapsed during the storm."], source="Daily"),
    article("de-haus", 3, ["Die Häuser am Fluss wurden geräumt."], source="Kurier", language="de"),
    article(
        "de-tunnel",
        4,
        ["Arbeiter bauten neue Tunneln unter der Stadt."],
        source="kurier",
        language="de",
    ),
    article("fr-pont", 5, ["Les ponts de la ville ont été fermés."], source="Matin", language="fr"),
]
# Titles without the ids' words, so that a match comes from the text.
ARTICLES = [a.model_copy(update={"title": f"Report {n}"}) for n, a in enumerate(STORIES)]


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    async with api_client(settings, ARTICLES) as http:
        yield http


async def found(client: httpx.AsyncClient, **params: str | list[str]) -> set[str]:
    response = await client.get("/v1/timeline", params=params)
    assert response.status_code == 200, response.text
    return {i["article_id"] for i in response.json()["items"]}


def test_queries_parse_into_groups_of_alternatives() -> None:
    assert parse('tunnel OR bridge "old bridge" tunn* !!!') == [
        [Term(("tunnel",)), Term(("bridge",))],
        [Term(("old", "bridge"))],
        [Term(("tunn",), prefix=True)],
    ]
    assert parse("!!! ... OR") == []
    # Whatever is typed, FTS5 sees only quoted strings and the operators built here.
    assert fts_query('x" OR NEAR(a b) -y') == '("x" OR "near a") AND "b" AND "y"'


def test_rows_of_languages_with_a_stemmer_carry_the_stems_beside_the_words() -> None:
    assert index_text("de", "Die Häuser") == "Die Häuser\ndie haus"
    assert index_text("en", "The tunnels", None, "Title") == "The tunnels\nTitle"


async def test_english_words_match_in_any_inflection(client: httpx.AsyncClient) -> None:
    assert await found(client, q="tunnels") >= {"en-tunnel"}
    assert await found(client, q="inspecting") == {"en-tunnel"}
    assert await found(client, q="collapse") == {"en-bridge"}


async def test_german_words_match_in_any_inflection(client: httpx.AsyncClient) -> None:
    assert await found(client, q="Haus") == {"de-haus"}
    assert await found(client, q="Tunnel") == {"de-tunnel", "en-tunnel"}
    assert await found(client, q="Flüsse") == {"de-haus"}
    assert await found(client, q="Städte") == {"de-tunnel"}


async def test_french_words_match_in_any_inflection(client: httpx.AsyncClient) -> None:
    assert await found(client, q="pont") == {"fr-pont"}


async def test_prefix_or_and_phrase(client: httpx.AsyncClient) -> None:
    assert await found(client, q="tunn*") == {"en-tunnel", "de-tunnel"}
    assert await found(client, q="bridge OR Häuser") == {"en-bridge", "de-haus"}
    assert await found(client, q="tunnel OR bridge river") == {"en-tunnel"}
    assert await found(client, q='"old bridge"') == {"en-bridge"}
    assert await found(client, q='"bridge old"') == set()


async def test_repeated_filters_mean_any_and_source_ignores_case(
    client: httpx.AsyncClient,
) -> None:
    assert await found(client, source=["wire", "DAILY"]) == {"en-tunnel", "en-bridge"}
    assert await found(client, source="KURIER") == {"de-haus", "de-tunnel"}
    assert await found(client, article_id=["en-tunnel", "fr-pont"]) == {"en-tunnel", "fr-pont"}
    assert await found(client, language=["de", "fr"]) == {"de-haus", "de-tunnel", "fr-pont"}


async def test_repeated_values_in_any_order_page_alike(client: httpx.AsyncClient) -> None:
    one = await client.get("/v1/timeline", params={"source": ["wire", "daily"], "limit": 1})
    cursor = one.json()["next_cursor"]
    other = await client.get(
        "/v1/timeline", params={"source": ["daily", "wire"], "limit": 1, "cursor": cursor}
    )
    assert other.status_code == 200, other.text


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "!!!"}, "q"),
        ({"q": "OR"}, "q"),
        ({"from": "2024-02-01T00:00:00Z", "to": "2024-01-01T00:00:00Z"}, "from"),
        ({"language": "german"}, "language"),
    ],
)
async def test_bad_searches_are_422s_naming_the_field(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    for path in ("/v1/timeline", "/v1/stories/timeline", "/v1/timeline.timelinejs"):
        response = await client.get(path, params=params)
        assert response.status_code == 422, (path, response.text)
        assert response.json()["detail"][0]["loc"][:2] == ["query", field]


async def test_openapi_documents_the_search_syntax(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    params = {p["name"]: p for p in spec["paths"]["/v1/timeline"]["get"]["parameters"]}
    described = params["q"]["description"]
    for piece in ("OR", "tunn*", "phrase", "porter", "Snowball"):
        assert piece in described
    assert params["source"]["schema"]["anyOf"][0]["type"] == "array"


def test_a_version_6_read_model_gets_the_stemmed_index_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite3"
    store = TimelineStore(path)
    store.apply("t", 0, list(enumerate(ARTICLES)))
    store.close()
    downgrade_to_version_6(path)
    migrated = TimelineStore(path)
    assert migrated.offsets("t") == {0: len(ARTICLES)}
    reader = Reader(path)
    assert ids(reader, "tunnels") == {"en-tunnel"}  # English stems at once (porter)
    # Snowball stems come with the next projection of the article.
    assert ids(reader, "Tunnel") == {"en-tunnel"}
    edited = ARTICLES[3].model_copy(update={"revision": "r2", "title": "Neue Tunneln"})
    migrated.apply("t", 0, [(len(ARTICLES), edited)])
    migrated.index_text()
    assert ids(reader, "Tunnel") == {"en-tunnel", "de-tunnel"}


def ids(reader: Reader, q: str) -> set[str]:
    return {i["article_id"] for i in reader.page(TimelineFilter(q=q), 10, None).items}
