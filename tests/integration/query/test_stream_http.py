"""The SSE stream over real HTTP: resume with Last-Event-ID, then live changes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.store import TimelineStore
from tests.integration.query.serving import served
from tests.unit.query.factories import timeline

TOPIC = "timelines"


async def sse_events(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, str]]:
    event: dict[str, str] = {}
    async for line in lines:
        if not line.strip():
            if "data" in event:
                yield event
            event = {}
            continue
        name, _, value = line.partition(":")
        event[name] = value.strip()


async def test_stream_resumes_then_follows(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "q.sqlite3")
    store = TimelineStore(settings.database_path)
    store.apply(TOPIC, 0, [(0, timeline("a")), (1, timeline("b"))])
    async with (
        served(create_app(settings)) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as http,
        http.stream("GET", "/v1/timeline/stream", headers={"Last-Event-ID": "2"}) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        # httpx asks for gzip; events must still arrive one by one, so none is applied.
        assert "content-encoding" not in response.headers
        received = sse_events(response.aiter_lines())
        first = await asyncio.wait_for(anext(received), 30)
        assert (first["event"], first["id"]) == ("incident", "4")
        assert json.loads(first["data"])["article_id"] == "b"
        # A write by another process (this test's store) reaches the stream too.
        store.apply(TOPIC, 0, [(2, timeline("b", [(7, 8)], revision="r2"))])
        retract = await asyncio.wait_for(anext(received), 30)
        added = await asyncio.wait_for(anext(received), 30)
    assert (retract["event"], retract["id"], added["event"]) == ("retract", "5", "incident")
    store.close()
