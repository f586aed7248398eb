"""`newstimeline ingest-feed URL|FILE... [--follow [--every 60s]]`: RSS and Atom entries
published as articles, with progress, the refusals and a summary on stderr."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    import asyncio

    import httpx
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.table import Table

    from services.ingest.feeds.publish import FeedReport, Outcome
    from services.ingest.publisher import Publisher
    from services.platform.settings import Settings
    from services.timeline.events import ArticleSubmitted

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$")
UNIT_SECONDS = {"s": 1.0, "m": 60.0, "h": 3600.0}
DEFAULT_EVERY_S = 60.0
# One report a line, never wrapped, so `feed: entry: reason` stays greppable.
T = TypeVar("T")
REPORT: dict[str, Any] = {"style": "red", "soft_wrap": True, "markup": False, "highlight": False}


def parse_every(text: str | None, follow: bool) -> float | None:
    """Seconds between passes with --follow (None: one pass); raises UsageError."""
    if text is None:
        return DEFAULT_EVERY_S if follow else None
    if not follow:
        msg = "--every needs --follow"
        raise UsageError(msg)
    match = DURATION.match(text)
    seconds = float(match[1]) * UNIT_SECONDS[match[2] or "s"] if match else 0.0
    if seconds <= 0:
        msg = f"--every: {text!r} is not a positive duration such as 90s, 5m or 1h"
        raise UsageError(msg)
    return seconds


def checked_feeds(feeds: Sequence[str]) -> list[str]:
    """http(s) URLs as given, files as absolute paths; raises UsageError for others."""
    from services.ingest.feeds.fetch import is_url

    checked = []
    for feed in feeds:
        if is_url(feed):
            checked.append(feed)
        elif "://" in feed:
            msg = f"{feed}: only http:// and https:// feeds can be fetched"
            raise UsageError(msg)
        elif Path(feed).is_file():
            checked.append(str(Path(feed).resolve()))
        else:
            msg = f"no such feed file: {feed}"
            raise UsageError(msg)
    return checked


def display(feed: str) -> str:
    """How a feed is named on the console: a file relative to here when it is below."""
    from services.ingest.feeds.fetch import is_url

    if is_url(feed):
        return feed
    relative = os.path.relpath(feed)
    return feed if relative.startswith("..") else relative


class FeedRun:
    """Passes over the feeds with one publisher, one HTTP client and one state file."""

    def __init__(self, settings: Settings, publisher: Publisher, console: Console) -> None:
        from services.ingest.feeds.state import FeedState

        self.settings, self.publisher, self.console = settings, publisher, console
        self.state_path = settings.feed_state_file
        self.state = FeedState()

    async def one_pass(self, client: httpx.AsyncClient, feeds: list[str]) -> list[FeedReport]:
        from rich.progress import Progress

        from services.ingest.feeds.publish import ingest_feed
        from services.ingest.feeds.state import load_state, save_state

        self.state = load_state(self.state_path)
        reports = []
        with Progress(console=self.console, transient=False) as progress:
            for feed in feeds:
                task = progress.add_task(display(feed), total=None)
                report = await ingest_feed(
                    feed, client, self.state.memory(feed), self._publisher_for(progress, task)
                )
                save_state(self.state, self.state_path)  # after each feed: a crash loses less
                progress.update(task, total=report.published or 1, completed=report.published or 1)
                self._print_refusals(progress.console, report)
                reports.append(report)
        return reports

    def _publisher_for(
        self, progress: Progress, task: TaskID
    ) -> Callable[[Sequence[ArticleSubmitted]], Awaitable[Sequence[Outcome]]]:
        from services.ingest.publisher import publish_all

        async def publish(articles: Sequence[ArticleSubmitted]) -> Sequence[Outcome]:
            progress.update(task, total=len(articles))
            outcomes = await publish_all(self.publisher, list(articles))
            progress.advance(task, len(outcomes))
            return outcomes

        return publish

    @staticmethod
    def _print_refusals(console: Console, report: FeedReport) -> None:
        if report.error:
            console.print(f"{display(report.feed)}: {report.error}", **REPORT)
        for key, reason in report.refused:
            console.print(f"{display(report.feed)}: {key}: {reason}", **REPORT)


def summary(reports: Sequence[FeedReport]) -> Table:
    from rich.table import Table

    table = Table(title="ingest-feed", title_justify="left")
    for name in ("feed", "status", "entries", "published", "unchanged", "refused"):
        left = name in {"feed", "status"}
        table.add_column(name, justify="left" if left else "right", overflow="fold")
    for r in reports:
        counts = (r.entries, r.published, r.unchanged, len(r.refused))
        table.add_row(display(r.feed), r.status, *(str(n) for n in counts))
    return table


async def run_feeds(
    settings: Settings, publisher: Publisher, feeds: list[str], every_s: float | None
) -> int:
    """One pass (exit 1 when a feed failed or an entry was refused), or passes every
    `every_s` seconds until SIGINT or SIGTERM (exit 0)."""
    import asyncio

    import httpx
    from rich.console import Console

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    console = Console(stderr=True)
    timeout = httpx.Timeout(settings.feed_fetch_timeout_s)
    try:
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client:
            run = FeedRun(settings, publisher, console)
            while not stop.is_set():
                reports = await until_stopped(run.one_pass(client, feeds), stop)
                if reports is None:
                    break
                console.print(summary(reports))
                if every_s is None:
                    return 0 if all(r.ok for r in reports) else 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), every_s)
    finally:
        await publisher.close()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    return 0


async def until_stopped(work: Awaitable[T], stop: asyncio.Event) -> T | None:
    """`work`'s result, or None once `stop` is set (the work is cancelled then)."""
    import asyncio

    task = asyncio.ensure_future(work)
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        stopper.cancel()
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None


def ingest_feeds(args: argparse.Namespace) -> int:
    import asyncio

    from services.ingest.publisher import BrokerUnavailableError
    from services.ingest.wiring import build_publisher
    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.logs import configure_console_logging
    from services.platform.settings import Settings

    feeds = checked_feeds(args.feeds)
    every_s = parse_every(args.every, args.follow)
    settings = Settings()
    # A person watches the progress bars: JSON lines go to a file, warnings to the console.
    configure_console_logging(
        "ingest-feed", settings.log_level, settings.logs_dir / "ingest-feed.log"
    )
    # Chosen before the event loop starts: finding the local broker runs a loop of its own.
    publisher = build_publisher(settings, bootstrap_or_raise(settings))
    try:
        return asyncio.run(run_feeds(settings, publisher, feeds, every_s))
    except BrokerUnavailableError as exc:
        sys.stderr.write(f"newstimeline ingest-feed: {exc}\n")
        return 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest-feed", help="publish the entries of RSS 2.0, RSS 1.0 and Atom feeds"
    )
    parser.add_argument("feeds", nargs="+", metavar="URL|FILE", help="feed URLs or files")
    parser.add_argument(
        "--follow", action="store_true", help="read the feeds again and again until stopped"
    )
    parser.add_argument(
        "--every", default=None, metavar="DURATION", help="pause between passes (default 60s)"
    )
    parser.set_defaults(handler=ingest_feeds)
