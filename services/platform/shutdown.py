"""Bounded shutdown: after SIGTERM a service closes cleanly if it can, and exits anyway
once its deadline passes (a producer flushing to a dead broker would otherwise hold it).

Each server keeps its own graceful path (uvicorn's, Faust's); this only adds the bound.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType
from typing import Any

import uvicorn

log = logging.getLogger(__name__)
_armed = threading.Event()


def arm_exit_deadline(deadline_s: float) -> None:
    """From now, the process has `deadline_s` to exit on its own; then it is ended."""
    if _armed.is_set():
        return
    _armed.set()

    def expire() -> None:
        log.error("shutdown took longer than %.0f s; exiting without finishing it", deadline_s)
        logging.shutdown()
        os._exit(1)

    timer = threading.Timer(deadline_s, expire)
    timer.daemon = True
    timer.start()


class BoundedServer(uvicorn.Server):
    """uvicorn's server, with the exit deadline armed by the first SIGTERM or SIGINT."""

    def __init__(self, config: uvicorn.Config, deadline_s: float) -> None:
        super().__init__(config)
        self.deadline_s = deadline_s

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if sig in (signal.SIGTERM, signal.SIGINT):
            arm_exit_deadline(self.deadline_s)
        super().handle_exit(sig, frame)


def serve(app: Any, host: str, port: int, deadline_s: float, **options: Any) -> None:
    """Run `app` under uvicorn until a signal; in-flight requests get most of the
    deadline to finish, the lifespan's shutdown the rest."""
    graceful = max(1, int(deadline_s) - 3)
    config = uvicorn.Config(
        app, host=host, port=port, log_config=None, timeout_graceful_shutdown=graceful,
        **options,
    )  # fmt: skip
    BoundedServer(config, deadline_s).run()
