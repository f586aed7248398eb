"""Explicit wiring of the ingest service: settings -> broker address -> producer -> app."""

from __future__ import annotations

from fastapi import FastAPI

from services.ingest.app import create_app
from services.ingest.publisher import ArticlePublisher
from services.platform.kafka.broker_address import bootstrap_or_raise
from services.platform.kafka.clients import reliable_producer
from services.platform.settings import Settings


def build_publisher(settings: Settings, bootstrap: str | None = None) -> ArticlePublisher:
    """Publishes to `bootstrap`; without one, the address is looked up at each
    (re)connection, never chosen or started here, so a broker that appears (or moves)
    after ingest started is found on the next publish."""
    return ArticlePublisher(
        lambda: reliable_producer(settings, bootstrap or bootstrap_or_raise(settings), "ingest"),
        settings.topics.articles,
        timeout_s=settings.produce_timeout_s,
    )


def build_app(settings: Settings) -> FastAPI:
    return create_app(lambda: build_publisher(settings), settings)
