"""Does a broker answer? A metadata request with a deadline, usable from sync code."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError

T = TypeVar("T")


async def broker_answers_async(bootstrap: str, timeout_s: float) -> bool:
    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout_s * 1000))
    try:
        await asyncio.wait_for(client.bootstrap(), timeout_s)
    except (KafkaError, OSError, TimeoutError):
        return False
    else:
        return bool(client.cluster.brokers())
    finally:
        await client.close()


def broker_answers(bootstrap: str, timeout_s: float = 5.0) -> bool:
    """True when the broker at `bootstrap` answers a metadata request in time."""
    # aiokafka logs every refused connection at ERROR; a probe expects refusals.
    logger = logging.getLogger("aiokafka")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return run_blocking(broker_answers_async(bootstrap, timeout_s))
    finally:
        logger.setLevel(previous)


def run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, also when called from code already inside a running loop (a lifespan,
    an async command): the coroutine then gets a loop of its own on a helper thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
