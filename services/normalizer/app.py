"""The Faust app of the normalizer: news.articles.v1 -> news.timelines.v1 (+ DLQ).

The agent body stays thin: it takes the records in batches and hands each batch to
`handling.RecordHandler`, which moves bytes according to `processing.decide`. A table of
the last published revision per article (changelogged, co-partitioned with the articles
topic) makes a re-submitted revision produce nothing new.
Faust's web server answers /healthz and /metrics on the worker's own port.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import faust
from faust.streams import _current_event  # the table's writes need the record's event
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.normalizer.guarded_consumer import install_guard
from services.normalizer.handling import RecordHandler
from services.normalizer.healing import Healer
from services.normalizer.metrics import Partition, WorkerMetrics
from services.normalizer.offset_guard import OffsetGuard
from services.platform.kafka.clients import producer_max_request_bytes
from services.platform.settings import Settings

# Records the agent handles together: their outputs are sent at once and acknowledged in
# one broker round trip. A batch waits at most BATCH_WAIT_S for more records to come, which
# a lone article pays in latency.
BATCH_RECORDS = 200
BATCH_WAIT_S = 0.01


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
        # No linger: a batch's outputs are queued together and then awaited (handling.py),
        # so the producer already sends them together; a linger would only add its time.
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
        async for events in stream.take_events(BATCH_RECORDS, within=BATCH_WAIT_S):
            await handle.batch([event.message for event in events], current(events))
            yield None

    @app.timer(1.0)  # type: ignore[untyped-decorator]
    async def heal_gaps() -> None:
        healer.tick(owned_ends(app, settings.topics.articles))

    add_pages(app, metrics)
    return app


def current(events: Sequence[Any]) -> Callable[[int], None]:
    """Makes the i-th event of a batch the stream's current one in this task, as Faust
    does for a record it hands over alone: a table write goes to the changelog partition
    of the current event, and a batch mixes partitions."""

    def enter(index: int) -> None:
        _current_event.set(weakref.ref(events[index]))

    return enter


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
