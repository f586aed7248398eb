"""`newstimeline projector`: the projector alone, writing the read model (no API)."""

from __future__ import annotations

import argparse

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def run_projector(_: argparse.Namespace) -> int:
    import asyncio

    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.query.projector import Projector
    from services.query.standalone import project
    from services.query.store import TimelineStore

    settings = Settings()
    configure_logging("projector", settings.log_level)
    store = TimelineStore(settings.database_path)
    try:
        # Without a bootstrap the projector finds the broker (never starts one) and waits.
        asyncio.run(project(store, Projector(settings, None, store)))
    finally:
        store.close()
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    projector = subparsers.add_parser(
        "projector", help="project the timelines topic into the read model (no API)"
    )
    projector.set_defaults(handler=run_projector)
