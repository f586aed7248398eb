"""`newstimeline worker`: run one normalizer worker; start several to share partitions."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

# What a handler drives (Faust, aiokafka, settings) is imported inside it, so that
# building the parser stays cheap for every other command.
if TYPE_CHECKING:
    from services.platform.settings import Settings


def run_worker(args: argparse.Namespace) -> int:
    from faust.worker import Worker

    from services.normalizer.app import create_app
    from services.platform.broker import choose_broker
    from services.platform.settings import Settings

    settings = Settings()
    bootstrap = choose_broker(settings).bootstrap
    # Each process gets its own data dir: the in-memory tables keep nothing there, but
    # Faust still writes its lock files and would clash between workers.
    data_dir = settings.worker_data_dir / f"worker-{os.getpid()}"
    data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings, bootstrap, data_dir)
    worker = Worker(app, loglevel=args.loglevel or settings.log_level.lower())
    worker.execute_from_commandline()
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = subparsers.add_parser("worker", help="run a normalizer worker (Faust)")
    worker.add_argument("--loglevel", default=None, help="Faust log level (default: settings)")
    worker.set_defaults(handler=run_worker)
    register_dlq(subparsers)


async def _list(settings: Settings, bootstrap: str) -> int:
    from services.normalizer.redrive import list_dead_letters

    for item in await list_dead_letters(settings, bootstrap):
        key = item.key.decode(errors="replace") if item.key else "-"
        sys.stdout.write(f"{item.partition}:{item.offset}\t{key}\t{item.original}\t{item.error}\n")
    return 0


async def _redrive(settings: Settings, bootstrap: str) -> int:
    from services.normalizer.redrive import redrive
    from services.platform.kafka_clients import reliable_producer

    producer = reliable_producer(settings, bootstrap, "dlq-redrive")
    await producer.start()
    try:
        count = await redrive(settings, bootstrap, producer)
    finally:
        await producer.stop()
    sys.stderr.write(f"re-drove {count} dead letters\n")
    return 0


def dead_letters(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.broker import choose_broker
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings

    settings = Settings()
    configure_logging(settings.log_level)
    bootstrap = choose_broker(settings).bootstrap
    action = _list if args.action == "list" else _redrive
    return asyncio.run(action(settings, bootstrap))


def register_dlq(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dlq = subparsers.add_parser("dlq", help="inspect or re-drive the dead-letter topic")
    actions = dlq.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="one line a dead letter: where from, and why")
    actions.add_parser("redrive", help="put dead letters back on their original topic")
    dlq.set_defaults(handler=dead_letters)
