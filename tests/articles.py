"""Article events the tests build: one factory, so every test's article looks alike."""

from __future__ import annotations

from datetime import UTC, datetime

from services.timeline.events import ArticleSubmitted


def article(
    article_id: str = "a-1",
    revision: str = "r1",
    body: str = "Talks began on December 1, officials said.",
    published_at: datetime = datetime(2025, 12, 15, 8, tzinfo=UTC),
) -> ArticleSubmitted:
    return ArticleSubmitted(
        article_id=article_id,
        revision=revision,
        source="Wire",
        title="Talks",
        body=body,
        published_at=published_at,
    )
