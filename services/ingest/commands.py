"""`newstimeline ingest PATH...` (files) and `newstimeline ingest-api` (the HTTP service)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from pydantic import ValidationError
from rich.progress import Progress

from services.cli import UsageError
from services.ingest.files import Item, expand, read_items
from services.ingest.publisher import ArticlePublisher, BrokerUnavailableError
from services.ingest.submission import describe_errors, parse_article, to_event
from services.ingest.wiring import build_app, build_publisher
from services.platform.logs import configure_logging
from services.platform.settings import Settings


async def _publish_items(publisher: ArticlePublisher, items: list[Item]) -> tuple[int, int]:
    accepted = refused = 0
    with Progress(transient=False) as progress:
        task = progress.add_task("publishing", total=len(items))
        for item in items:
            try:
                if item.error:
                    raise ValueError(item.error)
                await publisher.publish(to_event(parse_article(item.raw)))
                accepted += 1
            except ValidationError as exc:
                refused += 1
                progress.console.print(f"{item.location}: {describe_errors(exc)}", style="red")
            except ValueError as exc:
                refused += 1
                progress.console.print(f"{item.location}: {exc}", style="red")
            progress.advance(task)
    return accepted, refused


async def _ingest(settings: Settings, paths: list[Path]) -> tuple[int, int]:
    items = [item for path in expand(paths) for item in read_items(path)]
    publisher = build_publisher(settings)
    try:
        return await _publish_items(publisher, items)
    finally:
        await publisher.close()


def ingest_files(args: argparse.Namespace) -> int:
    settings = Settings()
    configure_logging(settings.log_level)
    try:
        accepted, refused = asyncio.run(_ingest(settings, args.paths))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    except BrokerUnavailableError as exc:
        sys.stderr.write(f"newstimeline ingest: {exc}\n")
        return 1
    sys.stderr.write(f"{accepted} accepted, {refused} refused\n")
    return 0 if refused == 0 else 1


def serve_api(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only the server needs it

    settings = Settings()
    configure_logging(settings.log_level)
    host, port = args.host or settings.ingest_host, args.port or settings.ingest_port
    uvicorn.run(build_app(settings), host=host, port=port, log_config=None)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    files = subparsers.add_parser("ingest", help="publish .json/.jsonl files or folders")
    files.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    files.set_defaults(handler=ingest_files)
    api = subparsers.add_parser("ingest-api", help="serve the ingest HTTP API")
    api.add_argument("--host", default=None)
    api.add_argument("--port", type=int, default=None)
    api.set_defaults(handler=serve_api)
