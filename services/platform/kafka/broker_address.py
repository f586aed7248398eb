"""Where a service finds the broker: settings, else the running local broker's state file.

Services (ingest, worker, query) only connect; they never start a broker or a container
(only `run`, `kafka start` and the tests do). With no broker known or answering they wait,
with stamina's capped exponential backoff and a log line per attempt.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import stamina

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka import local_broker
from services.platform.kafka.probe import broker_answers, broker_answers_async
from services.platform.settings import Settings

log = logging.getLogger(__name__)


class BrokerNotFoundError(EnvironmentProblemError, ConnectionError):
    """No broker address in settings and no local broker running."""


def known_bootstrap(settings: Settings) -> str | None:
    """The configured address, else the recorded local broker's (when its process lives)."""
    if settings.kafka_bootstrap_servers:
        return settings.kafka_bootstrap_servers
    state = local_broker.read_state(settings.local_kafka)
    return state.bootstrap if state and local_broker.pid_alive(state.pid) else None


def bootstrap_or_raise(settings: Settings) -> str:
    if address := known_bootstrap(settings):
        return address
    msg = "no broker: set KAFKA_BOOTSTRAP_SERVERS or start one (newstimeline kafka start)"
    raise BrokerNotFoundError(msg)


def backoff_delays(max_s: float) -> Callable[[], float]:
    """1, 2, 4, ... seconds, capped at `max_s`."""
    delay = [0.5]

    def next_delay() -> float:
        delay[0] = min(delay[0] * 2, max_s)
        return delay[0]

    return next_delay


class BrokerSilentError(ConnectionError):
    """No broker known yet, or the one known does not answer yet: worth another try."""


def _attempts(settings: Settings) -> Any:
    """Tries forever, 1, 2, 4, ... seconds apart, capped at broker_retry_max_s (stamina)."""
    return stamina.retry_context(
        on=BrokerSilentError,
        attempts=None,
        timeout=None,
        wait_initial=1.0,
        wait_max=settings.broker_retry_max_s,
        wait_jitter=0.0,
    )


def _silent(attempt: int, address: str | None) -> BrokerSilentError:
    shown = address or "(none known)"
    log.warning("attempt %d: no broker answers at %s", attempt, shown)
    return BrokerSilentError(f"no broker answers at {shown}")


def wait_for_broker(settings: Settings, probe_s: float = 5.0) -> str:
    """Block until a broker is known and answers; returns its address."""
    for attempt in _attempts(settings):
        with attempt:
            address = known_bootstrap(settings)
            if not (address and broker_answers(address, probe_s)):
                raise _silent(attempt.num, address)
            log.info("kafka broker at %s answers (attempt %d)", address, attempt.num)
            return address
    raise AssertionError  # unreachable: the attempts never run out


async def await_broker(
    settings: Settings,
    probe: Callable[[str, float], Awaitable[bool]] = broker_answers_async,
    probe_s: float = 5.0,
) -> str:
    """`wait_for_broker` for code already on an event loop."""
    async for attempt in _attempts(settings):
        with attempt:
            address = known_bootstrap(settings)
            if not (address and await probe(address, probe_s)):
                raise _silent(attempt.num, address)
            log.info("kafka broker at %s answers (attempt %d)", address, attempt.num)
            return address
    raise AssertionError  # unreachable: the attempts never run out
