"""Publishes ArticleSubmitted events; a returned receipt means Kafka has the record."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.contracts.envelope import Envelope, binary_headers
from services.contracts.names import INGEST_SOURCE, RETRACTION_TYPE, SUBMISSION_TYPE
from services.timeline.events import ArticleRetracted, ArticleSubmitted

log = logging.getLogger(__name__)

EVENT_NAMESPACE = uuid.UUID("6f1c2d0e-2b7a-4c55-9a43-8d1a8f0e5b21")


class BrokerUnavailableError(RuntimeError):
    """The broker did not acknowledge the record in time. It may still be written (a send
    cannot be recalled), which is safe: the same revision never yields a second timeline.
    The message says only that; the cause is logged and kept as __cause__."""


@dataclass(frozen=True)
class Receipt:
    article_id: str
    revision: str
    topic: str
    partition: int
    offset: int


def event_id(article: ArticleSubmitted) -> str:
    """The same revision is the same event: consumers may deduplicate on ce_id."""
    return str(uuid.uuid5(EVENT_NAMESPACE, f"{article.article_id}/{article.revision}"))


class Publisher(Protocol):
    """What the ingest API and commands need of a publisher (a port): ArticlePublisher
    publishes to Kafka; the tests' fakes keep what they are given in memory."""

    async def publish(self, article: ArticleSubmitted) -> Receipt: ...

    async def retract(self, article_id: str, reason: str | None = None) -> Receipt: ...

    async def ready(self) -> bool: ...

    async def close(self) -> None: ...


class ArticlePublisher:
    """Owns one idempotent producer; starts it lazily so the API can come up before the
    broker and answer 503 instead of failing to start. Every publish, the producer's start
    included, ends within `timeout_s`."""

    def __init__(
        self,
        make_producer: Callable[[], AIOKafkaProducer],
        topic: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        timeout_s: float = 10.0,
    ) -> None:
        self._make_producer = make_producer
        self._topic = topic
        self._clock = clock
        self._timeout_s = timeout_s
        self._producer: AIOKafkaProducer | None = None
        self._lock = asyncio.Lock()

    async def _started(self) -> AIOKafkaProducer:
        async with self._lock:
            if self._producer is None:
                producer = self._make_producer()
                try:
                    await producer.start()
                except BaseException:  # a refusal, or the publish deadline
                    await _stop_quietly(producer)
                    raise
                self._producer = producer
            return self._producer

    async def publish(self, article: ArticleSubmitted) -> Receipt:
        envelope = Envelope(
            event_id(article), SUBMISSION_TYPE, INGEST_SOURCE, self._clock(), article.article_id
        )
        meta = await self._confirmed(article.model_dump_json().encode(), envelope)
        return Receipt(
            article.article_id, article.revision, meta.topic, meta.partition, meta.offset
        )

    async def retract(self, article_id: str, reason: str | None = None) -> Receipt:
        """Publish an ArticleRetracted beside the article's revisions (same key, so it
        follows them on their partition); the receipt's revision is empty."""
        retraction = ArticleRetracted(
            article_id=article_id, retracted_at=self._clock(), reason=reason
        )
        stamp = retraction.retracted_at.isoformat()
        retraction_id = str(uuid.uuid5(EVENT_NAMESPACE, f"{article_id}/retracted/{stamp}"))
        envelope = Envelope(
            retraction_id, RETRACTION_TYPE, INGEST_SOURCE, retraction.retracted_at, article_id
        )
        meta = await self._confirmed(retraction.model_dump_json().encode(), envelope)
        return Receipt(article_id, "", meta.topic, meta.partition, meta.offset)

    async def _confirmed(self, value: bytes, envelope: Envelope) -> Any:
        """The broker's record metadata once it acknowledged the record, within
        `timeout_s` (the producer's start included)."""
        try:
            async with asyncio.timeout(self._timeout_s):
                producer = await self._started()
                return await producer.send_and_wait(
                    self._topic,
                    value,
                    key=envelope.subject.encode(),
                    headers=binary_headers(envelope, value),
                )
        except (KafkaError, OSError, TimeoutError) as exc:
            log.warning("publish of %s not confirmed: %r", envelope.subject, exc)
            if isinstance(exc, TimeoutError):
                msg = f"the broker did not confirm the record within {self._timeout_s:g} s"
            else:
                msg = "the broker could not be reached"
            raise BrokerUnavailableError(msg) from exc

    async def ready(self, timeout_s: float = 2.0) -> bool:
        """Does the broker answer with the topic's partitions now (within `timeout_s`)?"""
        try:
            async with asyncio.timeout(timeout_s):
                producer = await self._started()
                client = producer.client
                client.add_topic(self._topic)  # tracked from now on; the update below asks
                updated = await client.force_metadata_update()
                return bool(updated and client.cluster.partitions_for_topic(self._topic))
        except (KafkaError, OSError, TimeoutError) as exc:
            log.info("broker not ready: %r", exc)
            return False

    async def close(self, timeout_s: float = 3.0) -> None:
        """Flush what can be flushed within `timeout_s`; a shutdown never waits longer."""
        if self._producer is not None:
            producer, self._producer = self._producer, None
            await _stop_quietly(producer, timeout_s)


async def _stop_quietly(producer: AIOKafkaProducer, timeout_s: float = 3.0) -> None:
    with contextlib.suppress(Exception, TimeoutError):
        async with asyncio.timeout(timeout_s):
            await producer.stop()


async def publish_all(
    publisher: Publisher, articles: list[ArticleSubmitted]
) -> list[Receipt | BrokerUnavailableError]:
    """Publish concurrently so a batch shares the producer's batching; each item keeps its
    own outcome, and the order of the results is the order of the input."""
    outcomes = await asyncio.gather(
        *(publisher.publish(article) for article in articles), return_exceptions=True
    )
    results: list[Receipt | BrokerUnavailableError] = []
    for outcome in outcomes:
        if isinstance(outcome, Receipt | BrokerUnavailableError):
            results.append(outcome)
        else:
            raise outcome
    return results
