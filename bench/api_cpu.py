"""CPU per request of each `make bench-api` scenario with the app called in-process: the
same app and middleware, no socket, no load generator, no writer and no second worker.

On a shared machine the wall figures move with whatever else runs; the CPU one process
spends per request moves much less, so this is the figure that tells the code from the box.
"""

from __future__ import annotations

import asyncio
import threading
import time

from fastapi import FastAPI
from starlette.types import Message

from services.query.span_bounds import SCAN_THREAD


async def _get(app: FastAPI, path_and_query: str) -> int:
    """One GET through the ASGI app; its status."""
    path, _, query = path_and_query.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": query.encode(), "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    status = [0]

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            status[0] = message["status"]

    await app(scope, receive, send)
    return status[0]


async def _cpu_ms(app: FastAPI, target: str, *, unique: bool, requests: int) -> float:
    """The smallest of a few batches' CPU milliseconds per request (the least disturbed)."""
    sep = "&" if "?" in target else "?"
    best, n = float("inf"), 0
    for _ in range(5):
        began = time.process_time()
        for _ in range(requests):
            n += 1
            url = f"{target}{sep}nocache=cpu-{n}" if unique else target
            if await _get(app, url) != 200:
                msg = f"{url} did not answer 200"
                raise RuntimeError(msg)
        best = min(best, (time.process_time() - began) * 1000 / requests)
    return best


def _await_scans(timeout_s: float = 60) -> None:
    """The span-bounds scans that the first window requests started: their CPU is not a
    page's (process_time counts every thread)."""
    deadline = time.monotonic() + timeout_s
    for thread in threading.enumerate():
        if thread.name == SCAN_THREAD:
            thread.join(max(0.0, deadline - time.monotonic()))


async def _measure(app: FastAPI, targets: dict[str, str], requests: int) -> dict[str, float]:
    async with app.router.lifespan_context(app):
        for target in targets.values():
            await _get(app, target)  # the first request of a kind pays for imports, caches
        _await_scans()
        costs = {}
        for name, target in targets.items():
            costs[name] = await _cpu_ms(app, target, unique=False, requests=requests)
            if name != next(iter(targets)):  # the bare endpoint has no uncached variant
                uncached = await _cpu_ms(app, target, unique=True, requests=requests)
                costs[f"{name}, uncached"] = uncached
        return costs


def cpu_per_request(app: FastAPI, targets: dict[str, str], requests: int = 200) -> dict[str, float]:
    """Scenario name -> CPU ms per request; the first target is the bare endpoint."""
    return asyncio.run(_measure(app, targets, requests))
