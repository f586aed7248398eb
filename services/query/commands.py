"""`newstimeline query [--host H] [--port P]`: the query API with its projector."""

from __future__ import annotations

import argparse

from services.platform.logs import configure_logging
from services.platform.settings import Settings
from services.platform.shutdown import serve as serve_app
from services.query.api import create_app


def serve(args: argparse.Namespace) -> int:
    settings = Settings()
    configure_logging("query", settings.log_level)
    # The broker is looked up (never started) by the projector, which waits for it: the
    # API serves the read model as it is meanwhile.
    app = create_app(settings, project=True)
    host = args.host or settings.query_host
    port = args.port or settings.query_port
    serve_app(app, host, port, settings.shutdown_deadline_s, access_log=False)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("query", help="serve the timeline API and its projector")
    parser.add_argument("--host", default=None, help="address (default: settings.query_host)")
    parser.add_argument("--port", type=int, default=None, help="port (default: query_port)")
    parser.set_defaults(handler=serve)
