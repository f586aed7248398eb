"""`newstimeline audit`: does every article on news.articles.v1 have the timeline its latest
record calls for on news.timelines.v1? Reads both topics whole (it never writes, unless
--repair), lists what is wrong, exits 0 when nothing is and 1 otherwise. --repair
publishes, for each finding, what the worker would have published: the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress

    from services.normalizer.audit import Audit, Finding
    from services.platform.settings import Settings

# Below this many records a read takes a second or two: no progress bar.
PROGRESS_FROM = 20_000


async def read_topic(
    settings: Settings, bootstrap: str, topic: str, add: Callable[[Any], None],
    progress: Progress,
) -> None:  # fmt: skip
    """Hand every record of `topic`, up to its end offsets now, to `add`."""
    from services.platform.kafka.topic_reader import reading

    async with reading(settings, bootstrap, topic, "audit") as (total, records):
        task = progress.add_task(topic, total=total) if total >= PROGRESS_FROM else None
        count = 0
        async for record in records:
            add(record)
            count += 1
            if task is not None and count % 1000 == 0:
                progress.update(task, completed=count)


async def read_both(settings: Settings, bootstrap: str, show_progress: bool) -> Audit:
    from rich.console import Console
    from rich.progress import Progress

    from services.normalizer.audit import Audit

    audit = Audit()
    topics = settings.topics
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not show_progress) as progress:
        await read_topic(settings, bootstrap, topics.articles, audit.add_article, progress)
        await read_topic(settings, bootstrap, topics.timelines, audit.add_timeline, progress)
    return audit


async def repair(settings: Settings, bootstrap: str, findings: list[Finding]) -> list[str]:
    """Publish what the worker would for each finding; the ones that cannot be, and why."""
    from services.normalizer.processing import DeadLetter, Publish, decide
    from services.platform.kafka.clients import reliable_producer

    refused: list[str] = []
    producer = reliable_producer(settings, bootstrap, "audit-repair")
    await producer.start()
    try:
        for finding in findings:
            article = finding.article
            outcome = decide(article.value, {}, article.kind, settings.max_record_bytes)
            if isinstance(outcome, DeadLetter):
                refused.append(f"{finding.article_id}: {type(outcome.error).__name__}")
                continue
            assert isinstance(outcome, Publish)  # nothing is published yet: never a skip
            await producer.send_and_wait(settings.topics.timelines, outcome.value,
                                         key=outcome.key, headers=outcome.headers)  # fmt: skip
    finally:
        await producer.stop()
    return refused


def report(findings: list[Finding], counts: dict[str, Any], as_json: bool) -> None:
    if as_json:
        body = {**counts, "findings": [f.as_json() for f in findings]}
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
        return
    for finding in findings:
        sys.stdout.write(finding.line() + "\n")
    sys.stdout.write(
        f"{counts['articles']} articles, {counts['timelines']} timeline keys: "
        f"{len(findings)} without the timeline they call for "
        f"({counts['seconds']:.1f} s)\n"
    )


def audit_command(args: argparse.Namespace) -> int:
    import asyncio

    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    settings = Settings()
    configure_console_logging("audit", settings.log_level, settings.logs_dir / "audit.log")
    bootstrap = bootstrap_or_raise(settings)  # found, never started here
    began = time.monotonic()
    audit = asyncio.run(read_both(settings, bootstrap, sys.stderr.isatty() and not args.json))
    findings = audit.findings()
    counts: dict[str, Any] = {
        "articles": len(audit.articles),
        "timelines": len(audit.timelines),
        "seconds": round(time.monotonic() - began, 2),
    }
    if args.repair and findings:
        refused = asyncio.run(repair(settings, bootstrap, findings))
        counts |= {"repaired": len(findings) - len(refused), "refused": refused}
    report(findings, counts, args.json)
    if args.repair and not args.json:
        sys.stdout.write(f"repaired {counts.get('repaired', 0)}\n")
        for line in counts.get("refused", []):
            sys.stdout.write(f"cannot repair {line}\n")
    return 1 if findings else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = subparsers.add_parser(
        "audit", help="check that every article has the timeline its latest record calls for"
    )
    audit.add_argument("--json", action="store_true", help="the findings as JSON")
    audit.add_argument(
        "--repair", action="store_true",
        help="publish the missing timelines and tombstones (the bytes the worker would)",
    )  # fmt: skip
    audit.set_defaults(handler=audit_command)
