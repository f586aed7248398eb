"""Publishes ArticleSubmitted events; a returned receipt means Kafka has the record."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.platform.envelope import Envelope, binary_headers
from services.timeline.events import (
    RETRACTION_TYPE,
    SUBMISSION_TYPE,
    ArticleRetracted,
    ArticleSubmitted,
)

EVENT_TYPE = SUBMISSION_TYPE
EVENT_SOURCE = "/news-timeline/ingest"
EVENT_NAMESPACE = uuid.UUID("6f1c2d0e-2b7a-4c55-9a43-8d1a8f0e5b21")


class BrokerUnavailableError(RuntimeError):
    """The broker did not acknowledge the record; nothing was written."""


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


class ArticlePublisher:
    """Owns one idempotent producer; starts it lazily so the API can come up before the
    broker and answer 503 instead of failing to start."""

    def __init__(
        self,
        make_producer: Callable[[], AIOKafkaProducer],
        topic: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._make_producer = make_producer
        self._topic = topic
        self._clock = clock
        self._producer: AIOKafkaProducer | None = None
        self._lock = asyncio.Lock()

    async def _started(self) -> AIOKafkaProducer:
        async with self._lock:
            if self._producer is None:
                producer = self._make_producer()
                try:
                    await producer.start()
                except (KafkaError, OSError) as exc:
                    await producer.stop()
                    msg = f"Kafka broker unreachable: {exc}"
                    raise BrokerUnavailableError(msg) from exc
                self._producer = producer
            return self._producer

    async def publish(self, article: ArticleSubmitted) -> Receipt:
        envelope = Envelope(
            event_id(article), EVENT_TYPE, EVENT_SOURCE, self._clock(), article.article_id
        )
        meta = await self._send(article.model_dump_json().encode(), envelope)
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
            retraction_id, RETRACTION_TYPE, EVENT_SOURCE, retraction.retracted_at, article_id
        )
        meta = await self._send(retraction.model_dump_json().encode(), envelope)
        return Receipt(article_id, "", meta.topic, meta.partition, meta.offset)

    async def _send(self, value: bytes, envelope: Envelope) -> Any:
        """Returns the broker's record metadata once it has acknowledged the record."""
        producer = await self._started()
        try:
            return await producer.send_and_wait(
                self._topic,
                value,
                key=envelope.subject.encode(),
                headers=binary_headers(envelope, value),
            )
        except KafkaError as exc:
            msg = f"Kafka did not acknowledge the record: {exc}"
            raise BrokerUnavailableError(msg) from exc

    async def close(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None


async def publish_all(
    publisher: ArticlePublisher, articles: list[ArticleSubmitted]
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
