"""`newstimeline ingest PATH...` (files) and `newstimeline ingest-api` (the HTTP service)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from rich.console import Console

    from services.ingest.files import Item
    from services.ingest.publisher import Publisher
    from services.platform.settings import Settings
    from services.timeline.events import ArticleSubmitted

CHUNK = 500
# One report a line, never wrapped, so `file:line: reason` stays greppable.
REPORT: dict[str, Any] = {"style": "red", "soft_wrap": True, "markup": False, "highlight": False}


def _validated(items: list[Item], console: Console) -> list[ArticleSubmitted]:
    """Valid articles; every refused one is reported as file:line with its reason."""
    from pydantic import ValidationError

    from services.ingest.submission import describe_errors, parse_article, to_event

    valid = []
    for item in items:
        try:
            if item.error:
                raise ValueError(item.error)
            valid.append(to_event(parse_article(item.raw)))
        except ValidationError as exc:
            console.print(f"{item.location}: {describe_errors(exc)}", **REPORT)
        except ValueError as exc:
            console.print(f"{item.location}: {exc}", **REPORT)
    return valid


async def _publish_items(publisher: Publisher, items: list[Item]) -> tuple[int, int]:
    from rich.console import Console
    from rich.progress import Progress

    from services.ingest.publisher import BrokerUnavailableError, publish_all

    with Progress(console=Console(stderr=True), transient=False) as progress:
        articles = _validated(items, progress.console)
        task = progress.add_task("publishing", total=len(articles))
        # Chunks in flight together share the producer's batching; one at a time would
        # wait a broker round trip per article.
        for start in range(0, len(articles), CHUNK):
            outcomes = await publish_all(publisher, articles[start : start + CHUNK])
            for outcome in outcomes:
                if isinstance(outcome, BrokerUnavailableError):
                    raise outcome
            progress.advance(task, len(outcomes))
    return len(articles), len(items) - len(articles)


async def _ingest(settings: Settings, bootstrap: str, items: list[Item]) -> tuple[int, int]:
    from services.ingest.wiring import build_publisher

    publisher = build_publisher(settings, bootstrap)
    try:
        return await _publish_items(publisher, items)
    finally:
        await publisher.close()


def ingest_files(args: argparse.Namespace) -> int:
    import asyncio

    from services.ingest.files import expand, read_items
    from services.ingest.publisher import BrokerUnavailableError
    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    settings = Settings()
    # A person reads the report: JSON lines go to a file, warnings to the console.
    configure_console_logging(
        "ingest-files", settings.log_level, settings.logs_dir / "ingest-files.log"
    )
    try:
        items = [item for path in expand(args.paths) for item in read_items(path)]
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    bootstrap = bootstrap_or_raise(settings)  # found, never started here
    try:
        accepted, refused = asyncio.run(_ingest(settings, bootstrap, items))
    except BrokerUnavailableError as exc:
        sys.stderr.write(f"newstimeline ingest: {exc}\n")
        return 1
    sys.stderr.write(f"{accepted} accepted, {refused} refused\n")
    return 0 if refused == 0 else 1


def serve_api(args: argparse.Namespace) -> int:
    from services.ingest.wiring import build_app
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.platform.shutdown import serve

    settings = Settings()
    configure_logging("ingest", settings.log_level)
    host, port = args.host or settings.ingest_host, args.port or settings.ingest_port
    serve(build_app(settings), host, port, settings.shutdown_deadline_s)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    files = subparsers.add_parser("ingest", help="publish .json/.jsonl files or folders")
    files.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    files.set_defaults(handler=ingest_files)
    api = subparsers.add_parser("ingest-api", help="serve the ingest HTTP API")
    api.add_argument("--host", default=None)
    api.add_argument("--port", type=int, default=None)
    api.set_defaults(handler=serve_api)
