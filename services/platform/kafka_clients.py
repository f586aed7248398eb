"""Kafka client factories: every producer of the project is built here, the same way."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings


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
    )
