"""`newstimeline kafka start|status|stop`: the local KRaft broker."""

from __future__ import annotations

import argparse
import sys

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def kafka_start(_: argparse.Namespace) -> int:
    from services.platform.kafka import local_broker
    from services.platform.settings import Settings

    cfg = Settings().local_kafka
    state = local_broker.start(cfg)
    sys.stdout.write(f"{state.bootstrap}\n")
    return 0


def kafka_status(_: argparse.Namespace) -> int:
    from services.platform.kafka import local_broker
    from services.platform.settings import Settings

    state = local_broker.running(Settings().local_kafka)
    if state is None:
        sys.stderr.write("local Kafka broker: not running\n")
        return 1
    sys.stdout.write(f"{state.bootstrap}\n")
    return 0


def kafka_stop(_: argparse.Namespace) -> int:
    from services.platform.kafka import local_broker
    from services.platform.settings import Settings

    stopped = local_broker.stop(Settings().local_kafka)
    sys.stderr.write("local Kafka broker stopped\n" if stopped else "no local broker recorded\n")
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
