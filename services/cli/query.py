"""`newstimeline query [--host H] [--port P] [--workers N]`: the query API, with its
projector."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

# What the handlers drive (FastAPI, uvicorn, aiokafka) is imported inside them, so that
# building the parser stays cheap for every other command.
if TYPE_CHECKING:
    from collections.abc import Iterator

PROJECTOR_STOP_S = 15.0


def serve(args: argparse.Namespace) -> int:
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.platform.shutdown import serve as serve_app
    from services.query.api import create_app

    settings = Settings()
    configure_logging("query", settings.log_level)
    host = args.host or settings.query_host
    port = args.port or settings.query_port
    if args.workers > 1:
        import uvicorn

        graceful = max(1, int(settings.shutdown_deadline_s) - 3)
        with projector_process():
            uvicorn.run("services.query.serving:api_app", factory=True, workers=args.workers,
                        host=host, port=port, log_config=None, access_log=False,
                        timeout_graceful_shutdown=graceful)  # fmt: skip
        return 0
    # The broker is looked up (never started) by the projector, which waits for it: the
    # API serves the read model as it is meanwhile.
    app = create_app(settings, project=True)
    serve_app(app, host, port, settings.shutdown_deadline_s, access_log=False)
    return 0


@contextmanager
def projector_process() -> Iterator[None]:
    """`newstimeline projector` as a child while the API workers serve."""
    child = subprocess.Popen([sys.executable, "-m", "services.cli", "projector"], env=os.environ)
    try:
        yield
    finally:
        child.terminate()
        try:
            child.wait(PROJECTOR_STOP_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


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
