"""Explicit wiring of the ingest service: settings -> broker -> producer -> app."""

from __future__ import annotations

from fastapi import FastAPI

from services.ingest.app import create_app
from services.ingest.publisher import ArticlePublisher
from services.platform.broker import choose_broker
from services.platform.kafka_clients import reliable_producer
from services.platform.settings import Settings


def build_publisher(settings: Settings, bootstrap: str) -> ArticlePublisher:
    return ArticlePublisher(
        lambda: reliable_producer(settings, bootstrap, "ingest"), settings.topics.articles
    )


def build_app(settings: Settings) -> FastAPI:
    # The broker is chosen before any event loop runs: finding the local broker probes it
    # with a loop of its own.
    bootstrap = choose_broker(settings).bootstrap
    return create_app(lambda: build_publisher(settings, bootstrap), settings.cors_origins)
