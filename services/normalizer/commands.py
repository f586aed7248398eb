"""`newstimeline worker`: run one normalizer worker; start several to share partitions."""

from __future__ import annotations

import argparse
import os

from services.platform.broker import choose_broker
from services.platform.settings import Settings


def run_worker(args: argparse.Namespace) -> int:
    from faust.worker import Worker  # noqa: PLC0415 - Faust is heavy; only the worker needs it

    from services.normalizer.app import create_app  # noqa: PLC0415

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
