"""Wakes stream handlers when the projector has committed something new."""

from __future__ import annotations

import asyncio
import contextlib


class ChangeFeed:
    """A broadcast doorbell: `ring` wakes every current `wait`er at once."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def ring(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout_s: float) -> None:
        """Return when rung or after `timeout_s` (callers re-check the store either way,
        which also picks up writes by another process)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout_s)
