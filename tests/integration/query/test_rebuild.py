"""Replay projection while the API serves: a new file is built and swapped in, and every
cursor walk of the timeline, before, across and after the swap, is complete."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.generations import generations
from services.query.projector import Projector
from services.query.rebuild import Rebuilder
from services.query.store import TimelineStore
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


# Columns that say what a row holds, not when or in which order it was written.
CONTENT = """
SELECT incident_id, article_id, start_at, end_at, granularity, granularity_rank, anchor,
    sentence, mention, timex_type, timex_value, char_start, char_end, source, title,
    span_class, url, published_at, published_local, zone, search_text,
    retired_seq IS NULL
FROM incidents ORDER BY incident_id, retired_seq IS NULL
"""


def content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {
            "incidents": conn.execute(CONTENT).fetchall(),
            "articles": conn.execute("SELECT * FROM articles ORDER BY 1").fetchall(),
            "spans": conn.execute("SELECT * FROM span_classes ORDER BY 1").fetchall(),
            "retractions": conn.execute("SELECT article_id FROM retractions").fetchall(),
        }


async def test_a_rebuilt_file_holds_what_the_live_projector_wrote(
    bootstrap: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(topic_settings, producer)
    await producer.send_and_wait(topic_settings.topics.timelines, b"{not json", key=b"a5")
    live_path = topic_settings.database_path.with_name("live.sqlite3")
    store = TimelineStore(live_path)
    projector = Projector(topic_settings, bootstrap, store)
    running = asyncio.create_task(projector.run())
    try:
        await eventually(lambda: projector.state.ready, "the live projection")
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        store.close()
    report = await Rebuilder(topic_settings, bootstrap).run()
    expected = content(live_path)
    assert content(report.path) == expected
    assert len(expected["incidents"]) == ARTICLES * 3 + 1
    assert expected["retractions"] == [("a1",)]


async def test_a_rebuild_whose_writes_fail_leaves_no_file_behind(
    bootstrap: str,
    topic_settings: Settings,
    producer: AIOKafkaProducer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await fill(topic_settings, producer)

    def refuse(*_: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(TimelineStore, "apply_batches", refuse)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        await Rebuilder(topic_settings, bootstrap).run()
    served = topic_settings.database_path
    assert generations(served) == []
    assert not served.exists()
