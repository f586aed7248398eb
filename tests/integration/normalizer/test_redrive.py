"""Re-driving dead letters on the real broker: only what would now succeed, once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from aiokafka import AIOKafkaProducer

from services.contracts.names import RETRACTION_TYPE
from services.normalizer.redrive import (
    Selection,
    dead_letters_of,
    discard,
    list_dead_letters,
    pending_count,
    redrive,
)
from services.platform.settings import Settings, TopicSettings
from services.timeline.events import ArticleRetracted
from tests.articles import article
from tests.kafka_helpers import consume, new_topics, topic_size

GOOD = article("good-1", body="Talks began on December 1.")
RETRACTION = ArticleRetracted(article_id="gone-1", retracted_at=datetime(2025, 12, 16, tzinfo=UTC))


def origin(settings: Settings, offset: int) -> list[tuple[str, bytes]]:
    return [
        ("dlq_original_topic", settings.topics.articles.encode()),
        ("dlq_original_partition", b"0"),
        ("dlq_original_offset", str(offset).encode()),
        ("dlq_error_class", b"ValidationError"),
        ("dlq_error_message", b"1 validation error for ArticleSubmitted\nbody\n  Field required"),
    ]


@pytest.fixture
async def settings(bootstrap: str) -> Settings:
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        topics=TopicSettings(articles=f"rd.{run}.articles", dead_letters=f"rd.{run}.dlq"),
        worker_group=f"rd-{run}",
    )
    await new_topics(bootstrap, (settings.topics.articles, 1), (settings.topics.dead_letters, 2))
    return settings


async def fill(settings: Settings, producer: AIOKafkaProducer) -> None:
    """Three dead letters on partition 0: one that still fails, two that now succeed."""
    dlq = settings.topics.dead_letters
    kept = [("ce_id", b"abc"), *origin(settings, 7)]
    await producer.send_and_wait(dlq, b"{bytes", key=b"bad-1", headers=kept, partition=0)
    await producer.send_and_wait(
        dlq, GOOD.model_dump_json().encode(), key=b"good-1", headers=origin(settings, 8),
        partition=0,
    )  # fmt: skip
    retraction = [("ce_type", RETRACTION_TYPE.encode()), *origin(settings, 9)]
    await producer.send_and_wait(
        dlq, RETRACTION.model_dump_json().encode(), key=b"gone-1", headers=retraction,
        partition=0,
    )  # fmt: skip


async def test_redrive_leaves_what_still_fails_and_force_sends_it(
    bootstrap: str, settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(settings, producer)
    listed = await list_dead_letters(settings, bootstrap)
    assert [v.key for v in listed] == [b"bad-1", b"good-1", b"gone-1"]
    assert listed[0].origin == f"{settings.topics.articles}[0]@7"
    assert listed[0].cause == (
        "ValidationError: 1 validation error for ArticleSubmitted: body: Field required"
    )

    report = await redrive(settings, bootstrap, producer)
    assert [v.key for v in report.sent] == [b"good-1", b"gone-1"]
    [(stayed, cause)] = report.held
    assert stayed.key == b"bad-1"
    assert cause.startswith("ValidationError: ")
    assert [v.key for v in await list_dead_letters(settings, bootstrap)] == [b"bad-1"]

    again = await redrive(settings, bootstrap, producer)
    assert (again.sent, len(again.held)) == ([], 1)
    assert await topic_size(bootstrap, settings.topics.articles) == 2

    forced = await redrive(settings, bootstrap, producer, force=True)
    assert [v.key for v in forced.sent] == [b"bad-1"]
    assert await list_dead_letters(settings, bootstrap) == []
    records = await consume(bootstrap, settings.topics.articles, 3)
    assert [(r.key, r.value) for r in records][2] == (b"bad-1", b"{bytes")
    assert records[2].headers == (("ce_id", b"abc"),)
    assert dict(records[1].headers)["ce_type"] == RETRACTION_TYPE.encode()


async def test_redrive_sends_only_the_selected_records(
    bootstrap: str, settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(settings, producer)
    later = Selection(since=datetime.now(UTC) + timedelta(hours=1))
    assert (await redrive(settings, bootstrap, producer, later)).sent == []

    one = Selection(positions=frozenset({(0, 2)}))
    assert [v.key for v in (await redrive(settings, bootstrap, producer, one)).sent] == [b"gone-1"]
    pending = await list_dead_letters(settings, bootstrap)
    assert [(v.partition, v.offset) for v in pending] == [(0, 0), (0, 1)]


async def test_discarded_records_are_handled_and_no_longer_pending(
    bootstrap: str, settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(settings, producer)
    assert await pending_count(settings, bootstrap) == 3
    [good] = await dead_letters_of(settings, bootstrap, "good-1")
    assert (good.revision, good.offset) == (GOOD.revision, 1)
    one = Selection(positions=frozenset({(0, 0)}))
    assert [v.key for v in await discard(settings, bootstrap, one)] == [b"bad-1"]
    assert [v.key for v in await list_dead_letters(settings, bootstrap)] == [b"good-1", b"gone-1"]
    # What stays re-drives cleanly now: nothing is held, so redrive succeeds.
    report = await redrive(settings, bootstrap, producer)
    assert (len(report.sent), report.held) == (2, [])
    assert await pending_count(settings, bootstrap) == 0
    assert await discard(settings, bootstrap, Selection()) == []


async def test_discard_all_and_since(
    bootstrap: str, settings: Settings, producer: AIOKafkaProducer
) -> None:
    await fill(settings, producer)
    later = Selection(since=datetime.now(UTC) + timedelta(hours=1))
    assert await discard(settings, bootstrap, later) == []
    assert len(await discard(settings, bootstrap, Selection())) == 3
    assert await list_dead_letters(settings, bootstrap) == []
