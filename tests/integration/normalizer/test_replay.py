"""Replay normalize on the real broker, with the projector running beside it."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from services.ingest.publisher import ArticlePublisher
from services.normalizer.processing import Publish, decide, event_type
from services.normalizer.replay import Replayer, Scope, current_timelines
from services.platform.kafka.topic_reader import read_topic
from services.platform.settings import Settings, TopicSettings
from services.query.projector import Projector
from services.query.store import Retraction, TimelineStore
from services.timeline import incidents
from services.timeline.events import ArticleTimeline
from tests.articles import article
from tests.kafka_helpers import new_topics, topic_size
from tests.polling import eventually

BODIES = [
    "Talks began on December 1 and ended two days later.",
    "The port closed on Friday.",
    "Shops reopened in 2014, a year after the fire.",
    "The council voted yesterday.",
    "Prices rose over the past year.",
]


@pytest.fixture
async def settings(bootstrap: str, tmp_path: Path) -> Settings:
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        topics=TopicSettings(articles=f"rp.{run}.articles", timelines=f"rp.{run}.timelines"),
        database_path=tmp_path / "q.sqlite3",
        projector_group=f"rp-{run}",
    )
    await new_topics(bootstrap, (settings.topics.articles, 2), (settings.topics.timelines, 2))
    return settings


async def submit_all(settings: Settings, producer: AIOKafkaProducer) -> None:
    """Five articles through ingest's publisher; one gets a second revision, one is
    retracted."""
    publisher = ArticlePublisher(lambda: producer, settings.topics.articles)
    for n, body in enumerate(BODIES):
        await publisher.publish(article(f"art-{n}", body=body))
    await publisher.publish(article("art-0", revision="r2", body="Talks began on December 3."))
    await publisher.retract("art-4", "withdrawn")


async def work(settings: Settings, bootstrap: str, producer: AIOKafkaProducer) -> list[Publish]:
    """What the worker does, in log order: every article event becomes its record."""
    built = await work_offline(settings, bootstrap)
    for outcome in built:
        await producer.send_and_wait(
            settings.topics.timelines, outcome.value, key=outcome.key, headers=outcome.headers
        )
    return built


def read_model(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Articles and live incidents, without the store's own sequence numbers."""
    with sqlite3.connect(path) as conn:
        articles = conn.execute(
            "SELECT article_id, revision, normalizer_version FROM articles ORDER BY 1"
        ).fetchall()
        live = conn.execute(
            "SELECT incident_id, article_id, start_at, end_at, granularity, anchor, sentence, "
            "mention, timex_value FROM incidents WHERE retired_seq IS NULL ORDER BY 1"
        ).fetchall()
    return articles, live


def fresh_build(path: Path, built: list[Publish]) -> None:
    """Every article's last record, applied to an empty store without Kafka."""
    last = {outcome.article_id: outcome for outcome in built}
    store = TimelineStore(path)
    changes = [
        (n, ArticleTimeline.model_validate_json(o.value) if o.value else Retraction(o.article_id))
        for n, o in enumerate(last.values())
    ]
    store.apply("fresh", 0, changes)
    store.close()


async def test_replay_after_a_normalizer_upgrade_republishes_each_timeline_once(
    bootstrap: str,
    settings: Settings,
    producer: AIOKafkaProducer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await submit_all(settings, producer)
    await work(settings, bootstrap, producer)
    store = TimelineStore(settings.database_path)
    projector = Projector(settings, bootstrap, store)
    task = asyncio.create_task(projector.run())
    try:
        await eventually(lambda: projector.state.ready, "the first projection")
        assert [a for a, _, _ in read_model(settings.database_path)[0]] == [
            "art-0", "art-1", "art-2", "art-3",
        ]  # fmt: skip
        unchanged = await Replayer(settings, bootstrap, producer).run(Scope())
        assert (len(unchanged.changed), unchanged.unchanged, unchanged.failed) == (0, 5, [])

        monkeypatch.setattr(incidents, "NORMALIZER_VERSION", "9.9.9-replay-test")
        size = await topic_size(bootstrap, settings.topics.timelines)
        one = await Replayer(settings, bootstrap, None).run(Scope(article="art-1"))
        assert [c.article_id for c in one.changed] == ["art-1"]
        dry = await Replayer(settings, bootstrap, None).run(Scope())
        assert sorted(c.article_id for c in dry.changed) == ["art-0", "art-1", "art-2", "art-3"]
        assert dry.published == 0
        assert await topic_size(bootstrap, settings.topics.timelines) == size

        done = await Replayer(settings, bootstrap, producer).run(Scope())
        assert (done.read, done.published, done.unchanged, done.caught_up) == (7, 4, 1, 0)
        assert await topic_size(bootstrap, settings.topics.timelines) == size + 4
        again = await Replayer(settings, bootstrap, producer).run(Scope())
        assert (again.published, again.unchanged) == (0, 5)

        def upgraded() -> bool:
            return {v for _, _, v in read_model(settings.database_path)[0]} == {"9.9.9-replay-test"}

        await eventually(upgraded, "the replayed timelines in the read model")
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        store.close()
    fresh_build(tmp_path / "fresh.sqlite3", await work_offline(settings, bootstrap))
    assert read_model(settings.database_path) == read_model(tmp_path / "fresh.sqlite3")
    current = await current_timelines(settings, bootstrap, "art-4")
    assert current == {"art-4": None}  # still retracted


async def work_offline(settings: Settings, bootstrap: str) -> list[Publish]:
    """The worker's records for every article event, built now, published nowhere."""
    records = await read_topic(settings, bootstrap, settings.topics.articles, "test-fresh")
    outcomes = [decide(r.value, {}, event_type(list(r.headers))) for r in records]
    return [o for o in outcomes if isinstance(o, Publish)]
