"""Replay projection while the API serves: a new file is built and swapped in, and every
cursor walk of the timeline, before, across and after the swap, is complete."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.generations import generations
from services.query.rebuild import Rebuilder
from tests.integration.query.serving import in_process, is_ready
from tests.polling import eventually
from tests.unit.query.factories import timeline

ARTICLES = 40


async def fill(settings: Settings, producer: AIOKafkaProducer) -> None:
    """40 articles of 3 incidents, a second revision of one, a tombstone for another."""
    topic = settings.topics.timelines
    for n in range(ARTICLES):
        tl = timeline(f"a{n}", [(n, n + 1), (n, n + 3), (n + 1, n + 2)])
        await producer.send(topic, tl.model_dump_json().encode(), key=tl.article_id.encode())
    newer = timeline("a0", [(90, 91)], revision="r2")
    await producer.send(topic, newer.model_dump_json().encode(), key=b"a0")
    await producer.send_and_wait(topic, None, key=b"a1")


async def walk(http: httpx.AsyncClient) -> list[str]:
    """Every incident id of the timeline, three a page, following the cursors."""
    ids: list[str] = []
    cursor: str | None = None
    while True:
        params = {"limit": "3", **({"cursor": cursor} if cursor else {})}
        reply = await http.get("/v1/timeline", params=params)
        assert reply.status_code == 200, reply.text
        body = reply.json()
        ids += [item["incident_id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            return ids
        await asyncio.sleep(0)  # the in-process transport never waits: let the rest run


async def test_rebuild_swaps_in_while_every_page_walk_stays_complete(
    bootstrap: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(topic_settings, producer)
    served = topic_settings.database_path
    app = create_app(topic_settings, bootstrap=bootstrap)
    async with in_process(app) as http:
        await eventually(lambda: is_ready(http), "the first projection")
        expected = sorted(await walk(http))
        assert len(expected) == (ARTICLES - 2) * 3 + 1
        walks: list[tuple[Path, list[str], Path]] = []
        stop = asyncio.Event()

        async def keep_walking() -> None:
            while not stop.is_set():
                before = served.resolve()
                ids = await walk(http)
                walks.append((before, ids, served.resolve()))

        walker = asyncio.create_task(keep_walking())
        try:
            report = await Rebuilder(topic_settings, bootstrap).run()
            store = app.state.query.projector.store
            await eventually(lambda: store.opened == report.path, "the service to switch")
            seen = len(walks)
            await eventually(lambda: len(walks) > seen + 2, "walks after the switch")
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await walker
        await eventually(lambda: is_ready(http), "readiness on the new file")

    assert report.incidents == ARTICLES * 3 + 1
    assert report.retractions == 1
    assert served.is_symlink()
    assert served.resolve() == report.path
    assert [sorted(ids) for _, ids, _ in walks] == [expected] * len(walks)
    assert any(a != b for a, _, b in walks), "no walk crossed the swap"
    assert generations(served) == [report.path]
    assert not served.with_name(served.name + "-wal").exists()  # the plain file's log
