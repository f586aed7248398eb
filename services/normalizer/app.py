"""The Faust app of the normalizer: news.articles.v1 -> news.timelines.v1 (+ DLQ).

The agent body stays thin: it hands each record to `processing.decide` and moves bytes
according to the outcome. A table of the last published revision per article (changelogged,
co-partitioned with the articles topic) makes a re-submitted revision produce nothing new.
Nothing is skipped without a dead letter: whatever fails for one record (a timeline too
large to publish, an error nobody foresaw) sends that record to the DLQ with its cause,
and the agent goes on with the next one.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import faust
from aiokafka.errors import KafkaError, MessageSizeTooLargeError

from services.normalizer.dead_letters import Origin, dead_letter_headers
from services.normalizer.processing import DeadLetter, Publish, Skip, decide
from services.platform.kafka_clients import producer_max_request_bytes
from services.platform.settings import Settings

log = logging.getLogger(__name__)


def _headers(message: Any) -> list[tuple[str, bytes]]:
    raw = message.headers or []
    items = raw.items() if isinstance(raw, dict) else raw
    return [(str(k), bytes(v)) for k, v in items]


def app_options(settings: Settings, bootstrap: str, data_dir: Path) -> dict[str, Any]:
    session_s = settings.worker_session_timeout_s
    return {
        "broker": f"kafka://{bootstrap}",
        "store": "memory://",
        "datadir": str(data_dir),
        "web_enabled": False,
        "topic_partitions": settings.topics.partitions,
        "topic_disable_leader": True,
        "producer_acks": -1,
        "consumer_auto_offset_reset": "earliest",
        "processing_guarantee": "at_least_once",
        # A SIGKILLed worker's partitions move once the group stops hearing from it.
        "broker_session_timeout": session_s,
        "broker_heartbeat_interval": session_s / 3,
        "broker_rebalance_timeout": 20.0,
        # Any record a topic accepts can be read, re-published and dead-lettered.
        "producer_max_request_size": producer_max_request_bytes(settings),
        "consumer_max_fetch_size": producer_max_request_bytes(settings),
    }


def create_app(settings: Settings, bootstrap: str, data_dir: Path) -> faust.App:
    """Build the Faust app and its one agent; nothing connects until the worker starts."""
    app = faust.App(settings.worker_group, **app_options(settings, bootstrap, data_dir))
    raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
    articles = app.topic(settings.topics.articles, **raw)
    timelines = app.topic(settings.topics.timelines, **raw)
    dead_letters = app.topic(settings.topics.dead_letters, **raw)
    revisions = app.Table(
        "article-revisions", default=str, partitions=settings.topics.partitions, key_type=str,
        value_type=str,
    )  # fmt: skip

    async def dead_letter(message: Any, error: BaseException) -> None:
        origin = Origin(message.topic, message.partition, message.offset)
        headers = dead_letter_headers(origin, error, _headers(message))
        await dead_letters.send(key=message.key, value=message.value, headers=headers)
        log.warning("dead letter %s: %s: %s", origin, type(error).__name__, str(error)[:200])

    async def handle(message: Any) -> None:
        outcome = decide(message.value, revisions, settings.max_record_bytes)
        if isinstance(outcome, Publish):
            await timelines.send(key=outcome.key, value=outcome.value, headers=outcome.headers)
            revisions[outcome.article_id] = outcome.marker
        elif isinstance(outcome, DeadLetter):
            await dead_letter(message, outcome.error)
        elif isinstance(outcome, Skip):
            log.info("revision %s of %s already published", outcome.revision,
                     outcome.article_id)  # fmt: skip

    @app.agent(articles)
    async def normalize_articles(stream: Any) -> AsyncIterator[None]:
        async for event in stream.events():
            try:
                await handle(event.message)
            except MessageSizeTooLargeError as exc:
                await dead_letter(event.message, exc)
            except KafkaError:
                raise  # the broker's trouble, not the record's: Faust retries the record
            except Exception as exc:
                # One record's unforeseen failure must not stop the others.
                log.exception("record failed; sending it to the dead letters")
                await dead_letter(event.message, exc)
            yield None

    return app
