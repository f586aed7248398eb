"""Shared fixtures: the one real Kafka broker of a test session."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from services.platform.broker import BrokerChoice, choose_broker
from services.platform.settings import Settings


@pytest.fixture(scope="session")
def broker() -> Iterator[BrokerChoice]:
    """The broker chosen as `make run` chooses it; stopped at the end if started here."""
    logging.basicConfig(level=logging.INFO)
    choice = choose_broker(Settings())
    try:
        yield choice
    finally:
        choice.release()


@pytest.fixture(scope="session")
def bootstrap(broker: BrokerChoice) -> str:
    return broker.bootstrap
