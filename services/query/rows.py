"""The rows a timeline becomes in the read model, built from the contract's pydantic models.

This is the reference: timeline_codec.py builds the same rows straight from a record's
JSON, faster, and a test holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.query.clock import rfc3339
from services.query.search import index_text
from services.query.sort_keys import base_of
from services.query.times import to_key
from services.timeline.events import ArticleTimeline
from services.timeline.zones import zone_label

Row = tuple[object, ...]
# Positions in an incident row (seq first, the base of the sort key last).
INCIDENT_ID_AT, RANK_AT, SPAN_CLASS_AT, SORT_KEY_AT = 1, 6, 16, 22


@dataclass(frozen=True, slots=True)
class TimelineRows:
    """One article revision as rows: the article's, and one per incident (seq 0, the base
    of the start second's sort keys last: the store numbers them and allocates the key)."""

    article_id: str
    article: Row
    incidents: list[Row]


def span_class(start: datetime, end: datetime) -> int:
    """ceil(log2(seconds)) of the interval's length (see schema.py), in whole seconds
    rounded up: exact in integers (a float's total_seconds loses microseconds on
    intervals of centuries) and twice as fast."""
    length = end - start
    seconds = length.days * 86400 + length.seconds + (length.microseconds > 0)
    return max(seconds - 1, 0).bit_length()


def own_clock(published_at: datetime, timezone: str | None) -> tuple[str, str]:
    """The article's publication time with its own offset, and the name of its clock."""
    return rfc3339(published_at), zone_label(published_at, timezone)


def rows_of(timeline: ArticleTimeline) -> TimelineRows:
    """The rows of a validated timeline; the article's own columns are built once."""
    t = timeline
    url = str(t.url) if t.url else None
    local, zone = own_clock(t.published_at, t.timezone)
    published = to_key(t.published_at)
    article = (
        t.article_id, t.revision, t.source, url, t.title, published, t.language,
        t.normalizer_version, local, zone,
    )  # fmt: skip
    incidents: list[Row] = [
        (
            0, i.incident_id, i.article_id, to_key(i.start), to_key(i.end),
            i.granularity.value, i.granularity.rank, i.anchor.value, i.sentence, i.mention,
            i.timex_type.value if i.timex_type else None, i.timex_value, i.char_start,
            i.char_end, t.source, t.title, span_class(i.start, i.end), url, published, local,
            zone, index_text(t.language, i.sentence, i.mention, t.title), base_of(i.start),
        )
        for i in t.incidents
    ]  # fmt: skip
    return TimelineRows(t.article_id, article, incidents)
