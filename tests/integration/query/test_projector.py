"""The projector against the real broker: replace, tombstone, and exact resume."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.projector import Projector
from services.query.reads import Reader
from services.query.selection import TimelineFilter
from services.query.store import TimelineStore
from tests.integration.query.serving import in_process, is_ready
from tests.polling import eventually
from tests.unit.query.factories import timeline


def live(path: Path) -> dict[str, set[str]]:
    """Article id -> revisions of its live incidents, as stored."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT article_id, incident_id FROM incidents WHERE retired_seq IS NULL"
        ).fetchall()
    found: dict[str, set[str]] = {}
    for article_id, incident_id in rows:
        found.setdefault(article_id, set()).add(incident_id)
    return found


def searched(path: Path) -> set[str]:
    """Articles whose live incidents a search for the factories' sentence finds."""
    page = Reader(path).page(TimelineFilter(q="happened"), 50, None)
    return {item["article_id"] for item in page.items}


def stored_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM incidents").fetchone()[0])


async def test_projects_replaces_retracts_and_resumes_exactly(
    bootstrap: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    topic, path = topic_settings.topics.timelines, topic_settings.database_path
    first = {a: timeline(a, [(n, n + 1), (n, n + 2)]) for n, a in enumerate("abc")}
    for tl in first.values():
        await producer.send_and_wait(
            topic, tl.model_dump_json().encode(), key=tl.article_id.encode()
        )
    await producer.send_and_wait(topic, b"{not json", key=b"a")

    store = TimelineStore(path)
    projector = Projector(topic_settings, bootstrap, store)
    task = asyncio.create_task(projector.run())
    try:
        await eventually(lambda: projector.state.ready, "catch-up")
        assert {a: len(ids) for a, ids in live(path).items()} == {"a": 2, "b": 2, "c": 2}
        assert projector.state.skipped == 1

        newer = timeline("a", [(9, 10)], revision="r2")
        await producer.send_and_wait(topic, newer.model_dump_json().encode(), key=b"a")
        await producer.send_and_wait(topic, None, key=b"b")
        expected = {
            "a": {newer.incidents[0].incident_id},
            "c": {i.incident_id for i in first["c"].incidents},
        }
        await eventually(lambda: live(path) == expected, "replace and tombstone")
        # The full-text index follows the rows in its own transactions, and catches up.
        await eventually(
            lambda: projector.state.text_pending == 0 and searched(path) == {"a", "c"},
            "the full-text index following the rows",
        )
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        store.close()
    rows_before = stored_rows(path)

    late = timeline("d", [(20, 21)])
    await producer.send_and_wait(topic, late.model_dump_json().encode(), key=b"d")
    await restart_through_the_app(topic_settings, bootstrap)
    assert live(path) == expected | {"d": {late.incidents[0].incident_id}}
    assert stored_rows(path) == rows_before + 1  # nothing applied twice


async def restart_through_the_app(settings: Settings, bootstrap: str) -> None:
    """Run the app (projector in its lifespan) until /readyz says it has caught up."""
    app = create_app(settings, bootstrap=bootstrap)
    async with in_process(app) as http:
        await eventually(lambda: is_ready(http), "readiness after restart")
        items = (await http.get("/v1/timeline", params={"article_id": "d"})).json()
        assert len(items["items"]) == 1
