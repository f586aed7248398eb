"""One pass over one feed: fetch, parse, map every entry, publish what is new.

Publishing is a function passed in (the CLI hands it the same publisher `newstimeline
ingest` uses, with its progress bar), so this module can be driven with a fake.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
from pydantic import ValidationError

from services.ingest.feeds.entries import (
    EntryRefusedError,
    FeedInfo,
    entry_key,
    feed_info,
    to_article,
)
from services.ingest.feeds.fetch import FeedFetchError, Fetched, fetch, is_url
from services.ingest.feeds.state import FeedMemory
from services.ingest.publisher import BrokerUnavailableError, Receipt
from services.ingest.submission import describe_errors, parse_article, to_event
from services.timeline.events import ArticleSubmitted

Outcome = Receipt | BrokerUnavailableError
Publish = Callable[[Sequence[ArticleSubmitted]], Awaitable[Sequence[Outcome]]]


@dataclass
class FeedReport:
    """What happened to one feed in one pass."""

    feed: str
    status: str = "fetched"  # fetched, not modified, failed
    entries: int = 0
    published: int = 0
    unchanged: int = 0  # already published with the same content
    refused: list[tuple[str, str]] = field(default_factory=list)  # (entry key, reason)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.refused


@dataclass(frozen=True)
class Candidate:
    entry_key: str
    article: ArticleSubmitted


def fallback_source(feed: str) -> str:
    """A name for a feed without a title: its host, or its file name."""
    return (urlsplit(feed).hostname or feed) if is_url(feed) else Path(feed).stem


def parse_feed(fetched: Fetched) -> feedparser.FeedParserDict:
    """feedparser over the bytes (never a URL or a path, which it would open itself)."""
    headers = {"content-location": fetched.location or ""}
    if fetched.content_type:
        headers["content-type"] = fetched.content_type
    parsed = feedparser.parse(io.BytesIO(fetched.content or b""), response_headers=headers)
    if parsed.get("bozo") and not parsed.get("entries") and not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "unknown format"
        msg = f"not a feed: {reason}"
        raise FeedFetchError(msg)
    return parsed


def candidates(
    entries: Sequence[dict[str, object]], info: FeedInfo, report: FeedReport
) -> list[Candidate]:
    """Every usable entry as an event; refusals go to the report with their reason."""
    found: dict[str, Candidate] = {}
    for entry in entries:
        key = entry_key(entry)
        try:
            fields = to_article(entry, info).fields
            found.setdefault(key, Candidate(key, to_event(parse_article(fields))))
        except EntryRefusedError as exc:
            report.refused.append((key, str(exc)))
        except ValidationError as exc:
            report.refused.append((key, describe_errors(exc)))
    return list(found.values())


async def ingest_feed(
    feed: str, client: httpx.AsyncClient, memory: FeedMemory, publish: Publish
) -> FeedReport:
    """One pass; `memory` learns the validators and what was published. Raises
    BrokerUnavailableError (after remembering what did get through)."""
    report = FeedReport(feed)
    try:
        fetched = await fetch(client, feed, memory)
        if fetched.content is None:
            report.status = "not modified"
            return report
        parsed = parse_feed(fetched)
    except FeedFetchError as exc:
        report.status, report.error = "failed", str(exc)
        return report
    report.entries = len(parsed.entries)
    found = candidates(parsed.entries, feed_info(parsed.feed, fallback_source(feed)), report)
    fresh = [c for c in found if memory.seen.get(c.entry_key) != c.article.revision]
    report.unchanged = len(found) - len(fresh)
    outcomes = await publish([c.article for c in fresh]) if fresh else []
    failure = None
    for candidate, outcome in zip(fresh, outcomes, strict=True):
        if isinstance(outcome, BrokerUnavailableError):
            failure = outcome
        else:
            memory.remember(candidate.entry_key, candidate.article.revision)
            report.published += 1
    if failure is not None:
        raise failure
    memory.etag, memory.last_modified = fetched.etag, fetched.last_modified
    return report
