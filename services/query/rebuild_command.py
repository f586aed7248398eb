"""`newstimeline replay projection`: rebuild this replica's read model and swap it in."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from services.platform.settings import Settings
    from services.query.rebuild import RebuildReport


async def _rebuild(settings: Settings, bootstrap: str) -> RebuildReport:
    from services.platform.progress import Bar
    from services.query.rebuild import Rebuilder

    with Bar("records", secondary="incidents") as bar:
        return await Rebuilder(settings, bootstrap, bar).run()


def describe(report: RebuildReport, served: str) -> str:
    replaced = f" (it replaces {report.replaced.name})" if report.replaced else ""
    return (
        f"rebuilt {report.path.name}: {report.records:,} records, {report.incidents:,} "
        f"incidents, {report.retractions:,} retractions in {report.seconds:.1f} s "
        f"({report.incidents_per_s:,.0f} incidents/s)\n"
        f"{served} now names it{replaced}; a running query service reading {served} "
        "switches to it on its next request: nothing to restart\n"
    )


def replay_projection(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    settings = Settings()
    # A person watches the progress bars: JSON lines go to a file, warnings to the console.
    configure_console_logging(
        "replay-projection", settings.log_level, settings.logs_dir / "replay.log"
    )
    bootstrap = bootstrap_or_raise(settings)
    report = asyncio.run(_rebuild(settings, bootstrap))
    if args.json:
        body = {
            "path": str(report.path),
            "served": str(settings.database_path),
            "replaced": str(report.replaced) if report.replaced else None,
            "records": report.records,
            "incidents": report.incidents,
            "retractions": report.retractions,
            "seconds": round(report.seconds, 3),
            "incidents_per_s": round(report.incidents_per_s, 1),
        }
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
    else:
        sys.stdout.write(describe(report, str(settings.database_path)))
    return 0


def register(replays: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = replays.add_parser(
        "projection",
        help="rebuild the read model (NEWSTIMELINE_DATABASE_PATH) from news.timelines.v1 "
        "into a new file and swap it in under the running service",
    )
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.set_defaults(handler=replay_projection)
