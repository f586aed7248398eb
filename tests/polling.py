"""Waits in tests are polls with a deadline, never bare sleeps: one helper for threads
(`poll`) and one for coroutines (`eventually`)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

DEADLINE_S = 60.0


def poll(check: Callable[[], Any], deadline_s: float = DEADLINE_S, what: str = "condition") -> Any:
    """Call `check` until it returns something truthy, and return that; fail after the
    deadline. `check` may raise to stop waiting early (a process that died)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    msg = f"timed out after {deadline_s:.0f}s waiting for {what}"
    raise AssertionError(msg)


async def eventually(
    check: Callable[[], Awaitable[bool] | bool], what: str, deadline_s: float = DEADLINE_S
) -> None:
    """`poll` for a coroutine: `check` may be a coroutine function, and the loop runs on."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + deadline_s
    while loop.time() < deadline:
        result = check()
        if await result if isinstance(result, Awaitable) else result:
            return
        await asyncio.sleep(0.05)
    msg = f"timed out after {deadline_s:.0f}s waiting for {what}"
    raise AssertionError(msg)
