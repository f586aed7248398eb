"""`newstimeline kafka start|status|stop`, `topics create`, `run` and `reset`."""

from __future__ import annotations

import argparse
import sys

from services.cli import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def kafka_start(_: argparse.Namespace) -> int:
    from services.platform import local_kafka
    from services.platform.settings import Settings

    cfg = Settings().local_kafka
    state = local_kafka.start(cfg)
    sys.stdout.write(f"{state.bootstrap}\n")
    return 0


def kafka_status(_: argparse.Namespace) -> int:
    from services.platform import local_kafka
    from services.platform.settings import Settings

    state = local_kafka.running(Settings().local_kafka)
    if state is None:
        sys.stderr.write("local Kafka broker: not running\n")
        return 1
    sys.stdout.write(f"{state.bootstrap}\n")
    return 0


def kafka_stop(_: argparse.Namespace) -> int:
    from services.platform import local_kafka
    from services.platform.settings import Settings

    stopped = local_kafka.stop(Settings().local_kafka)
    sys.stderr.write("local Kafka broker stopped\n" if stopped else "no local broker recorded\n")
    return 0


def topics_create(_: argparse.Namespace) -> int:
    import asyncio

    from services.platform.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings
    from services.platform.topics import create_topics

    settings = Settings()
    configure_logging("topics", settings.log_level)
    bootstrap = bootstrap_or_raise(settings)  # found, never started here
    created = asyncio.run(create_topics(settings, bootstrap))
    t = settings.topics
    for name in (t.articles, t.timelines, t.dead_letters):
        sys.stdout.write(f"{name}: {'created' if name in created else 'exists'}\n")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kafka = subparsers.add_parser("kafka", help="run the local KRaft broker")
    actions = kafka.add_subparsers(dest="action", required=True)
    for name, handler, text in (
        ("start", kafka_start, "start (or reuse) the broker and print its address"),
        ("status", kafka_status, "print the address and exit 0 while the broker answers"),
        ("stop", kafka_stop, "stop the broker cleanly"),
    ):
        actions.add_parser(name, help=text).set_defaults(handler=handler)
    topics = subparsers.add_parser("topics", help="manage the public topics")
    topic_actions = topics.add_subparsers(dest="action", required=True)
    topic_actions.add_parser("create", help="create the topics idempotently").set_defaults(
        handler=topics_create
    )
    register_run(subparsers)


def run(_: argparse.Namespace) -> int:
    from rich.console import Console

    from services.platform.logs import configure_console_logging
    from services.platform.pipeline import run_pipeline
    from services.platform.settings import Settings

    settings = Settings()
    configure_console_logging("run", settings.log_level, settings.logs_dir / "run.log")
    # Wide enough for the timeline table even when stdout is not a terminal.
    run_pipeline(settings, Console(width=None if sys.stdout.isatty() else 120))
    return 0


def reset(args: argparse.Namespace) -> int:
    from services.platform.reset import reset as reset_everything
    from services.platform.settings import Settings

    if not args.yes:
        msg = "refusing to delete broker data, read model and worker state without --yes"
        raise UsageError(msg)
    for line in reset_everything(Settings()):
        sys.stdout.write(f"{line}\n")
    return 0


def register_run(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser("run", help="run the whole pipeline with the samples").set_defaults(
        handler=run
    )
    wipe = subparsers.add_parser(
        "reset", help="stop what runs and delete broker data, read model and worker state"
    )
    wipe.add_argument("--yes", action="store_true", help="really delete (nothing is asked)")
    wipe.set_defaults(handler=reset)
