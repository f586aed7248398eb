"""`newstimeline query [--host H] [--port P] [--workers N]`: the query API (with its
projector), and `newstimeline projector`: the projector alone."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

# What the handlers drive (FastAPI, uvicorn, aiokafka) is imported inside them, so that
# building the parser stays cheap for every other command.
if TYPE_CHECKING:
    from collections.abc import Iterator

PROJECTOR_STOP_S = 15.0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from services.platform.broker import choose_broker
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.query.api import create_app

    settings = Settings()
    configure_logging("query", settings.log_level)
    choice = choose_broker(settings)
    host = args.host or settings.query_host
    port = args.port or settings.query_port
    # Open event streams would otherwise hold a graceful shutdown forever.
    server: dict[str, Any] = {"host": host, "port": port, "log_config": None}
    server |= {"access_log": False, "timeout_graceful_shutdown": 5}
    try:
        if args.workers > 1:
            with projector_process(choice.bootstrap):
                uvicorn.run("services.query.serving:api_app", factory=True, workers=args.workers,
                            **server)  # fmt: skip
        else:
            uvicorn.run(create_app(settings, bootstrap=choice.bootstrap), **server)
    finally:
        choice.release()
    return 0


@contextmanager
def projector_process(bootstrap: str) -> Iterator[None]:
    """`newstimeline projector` as a child while the API workers serve."""
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap}
    child = subprocess.Popen([sys.executable, "-m", "services.cli", "projector"], env=env)
    try:
        yield
    finally:
        child.terminate()
        try:
            child.wait(PROJECTOR_STOP_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def run_projector(_: argparse.Namespace) -> int:
    import asyncio

    from services.platform.broker import choose_broker
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.query.projector import Projector
    from services.query.standalone import project
    from services.query.store import TimelineStore

    settings = Settings()
    configure_logging(settings.log_level)
    choice = choose_broker(settings)
    store = TimelineStore(settings.database_path)
    try:
        asyncio.run(project(store, Projector(settings, choice.bootstrap, store)))
    finally:
        store.close()
        choice.release()
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("query", help="serve the timeline API and its projector")
    parser.add_argument("--host", default=None, help="address (default: settings.query_host)")
    parser.add_argument("--port", type=int, default=None, help="port (default: query_port)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="API processes; above 1 the projector runs once, in a process of its own",
    )
    parser.set_defaults(handler=serve)
    projector = subparsers.add_parser(
        "projector", help="project the timelines topic into the read model (no API)"
    )
    projector.set_defaults(handler=run_projector)
