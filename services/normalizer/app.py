"""The Faust app of the normalizer: news.articles.v1 -> news.timelines.v1 (+ DLQ).

The agent body stays thin: it hands each record to `processing.decide` and moves bytes
according to the outcome. A table of the last published revision per article (changelogged,
co-partitioned with the articles topic) makes a re-submitted revision produce nothing new.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import faust

from services.normalizer.dead_letters import Origin, dead_letter_headers
from services.normalizer.processing import DeadLetter, Publish, Skip, decide
from services.platform.settings import Settings

log = logging.getLogger(__name__)


def _headers(message: Any) -> list[tuple[str, bytes]]:
    raw = message.headers or []
    items = raw.items() if isinstance(raw, dict) else raw
    return [(str(k), bytes(v)) for k, v in items]


def create_app(settings: Settings, bootstrap: str, data_dir: Path) -> faust.App:
    """Build the Faust app and its one agent; nothing connects until the worker starts."""
    app = faust.App(
        settings.worker_group,
        broker=f"kafka://{bootstrap}",
        store="memory://",
        datadir=str(data_dir),
        web_enabled=False,
        topic_partitions=settings.topics.partitions,
        topic_disable_leader=True,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        processing_guarantee="at_least_once",
        # A few milliseconds of linger lets timelines leave in batches instead of one
        # produce request (and socket write) each; latency stays far below the target.
        producer_linger=0.005,
    )
    raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
    articles = app.topic(settings.topics.articles, **raw)
    timelines = app.topic(settings.topics.timelines, **raw)
    dead_letters = app.topic(settings.topics.dead_letters, **raw)
    revisions = app.Table(
        "article-revisions", default=str, partitions=settings.topics.partitions, key_type=str,
        value_type=str,
    )  # fmt: skip

    @app.agent(articles)
    async def normalize_articles(stream: Any) -> AsyncIterator[None]:
        async for event in stream.events():
            message = event.message
            outcome = decide(message.value, revisions)
            if isinstance(outcome, Publish):
                await timelines.send(key=outcome.key, value=outcome.value, headers=outcome.headers)
                revisions[outcome.article_id] = outcome.marker
            elif isinstance(outcome, DeadLetter):
                origin = Origin(message.topic, message.partition, message.offset)
                headers = dead_letter_headers(origin, outcome.error, _headers(message))
                await dead_letters.send(key=message.key, value=message.value, headers=headers)
                log.warning("dead letter %s: %s", origin, type(outcome.error).__name__)
            elif isinstance(outcome, Skip):
                log.info("revision %s of %s already published", outcome.revision,
                         outcome.article_id)  # fmt: skip
            yield None

    return app
