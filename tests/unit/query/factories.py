"""Timelines for tests: deterministic ids, like the normalizer makes them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from services.timeline.events import Anchor, ArticleTimeline, Incident
from services.timeline.mentions import Granularity, TimexType

BASE = datetime(2024, 1, 1, tzinfo=UTC)
Span = tuple[int, int]  # (start, end) in days after BASE


def incident(
    article_id: str,
    revision: str,
    span: Span,
    *,
    sentence: str = "Something happened then.",
    granularity: Granularity = Granularity.DAY,
    anchor: Anchor = Anchor.EXPLICIT,
) -> Incident:
    start, end = span
    return Incident(
        incident_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{article_id}/{revision}/{start}/{end}")),
        article_id=article_id,
        start=BASE + timedelta(days=start),
        end=BASE + timedelta(days=end),
        granularity=granularity,
        anchor=anchor,
        sentence=sentence,
        mention=f"day {start}",
        timex_type=TimexType.DATE,
        timex_value=(BASE + timedelta(days=start)).date().isoformat(),
        char_start=0,
        char_end=5,
    )


def timeline(
    article_id: str,
    spans: Sequence[Span] = ((0, 1),),
    *,
    revision: str = "r1",
    source: str = "wire",
    title: str = "A headline",
    sentence: str = "Something happened then.",
    granularity: Granularity = Granularity.DAY,
    url: str | None = None,
) -> ArticleTimeline:
    incidents = tuple(
        incident(article_id, revision, s, sentence=sentence, granularity=granularity) for s in spans
    )
    return ArticleTimeline(
        article_id=article_id,
        revision=revision,
        source=source,
        url=url,
        title=title,
        published_at=BASE,
        language="en",
        normalizer_version="test",
        incidents=incidents,
    )
