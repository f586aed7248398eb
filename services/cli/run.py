"""`newstimeline run`: the whole pipeline on this machine, with the samples."""

from __future__ import annotations

import argparse
import sys

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def run(_: argparse.Namespace) -> int:
    from rich.console import Console

    from services.platform.logs import configure_console_logging
    from services.platform.ops.pipeline import run_pipeline
    from services.platform.settings import Settings

    settings = Settings()
    configure_console_logging("run", settings.log_level, settings.logs_dir / "run.log")
    # Wide enough for the timeline table even when stdout is not a terminal.
    run_pipeline(settings, Console(width=None if sys.stdout.isatty() else 120))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser("run", help="run the whole pipeline with the samples").set_defaults(
        handler=run
    )
