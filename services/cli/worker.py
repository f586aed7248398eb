"""`newstimeline worker`: run one normalizer worker; start several to share partitions."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from services.platform.settings import Settings


def run_worker(args: argparse.Namespace) -> int:
    """Supervise a Faust worker process (see supervisor.py); `--faust` is that process."""
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings

    if not args.faust:
        from services.normalizer.supervisor import Supervisor

        settings = Settings()
        configure_logging("worker", settings.log_level)
        child = [sys.executable, "-m", "services.cli", "worker", "--faust"]
        if args.loglevel:
            child += ["--loglevel", args.loglevel]
        if args.port:
            child += ["--port", str(args.port)]
        return Supervisor(child, settings).run()
    return run_faust_worker(args)


def run_faust_worker(args: argparse.Namespace) -> int:
    # Faust is heavy; only the worker needs it.
    from services.normalizer.app import create_app
    from services.normalizer.worker import BoundedWorker
    from services.platform.kafka.broker_address import wait_for_broker
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings

    settings = Settings()
    configure_logging("worker", (args.loglevel or settings.log_level).upper())
    # Never started here: the worker waits (logging each attempt) until a broker answers.
    bootstrap = wait_for_broker(settings)
    check_worker_state(settings, bootstrap)
    # Each process gets its own data dir: the in-memory tables keep nothing there, but
    # Faust still writes its lock files and would clash between workers.
    data_dir = settings.worker_data_dir / f"worker-{os.getpid()}"
    data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings, bootstrap, data_dir, port=args.port)
    # Our JSON logging, not Faust's coloured text; no banner on stdout.
    worker = BoundedWorker(
        app,
        loglevel=args.loglevel or settings.log_level.lower(),
        quiet=True,
        override_logging=False,
        deadline_s=settings.shutdown_deadline_s,
    )
    worker.spinner = None  # it writes terminal escapes to stdout, which is a log file here
    worker.execute_from_commandline()
    return 0


def check_worker_state(settings: Settings, bootstrap: str) -> None:
    """Wipe a data dir of another log before Faust opens it (see worker_state)."""
    from services.normalizer.worker_state import adopt_log, forget_dead_workers
    from services.platform.kafka.local_broker import pid_alive
    from services.platform.kafka.log_identity import await_identity
    from services.platform.kafka.probe import run_blocking

    identity = run_blocking(await_identity(bootstrap, settings.topics.articles))
    if identity is not None:  # no topic yet: the worker waits for it, and no state is of it
        adopt_log(settings.worker_data_dir, identity)
    forget_dead_workers(settings.worker_data_dir, pid_alive)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = subparsers.add_parser("worker", help="run a normalizer worker (Faust)")
    worker.add_argument("--loglevel", default=None, help="log level (default: settings)")
    worker.add_argument(
        "--port", type=int, default=None, help="/healthz and /metrics port (default: worker_port)"
    )
    # The supervised Faust process itself; run by `worker`, not by people.
    worker.add_argument("--faust", action="store_true", help=argparse.SUPPRESS)
    worker.set_defaults(handler=run_worker)
