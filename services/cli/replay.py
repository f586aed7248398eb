"""`newstimeline replay normalize|projection`: the operators' replays, one group.

`normalize` re-normalizes articles (replay.Replayer) and reports what changed;
`projection` rebuilds this replica's read model (rebuild.Rebuilder) and swaps it in.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from services.normalizer.replay import Change, ReplayReport, Scope
    from services.platform.settings import Settings
    from services.query.rebuild import RebuildReport

DIFF_LINES = 40
FAILED_SHOWN = 10


def scope_of(args: argparse.Namespace) -> Scope:
    from services.cli.args import parse_position, parse_time
    from services.normalizer.replay import Scope

    if args.since:
        return Scope(since=parse_time(args.since, "--since"))
    if args.start:
        positions = tuple(parse_position(text, "--from") for text in args.start)
        if len({p for p, _ in positions}) < len(positions):
            msg = "--from: one position per partition"
            raise UsageError(msg)
        return Scope(positions=positions)
    return Scope(article=args.article)


def pretty(value: bytes | None) -> list[str]:
    if value is None:
        return ["(nothing: retracted or never published)"]
    return json.dumps(json.loads(value), indent=1, sort_keys=True).splitlines()


def diff_text(change: Change) -> str:
    import difflib

    lines = list(
        difflib.unified_diff(
            pretty(change.before), pretty(change.after), "news.timelines.v1 now", "replay",
            lineterm="", n=1,
        )
    )  # fmt: skip
    cut = len(lines) - DIFF_LINES
    shown = lines[:DIFF_LINES] + ([f"... {cut} more lines"] if cut > 0 else [])
    return f"--- {change.article_id}\n" + "\n".join(shown)


def summary(report: ReplayReport, seconds: float, *, dry_run: bool) -> str:
    rate = (report.unchanged + len(report.changed) + len(report.failed)) / max(seconds, 1e-9)
    verb = "would change" if dry_run else "changed"
    articles = report.unchanged + len(report.changed) + len(report.failed)
    text = (
        f"read {report.read} records of {articles} articles: {verb} {len(report.changed)}, "
        f"unchanged {report.unchanged}, failed {len(report.failed)} "
        f"({seconds:.1f} s, {rate:,.0f} articles/s)"
    )
    if not dry_run:
        text += f"; published {report.published}, caught up {report.caught_up}"
    return text


def report_json(report: ReplayReport, seconds: float, *, dry_run: bool) -> dict[str, Any]:
    return {
        "dry_run": dry_run,
        "read": report.read,
        "changed": len(report.changed),
        "unchanged": report.unchanged,
        "failed": [{"article_id": a, "cause": c} for a, c in report.failed],
        "published": report.published,
        "caught_up": report.caught_up,
        "seconds": round(seconds, 3),
        "changed_articles": [c.article_id for c in report.changed],
    }


async def replay(settings: Settings, bootstrap: str, args: argparse.Namespace) -> ReplayReport:
    from services.normalizer.replay import Replayer
    from services.platform.kafka.clients import reliable_producer
    from services.platform.ops.progress import Bar

    scope = scope_of(args)
    producer = None if args.dry_run else reliable_producer(settings, bootstrap, "replay")
    if producer is not None:
        await producer.start()
    try:
        with Bar("articles") as bar:
            return await Replayer(settings, bootstrap, producer, bar).run(scope)
    finally:
        if producer is not None:
            await producer.stop()


def replay_normalize(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    settings = Settings()
    # A person watches the progress bars: JSON lines go to a file, warnings to the console.
    configure_console_logging(
        "replay-normalize", settings.log_level, settings.logs_dir / "replay.log"
    )
    scope_of(args)  # bad options fail before anything connects
    bootstrap = bootstrap_or_raise(settings)
    began = time.monotonic()
    report = asyncio.run(replay(settings, bootstrap, args))
    seconds = time.monotonic() - began
    if args.json:
        body = report_json(report, seconds, dry_run=args.dry_run)
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
        return 1 if report.failed else 0
    out = [summary(report, seconds, dry_run=args.dry_run)]
    out += [f"failed {a}: {c}" for a, c in report.failed[:FAILED_SHOWN]]
    if len(report.failed) > FAILED_SHOWN:
        out.append(f"... and {len(report.failed) - FAILED_SHOWN} more failed (--json lists all)")
    if args.dry_run:
        out += [diff_text(change) for change in report.changed[: args.diffs]]
    sys.stdout.write("\n".join(out) + "\n")
    return 1 if report.failed else 0


def register_normalize(replays: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = replays.add_parser(
        "normalize", help="re-normalize articles with this normalizer; publish what changed"
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every article event")
    which.add_argument("--since", metavar="TIME", help="events written at or after TIME")
    which.add_argument(
        "--from", dest="start", action="append", metavar="P:O",
        help="partition P from offset O (repeatable; partitions not named are not read)",
    )  # fmt: skip
    which.add_argument("--article", metavar="ID", help="one article")
    parser.add_argument("--dry-run", action="store_true", help="publish nothing; show diffs")
    parser.add_argument("--diffs", type=int, default=3, help="diffs a dry run shows (3)")
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.set_defaults(handler=replay_normalize)


async def _rebuild(settings: Settings, bootstrap: str) -> RebuildReport:
    from services.platform.ops.progress import Bar
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
        "switches to it on its next request: nothing to restart; its projector then puts "
        "the incidents into the full-text index in batches (search finds them then)\n"
    )


def replay_projection(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.kafka.broker_address import bootstrap_or_raise
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


def register_projection(replays: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = replays.add_parser(
        "projection",
        help="rebuild the read model (NEWSTIMELINE_DATABASE_PATH) from news.timelines.v1 "
        "into a new file and swap it in under the running service",
    )
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.set_defaults(handler=replay_projection)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("replay", help="re-normalize articles or rebuild a read model")
    replays = parser.add_subparsers(dest="replay", required=True, metavar="WHAT")
    register_normalize(replays)
    register_projection(replays)
