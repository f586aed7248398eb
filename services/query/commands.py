"""`newstimeline query [--host H] [--port P]`: the query API with its projector."""

from __future__ import annotations

import argparse


def serve(args: argparse.Namespace) -> int:
    # Imported here, not at the top: building the parser must not load FastAPI/uvicorn.
    import uvicorn

    from services.platform.broker import choose_broker
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.query.api import create_app

    settings = Settings()
    configure_logging(settings.log_level)
    choice = choose_broker(settings)
    try:
        app = create_app(settings, bootstrap=choice.bootstrap)
        host = args.host or settings.query_host
        port = args.port or settings.query_port
        # Open event streams would otherwise hold a graceful shutdown forever.
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=5,
        )
    finally:
        choice.release()
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("query", help="serve the timeline API and its projector")
    parser.add_argument("--host", default=None, help="address (default: settings.query_host)")
    parser.add_argument("--port", type=int, default=None, help="port (default: query_port)")
    parser.set_defaults(handler=serve)
