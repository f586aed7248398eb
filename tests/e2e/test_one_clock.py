"""One clock on every surface, through the whole pipeline: three articles on three clocks
(+05:30, -03:00 and America/New_York) each show the same local days in the article API,
the timeline, the TimelineJS export and the story timeline."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.platform.ops.processes import Stack
from tests.clock_articles import ARTICLES, LOCAL_DAYS
from tests.e2e.polling import published_timeline


def get(url: str, **params: str) -> Any:
    reply = httpx.get(url, params=params, timeout=10)
    assert reply.status_code == 200, reply.text
    return reply.json()


def slide_day(event: dict[str, Any]) -> str:
    date = event["start_date"]
    return f"{date['year']:04d}-{date['month']:02d}-{date['day']:02d}"


@pytest.fixture(scope="module")
def built(pipeline: Stack) -> Stack:
    for payload in ARTICLES:
        reply = httpx.post(f"{pipeline.ingest_url}/v1/articles", json=payload, timeout=30)
        assert reply.status_code == 202, reply.text
    for payload in ARTICLES:
        published_timeline(pipeline.query_url, payload["article_id"])
    return pipeline


@pytest.mark.parametrize("payload", ARTICLES, ids=[a["article_id"] for a in ARTICLES])
def test_every_surface_shows_the_articles_own_days(built: Stack, payload: dict[str, Any]) -> None:
    article_id = payload["article_id"]
    published_day, named_day = LOCAL_DAYS[article_id]
    found = get(f"{built.query_url}/v1/articles/{article_id}")
    assert found["published_at"] == payload["published_at"]
    assert found["timezone"] == payload.get("timezone", payload["published_at"][-6:])
    assert found["published_at"][:10] == published_day

    items = get(f"{built.query_url}/v1/timeline", article_id=article_id)["items"]
    assert {i["published_at"] for i in items} == {payload["published_at"]}

    events = get(f"{built.query_url}/v1/timeline.timelinejs", article_id=article_id)["events"]
    by_headline = {e["text"]["headline"]: e for e in events}
    assert slide_day(by_headline[payload["title"]]) == published_day
    first_sentence = payload["body"].split(". ")[0]
    named = next(e for h, e in by_headline.items() if h.startswith(first_sentence[:40]))
    assert slide_day(named) == named_day
    assert "end_date" not in named  # a day is one day

    story = get(f"{built.query_url}/v1/stories/timeline", article_id=article_id, dates="20")
    assert {d["date"] for d in story["dates"]} == {published_day, named_day}
    assert all(d["summary"] for d in story["dates"])
