"""The Faust app of the normalizer: news.articles.v1 -> news.timelines.v1 (+ DLQ).

The agent body stays thin: it hands each record to `processing.decide` and moves bytes
according to the outcome. A table of the last published revision per article (changelogged,
co-partitioned with the articles topic) makes a re-submitted revision produce nothing new.
Faust's web server answers /healthz and /metrics on the worker's own port.
Nothing is skipped without a dead letter: whatever fails for one record (a timeline too
large to publish, an error nobody foresaw) sends that record to the DLQ with its cause,
and the agent goes on with the next one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faust
from aiokafka.errors import KafkaError, MessageSizeTooLargeError
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.normalizer.dead_letters import Origin, dead_letter_headers
from services.normalizer.guarded_consumer import install_guard
from services.normalizer.healing import Healer
from services.normalizer.metrics import Partition, WorkerMetrics
from services.normalizer.offset_guard import OffsetGuard
from services.normalizer.processing import DeadLetter, Outcome, Publish, Skip, decide, event_type
from services.platform.kafka.clients import producer_max_request_bytes
from services.platform.logs import article_id
from services.platform.settings import Settings

log = logging.getLogger(__name__)
OUTCOMES = {Publish: "published", Skip: "skipped", DeadLetter: "dead_letter"}


def _headers(message: Any) -> list[tuple[str, bytes]]:
    raw = message.headers or []
    items = raw.items() if isinstance(raw, dict) else raw
    return [(str(k), bytes(v)) for k, v in items]


def _key_text(key: bytes | None) -> str | None:
    return key.decode(errors="replace") if key else None


@dataclass
class RecordHandler:
    """Moves one article record's bytes where `decide` says, and counts what it did."""

    timelines: Any
    dead_letters: Any
    revisions: Any
    metrics: WorkerMetrics
    max_record_bytes: int
    # Told when a record's handling starts and when it is done (the offset guard).
    on_started: Callable[[Any], None] = lambda _message: None
    on_handled: Callable[[Any], None] = lambda _message: None

    def timed_decision(self, value: bytes | None, kind: str | None) -> Outcome:
        began = time.perf_counter()
        try:
            return decide(value, self.revisions, kind, self.max_record_bytes)
        finally:
            self.metrics.normalize_seconds.observe(time.perf_counter() - began)

    async def __call__(self, message: Any) -> None:
        outcome = self.timed_decision(message.value, event_type(_headers(message)))
        if isinstance(outcome, Publish):
            await delivered(self.timelines, key=outcome.key, value=outcome.value,
                            headers=outcome.headers)  # fmt: skip
            self.revisions[outcome.article_id] = outcome.marker
            log.info("timeline published", extra={"marker": outcome.marker})
        elif isinstance(outcome, DeadLetter):
            await self.set_aside(message, outcome.error)
        elif isinstance(outcome, Skip):
            log.info("revision %s already published", outcome.revision)
        self.metrics.records.labels(OUTCOMES[type(outcome)]).inc()
        self.metrics.progress.done(message.topic, message.partition, message.offset)

    async def safely(self, message: Any) -> None:
        """Handle one record; what fails for this record alone sends it to the dead letters,
        and a handled record is reported (the offset guard counts it)."""
        token = article_id.set(_key_text(message.key))
        self.on_started(message)
        try:
            await self(message)
        except MessageSizeTooLargeError as exc:
            await self.set_aside(message, exc)
        except KafkaError:
            raise  # the broker's trouble, not the record's: Faust retries the record
        except Exception as exc:
            # One record's unforeseen failure must not stop the others.
            log.exception("record failed; sending it to the dead letters")
            await self.set_aside(message, exc)
        finally:
            article_id.reset(token)
        self.on_handled(message)

    async def set_aside(self, message: Any, error: BaseException) -> None:
        origin = Origin(message.topic, message.partition, message.offset)
        headers = dead_letter_headers(origin, error, _headers(message))
        await delivered(self.dead_letters, key=message.key, value=message.value, headers=headers)
        self.metrics.dead_letters.labels(type(error).__name__).inc()
        log.warning("dead letter %s: %s: %s", origin, type(error).__name__, str(error)[:200])


