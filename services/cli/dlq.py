"""`newstimeline dlq list|redrive|discard`: the dead-letter topic, inspected, re-driven
and discarded."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from services.normalizer.redrive import Selection
    from services.platform.settings import Settings


async def _list(settings: Settings, bootstrap: str, args: argparse.Namespace) -> int:
    from services.normalizer.redrive import list_dead_letters

    items = await list_dead_letters(settings, bootstrap)
    if args.json:
        sys.stdout.write(json.dumps([item.as_json() for item in items], indent=2) + "\n")
    elif not items:
        sys.stdout.write("no dead letters\n")
    for item in [] if args.json else items:
        sys.stdout.write(item.line() + "\n")
    return 0


async def _redrive(settings: Settings, bootstrap: str, args: argparse.Namespace) -> int:
    from services.normalizer.redrive import redrive
    from services.platform.kafka.clients import reliable_producer

    selection = selection_of(args)
    producer = reliable_producer(settings, bootstrap, "dlq-redrive")
    await producer.start()
    try:
        report = await redrive(settings, bootstrap, producer, selection, force=args.force)
    finally:
        await producer.stop()
    if args.json:
        body = {
            "sent": [v.as_json() for v in report.sent],
            "stayed": [v.as_json() | {"cause": cause} for v, cause in report.held],
        }
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
    else:
        sys.stdout.write(f"re-drove {len(report.sent)}, {len(report.held)} stay\n")
        for item, cause in report.held:
            sys.stdout.write(f"{item.partition}:{item.offset}\t{item.origin}\t{cause}\n")
    # Records that stay are a failure an operator (or a script) must look at.
    return 1 if report.held else 0


async def _discard(settings: Settings, bootstrap: str, args: argparse.Namespace) -> int:
    from services.normalizer.redrive import discard

    gone = await discard(settings, bootstrap, selection_of(args))
    if args.json:
        sys.stdout.write(json.dumps([v.as_json() for v in gone], indent=2) + "\n")
    else:
        sys.stdout.write(f"discarded {len(gone)}\n")
        for item in gone:
            sys.stdout.write(item.line() + "\n")
    return 0


def discard_selection_problem(args: argparse.Namespace) -> str | None:
    """Discarding loses records for good: it needs a selection, or --all with --yes."""
    chosen = bool(args.offset or args.since)
    if args.all and chosen:
        return "dlq discard: give --all or a selection (--offset, --since), not both"
    if args.all and not args.yes:
        return "dlq discard --all discards every pending dead letter: add --yes to confirm"
    if not args.all and not chosen:
        return "dlq discard: say which records (--offset P:O, --since TIME) or --all --yes"
    return None


ACTIONS = {"list": _list, "redrive": _redrive, "discard": _discard}


def dead_letters(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.errors import UsageError
    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    if args.action == "discard" and (problem := discard_selection_problem(args)):
        raise UsageError(problem)
    settings = Settings()
    # A person reads the listing: JSON lines go to a file, warnings to the console.
    configure_console_logging("dlq", settings.log_level, settings.logs_dir / "dlq.log")
    bootstrap = bootstrap_or_raise(settings)  # found, never started here
    return asyncio.run(ACTIONS[args.action](settings, bootstrap, args))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dlq = subparsers.add_parser("dlq", help="inspect or re-drive the dead-letter topic")
    actions = dlq.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one line per pending dead letter: where, why")
    listing.add_argument("--json", action="store_true", help="every field, as JSON")
    again = actions.add_parser(
        "redrive", help="put dead letters that would now succeed back on their topic"
    )
    again.add_argument("--force", action="store_true", help="send those that would fail too")
    add_selection(again)
    again.add_argument("--json", action="store_true", help="the report as JSON")
    drop = actions.add_parser(
        "discard", help="mark dead letters handled without re-driving them (status stops "
        "counting them)",
    )  # fmt: skip
    add_selection(drop)
    drop.add_argument("--all", action="store_true", help="every pending dead letter")
    drop.add_argument("--yes", action="store_true", help="confirm --all")
    drop.add_argument("--json", action="store_true", help="what was discarded, as JSON")
    dlq.set_defaults(handler=dead_letters)


def selection_of(args: argparse.Namespace) -> Selection:
    """The dead letters `add_selection`'s options name (all of them without any)."""
    from services.cli.args import parse_position, parse_time
    from services.normalizer.redrive import Selection

    since = parse_time(args.since, "--since") if args.since else None
    positions = frozenset(parse_position(text, "--offset") for text in args.offset)
    return Selection(since, positions)


def add_selection(parser: argparse.ArgumentParser) -> None:
    """Which dead letters an action takes: redrive and discard select them alike."""
    parser.add_argument("--since", help="only dead letters written at or after this time")
    parser.add_argument(
        "--offset", action="append", default=[], metavar="P:O",
        help="only the dead letter at partition P, offset O (repeatable)",
    )  # fmt: skip
