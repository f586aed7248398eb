"""Getting a feed's bytes: over HTTP with conditional GET, or from a file.

httpx fetches, feedparser only parses bytes: so the timeout, redirects and the validators
are under our control, and a feed URL is never handed to a parser that would fetch it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from services.ingest.feeds.state import FeedMemory

USER_AGENT = "news-timeline-feeds/0.1"
ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9"


class FeedFetchError(RuntimeError):
    """The feed could not be read; the message says why."""


@dataclass(frozen=True)
class Fetched:
    """A feed's bytes (None when the server answered 304 Not Modified) and validators."""

    content: bytes | None
    content_type: str | None = None
    location: str | None = None  # for relative links inside the feed
    etag: str | None = None
    last_modified: str | None = None


def is_url(feed: str) -> bool:
    return feed.startswith(("http://", "https://"))


def conditional_headers(memory: FeedMemory) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if memory.etag:
        headers["If-None-Match"] = memory.etag
    if memory.last_modified:
        headers["If-Modified-Since"] = memory.last_modified
    return headers


async def fetch(client: httpx.AsyncClient, feed: str, memory: FeedMemory) -> Fetched:
    """The feed's current bytes, or Fetched(None) when it has not changed since `memory`."""
    if not is_url(feed):
        return read_file(Path(feed))
    try:
        response = await client.get(feed, headers=conditional_headers(memory))
    except httpx.HTTPError as exc:
        msg = f"cannot fetch: {exc.__class__.__name__}: {exc}"
        raise FeedFetchError(msg) from exc
    if response.status_code == httpx.codes.NOT_MODIFIED:
        return Fetched(None, etag=memory.etag, last_modified=memory.last_modified)
    if response.status_code != httpx.codes.OK:
        msg = f"HTTP {response.status_code} {response.reason_phrase}"
        raise FeedFetchError(msg)
    return Fetched(
        response.content,
        content_type=response.headers.get("content-type"),
        location=str(response.url),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def read_file(path: Path) -> Fetched:
    try:
        # A file has no Content-Type header; XML lets feedparser read its encoding itself.
        # No location either: a relative guid or link is left as written, not made a file URL.
        return Fetched(path.read_bytes(), content_type="application/xml")
    except OSError as exc:
        msg = f"cannot read: {exc.strerror or exc}"
        raise FeedFetchError(msg) from exc
