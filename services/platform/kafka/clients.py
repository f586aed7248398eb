"""Kafka client factories: every producer of the project is built here, the same way."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings

# Room for the key, the headers (CloudEvents, dead-letter causes) and the batch framing.
RECORD_OVERHEAD = 64 * 1024


def topic_max_message_bytes(settings: Settings, *, dead_letters: bool = False) -> int:
    """max.message.bytes of a topic: any value up to max_record_bytes fits, and a dead
    letter (an articles record plus its cause headers) fits the DLQ."""
    return settings.max_record_bytes + RECORD_OVERHEAD * (2 if dead_letters else 1)


def producer_max_request_bytes(settings: Settings) -> int:
    """Never smaller than what a topic accepts, so only the topic's limit ever refuses."""
    return topic_max_message_bytes(settings, dead_letters=True)


def reliable_producer(settings: Settings, bootstrap: str, role: str) -> AIOKafkaProducer:
    """Idempotent, acks=all: an acknowledged record is on every in-sync replica, and a
    retried send never duplicates it."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=f"{settings.client_id}-{role}",
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        compression_type=None,
        # A batch that cannot be delivered in time fails its send instead of lingering, so
        # an error reply to a client means the record was not written.
        request_timeout_ms=int(settings.produce_timeout_s * 1000),
        max_request_size=producer_max_request_bytes(settings),
    )
