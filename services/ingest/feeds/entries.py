"""One feed entry (as feedparser gives it) -> the article a client would submit.

Pure: no network, no files, no clock. An entry without its own date is refused rather than
given the time it was read, because every relative date in its text resolves against the
publication time. The raw date string is read with its offset kept (feedparser's parsed
tuples are UTC), so "yesterday" counts in the newsroom's own day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from services.ingest.feeds.text import html_to_text

DEFAULT_LANGUAGE = "en"  # what the HTTP API assumes too when none is given
PLAIN_TYPES = frozenset({"text/plain", "text"})


class EntryRefusedError(ValueError):
    """The entry cannot become an article; the message says why."""


@dataclass(frozen=True)
class FeedInfo:
    """What the feed says once for all its entries."""

    source: str
    language: str | None


@dataclass(frozen=True)
class FeedArticle:
    """An entry's dedup key and the article fields (ArticleIn's input) it maps to."""

    entry_key: str
    fields: dict[str, Any]


def feed_info(feed: Mapping[str, Any], fallback_source: str) -> FeedInfo:
    title = html_to_text(str(feed.get("title") or "")).replace("\n\n", " ")
    return FeedInfo(source=(title or fallback_source)[:200], language=feed.get("language"))


def entry_key(entry: Mapping[str, Any]) -> str:
    """guid (RSS) or id (Atom); the link, then a hash of title and date, when it has none."""
    for name in ("id", "link"):
        value = entry.get(name)
        if value:
            return str(value)
    stamp = f"{entry.get('title', '')}\x1f{entry.get('published') or entry.get('updated', '')}"
    return "sha256:" + hashlib.sha256(stamp.encode()).hexdigest()[:32]


def entry_time(entry: Mapping[str, Any]) -> datetime:
    """Publication time, else last update; the raw string first, so its offset stays."""
    for name in ("published", "updated", "created"):
        raw = entry.get(name)
        if raw:
            parsed = _parse_raw_date(str(raw)) or _from_utc_tuple(entry.get(f"{name}_parsed"))
            if parsed is not None:
                return parsed
            msg = f"unreadable {name} date {raw!r}"
            raise EntryRefusedError(msg)
    msg = "no publication date (published, updated or dc:date)"
    raise EntryRefusedError(msg)


def _parse_raw_date(raw: str) -> datetime | None:
    """RFC 3339 (Atom, dc:date) or RFC 822 (RSS 2.0), only when it states an offset."""
    try:
        parsed = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo is not None else None


def _from_utc_tuple(value: Any) -> datetime | None:
    """feedparser's struct_time, which it has already converted to UTC."""
    if value is None:
        return None
    year, month, day, hour, minute, second = value[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def entry_language(entry: Mapping[str, Any], feed: FeedInfo) -> str:
    """The entry's own language tag, else the feed's, reduced to its primary subtag."""
    details = [*entry.get("content", ()), entry.get("summary_detail"), entry.get("title_detail")]
    tags = [entry.get("language"), *(d.get("language") for d in details if d), feed.language]
    tag = next((str(t) for t in tags if t), DEFAULT_LANGUAGE)
    return tag.replace("_", "-").split("-")[0].strip().lower()


def entry_body(entry: Mapping[str, Any]) -> str:
    """The full content when the entry has it, else its summary, as plain text."""
    candidates = [*entry.get("content", ()), entry.get("summary_detail")]
    for detail in candidates:
        if detail and str(detail.get("value") or "").strip():
            value = str(detail["value"])
            return value.strip() if detail.get("type") in PLAIN_TYPES else html_to_text(value)
    summary = str(entry.get("summary") or "")
    if summary.strip():
        return html_to_text(summary)
    msg = "no content or summary"
    raise EntryRefusedError(msg)


def entry_title(entry: Mapping[str, Any]) -> str:
    title = html_to_text(str(entry.get("title") or "")).replace("\n\n", " ")
    if not title:
        msg = "no title"
        raise EntryRefusedError(msg)
    return title


def to_article(entry: Mapping[str, Any], feed: FeedInfo) -> FeedArticle:
    """The submitted-article fields of one entry; raises EntryRefusedError with the reason."""
    fields: dict[str, Any] = {
        "source": feed.source,
        "title": entry_title(entry),
        "body": entry_body(entry),
        "published_at": entry_time(entry).isoformat(),
        "language": entry_language(entry, feed),
    }
    key = entry_key(entry)
    link = entry.get("link")
    if link:
        fields["url"] = str(link)
    else:
        # Without a link the id would default to a hash of the title and time, which an
        # edited headline changes; the guid does not.
        fields["article_id"] = "f-" + hashlib.sha256(key.encode()).hexdigest()[:32]
    return FeedArticle(entry_key=key, fields=fields)