async def delivered(channel: Any, **fields: Any) -> None:
    """Send, and return once the broker has acknowledged the record.

    Faust's `send` returns as soon as the record is queued. A queued timeline lost when the
    broker went away was still taken for published: its revision went into the table (so the
    replacement skipped the article as already published) and the offset guard let the commit
    move past it, since Faust's flush before a commit does not fail for a failed batch. Only an
    acknowledged output makes a record handled; a failed delivery raises a KafkaError, and
    the record is handled again after the restart."""
    pending = await channel.send(**fields)
    await pending


def app_options(settings: Settings, bootstrap: str, data_dir: Path, port: int) -> dict[str, Any]:
    session_s = settings.worker_session_timeout_s
    return {
        "broker": f"kafka://{bootstrap}",
        "store": "memory://",
        "datadir": str(data_dir),
        "web_enabled": True,
        "web_bind": settings.worker_host,
        "web_port": port,
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
        # No linger: each timeline is awaited until the broker has it (see `delivered`), so
        # a linger would only add its time to every record.
        "producer_linger": 0.0,
    }


def create_app(
    settings: Settings, bootstrap: str, data_dir: Path, *, port: int | None = None
) -> faust.App:
    """Build the Faust app and its one agent; nothing connects until the worker starts."""
    options = app_options(settings, bootstrap, data_dir, port or settings.worker_port)
    app = faust.App(settings.worker_group, **options)
    metrics = WorkerMetrics()
    fetch_bytes = producer_max_request_bytes(settings)
    healer = Healer(app, OffsetGuard(settings.topics.articles), bootstrap, metrics, fetch_bytes)
    install_guard(app, healer)  # before anything asks the app for its transport
    raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
    articles = app.topic(settings.topics.articles, **raw)
    revisions = app.Table(
        "article-revisions", default=str, partitions=settings.topics.partitions, key_type=str,
        value_type=str,
    )  # fmt: skip
    metrics.watch_lag(lambda: end_offsets(app, settings.topics.articles))
    timelines = app.topic(settings.topics.timelines, **raw)
    dead_letters = app.topic(settings.topics.dead_letters, **raw)
    handle = RecordHandler(timelines, dead_letters, revisions, metrics, settings.max_record_bytes,
                           healer.started, healer.handled)  # fmt: skip
    healer.handle = handle.safely

    @app.agent(articles)
    async def normalize_articles(stream: Any) -> AsyncIterator[None]:
        async for event in stream.events():
            await handle.safely(event.message)
            yield None

    @app.timer(1.0)  # type: ignore[untyped-decorator]
    async def heal_gaps() -> None:
        healer.tick(owned_ends(app, settings.topics.articles))

    add_pages(app, metrics)
    return app


def end_offsets(app: faust.App, topic: str) -> Mapping[Partition, int | None]:
    """The end offset the consumer last saw for each partition of `topic` it owns."""
    consumer = app.consumer
    return {(tp.topic, tp.partition): consumer.highwater(tp)
            for tp in consumer.assignment() if tp.topic == topic}  # fmt: skip


def owned_ends(app: faust.App, topic: str) -> dict[int, int | None]:
    """The end offset the consumer last saw, by owned partition of `topic`."""
    return {partition: end for (_topic, partition), end in end_offsets(app, topic).items()}


def add_pages(app: faust.App, metrics: WorkerMetrics) -> None:
    @app.page("/healthz")
    async def healthz(view: Any, _request: Any) -> Any:
        return view.json({"status": "ok"})

    @app.page("/metrics")
    async def prometheus(view: Any, _request: Any) -> Any:
        body = generate_latest(metrics.registry)
        # aiohttp refuses a charset in content_type; as a header it passes.
        return view.bytes(body, headers={"Content-Type": CONTENT_TYPE_LATEST})
