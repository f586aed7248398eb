"""Shared fixtures: the one real Kafka broker of a test session."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.platform.kafka import local_broker
from services.platform.kafka.broker import BrokerChoice, choose_broker
from services.platform.settings import PROJECT_ROOT, Settings

STATE_DIR_ENV = "NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR"
# The tests' local broker keeps its log apart from the one `make run` keeps, and starts
# each session empty: every session creates topics of its own, which would otherwise pile
# up in a log that is kept forever.
TEST_STATE_DIR = PROJECT_ROOT / ".state" / "kafka-tests"
TESTS = Path(__file__).resolve().parent
# A test's marks follow from its folder, so none can be forgotten: everything outside
# unit/ needs the real broker (`-m "not integration"` starts no Kafka).
MARKS_BY_FOLDER = {
    "integration": ("integration",),
    "e2e": ("integration", "e2e"),
    "faults": ("integration", "faults"),
}
BROKER_FIXTURES = {"broker", "bootstrap"}
# Every test has a time limit (pytest-timeout), so that a stall fails with a traceback
# instead of eating CI's: a unit test has a minute, one with real services ten.
UNIT_TIMEOUT_S, SERVICES_TIMEOUT_S = 60, 600


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        unit = folder == "unit"
        for mark in MARKS_BY_FOLDER.get(folder, ()):
            item.add_marker(mark)
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(UNIT_TIMEOUT_S if unit else SERVICES_TIMEOUT_S))
        if unit:
            # A warning is a failure in the unit tests. The other layers still leave
            # socket and file ResourceWarnings to close, so there it stays a warning for now.
            item.add_marker(pytest.mark.filterwarnings("error"))
        if unit and BROKER_FIXTURES & set(getattr(item, "fixturenames", ())):
            msg = f"{item.nodeid}: a unit test uses the real broker; move it to integration/"
            raise pytest.UsageError(msg)


@pytest.fixture(scope="session")
def broker() -> Iterator[BrokerChoice]:
    """The broker chosen as `make run` chooses it; stopped at the end if started here."""
    logging.basicConfig(level=logging.INFO)
    previous = os.environ.get(STATE_DIR_ENV)
    os.environ.setdefault(STATE_DIR_ENV, str(TEST_STATE_DIR))
    settings = Settings()
    local = settings.local_kafka
    if local.state_dir == TEST_STATE_DIR and local_broker.running(local) is None:
        shutil.rmtree(TEST_STATE_DIR, ignore_errors=True)
    choice = choose_broker(settings)
    try:
        yield choice
    finally:
        choice.release()
        if previous is None:
            os.environ.pop(STATE_DIR_ENV, None)


@pytest.fixture(scope="session")
def bootstrap(broker: BrokerChoice) -> str:
    return broker.bootstrap
