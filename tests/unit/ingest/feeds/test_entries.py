"""Feed entries -> article fields: pure mapping, no network, no clock."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest

from services.ingest.feeds.entries import (
    EntryRefusedError,
    FeedInfo,
    entry_key,
    entry_time,
    feed_info,
    to_article,
)
from services.ingest.feeds.text import html_to_text
from services.ingest.submission import parse_article

FEEDS = Path(__file__).parents[3] / "data" / "feeds"
WIRE = FeedInfo(source="Wire", language="en-GB")


def parsed(name: str) -> Any:
    content = (FEEDS / name).read_bytes()
    return feedparser.parse(io.BytesIO(content), response_headers={"content-type": "text/xml"})


def articles(name: str) -> list[dict[str, Any] | str]:
    """Each entry's fields, or the reason it was refused."""
    feed = parsed(name)
    info = feed_info(feed.feed, "fallback")
    out: list[dict[str, Any] | str] = []
    for entry in feed.entries:
        try:
            out.append(to_article(entry, info).fields)
        except EntryRefusedError as exc:
            out.append(str(exc))
    return out


def test_rss2_keeps_the_offset_and_prefers_full_content() -> None:
    ferry, budget, undated = articles("rss2.xml")
    assert isinstance(ferry, dict)
    assert ferry["published_at"] == "2025-12-15T08:00:00-05:00"
    assert ferry["body"] == (
        "Ferries ran again on Monday after the storm of December 13.\n\n"
        "Crews had worked since Saturday night & through Sunday."
    )
    assert (ferry["source"], ferry["language"]) == ("Harbour City Wire", "en")
    assert ferry["url"] == "https://wire.example.org/2025/12/ferry"
    assert isinstance(budget, dict)
    assert budget["body"] == "The council approved the 2026 budget yesterday."
    assert undated == "no publication date (published, updated or dc:date)"


def test_rss1_takes_dc_date_and_dc_language() -> None:
    (bahn,) = articles("rss1.rdf")
    assert isinstance(bahn, dict)
    assert (bahn["published_at"], bahn["language"]) == ("2025-12-15T09:30:00+01:00", "de")
    assert bahn["source"] == "Beispiel Zeitung"


def test_atom_entry_language_overrides_the_feeds() -> None:
    port, harbour = articles("atom.xml")
    assert isinstance(port, dict)
    assert isinstance(harbour, dict)
    assert (port["language"], harbour["language"]) == ("fr", "en")
    assert port["published_at"] == "2025-12-15T07:45:00+01:00"  # published beats updated
    assert harbour["published_at"] == "2025-12-15T09:00:00+00:00"  # only updated
    assert harbour["body"] == "The harbour reopened yesterday morning."


def test_every_mapped_entry_is_a_valid_submission() -> None:
    for name in ("rss2.xml", "rss1.rdf", "atom.xml"):
        for fields in articles(name):
            if isinstance(fields, dict):
                assert parse_article(fields).published_at.tzinfo is not None


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"title": "T", "summary": "B"}, "no publication date"),
        ({"title": "T", "summary": "B", "published": "sometime soon"}, "unreadable published"),
        ({"title": "T", "published": "2025-12-15T08:00:00Z"}, "no content or summary"),
        ({"summary": "B", "published": "2025-12-15T08:00:00Z"}, "no title"),
    ],
)
def test_unusable_entries_say_why(entry: dict[str, Any], reason: str) -> None:
    with pytest.raises(EntryRefusedError, match=reason):
        to_article(entry, WIRE)


def test_time_falls_back_to_feedparsers_utc_tuple() -> None:
    # "-0000" means "offset unknown" in RFC 822, so the raw string gives no aware time.
    entry = {
        "published": "Mon, 15 Dec 2025 08:00:00 -0000",
        "published_parsed": (2025, 12, 15, 8, 0, 0, 0, 349, 0),
    }
    assert entry_time(entry) == datetime.fromisoformat("2025-12-15T08:00:00+00:00")


def test_language_tags_reduce_to_the_primary_subtag() -> None:
    entry = {"title": "T", "summary": "B", "published": "2025-12-15T08:00:00Z"}
    assert to_article(entry, WIRE).fields["language"] == "en"
    assert to_article(entry, FeedInfo("W", "PT_br")).fields["language"] == "pt"
    assert to_article(entry, FeedInfo("W", None)).fields["language"] == "en"


def test_entry_key_is_the_guid_then_the_link_then_a_hash() -> None:
    assert entry_key({"id": "g1", "link": "https://x.test/1"}) == "g1"
    assert entry_key({"link": "https://x.test/1"}) == "https://x.test/1"
    hashed = entry_key({"title": "T", "published": "2025"})
    assert hashed.startswith("sha256:")
    assert hashed == entry_key({"title": "T", "published": "2025"})


def test_an_entry_without_link_gets_an_id_from_its_guid() -> None:
    entry = {"id": "g1", "title": "T", "summary": "B", "published": "2025-12-15T08:00:00Z"}
    fields = to_article(entry, WIRE).fields
    retitled = to_article({**entry, "title": "T2"}, WIRE).fields
    assert "url" not in fields
    assert fields["article_id"] == retitled["article_id"]


def test_html_is_reduced_to_paragraphs_of_text() -> None:
    html = (
        "<div><h2>Head</h2><p>One <a href='x'>link</a>\n  wrapped.</p>"
        "<script>var x = 1;</script><ul><li>a&nbsp;b</li><li>c &amp; d</li></ul></div>"
    )
    assert html_to_text(html) == "Head\n\nOne link wrapped.\n\na b\n\nc & d"
