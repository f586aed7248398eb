"""Story inputs for tests: articles published at noon UTC, incidents naming days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from services.timeline.events import Anchor
from services.timeline.mentions import Granularity
from services.timeline.story import StoryArticle, StoryIncident

DAY = timedelta(days=1)


def article(article_id: str, published: date, source: str = "wire") -> StoryArticle:
    noon = datetime.combine(published, datetime.min.time(), UTC) + timedelta(hours=12)
    return StoryArticle(article_id, noon, source, f"Headline of {article_id}", None)


def mention(
    article_id: str,
    day: date,
    sentence: str,
    *,
    n: int = 0,
    granularity: Granularity = Granularity.DAY,
    length: timedelta = DAY,
) -> StoryIncident:
    start = datetime.combine(day, datetime.min.time(), UTC)
    return StoryIncident(
        f"{article_id}/{day}/{n}",
        article_id,
        start,
        start + length,
        granularity,
        Anchor.EXPLICIT,
        sentence,
    )


def published(story_article: StoryArticle) -> StoryIncident:
    start = story_article.published_at
    return StoryIncident(
        f"{story_article.article_id}/publication",
        story_article.article_id,
        start,
        start + timedelta(minutes=1),
        Granularity.MINUTE,
        Anchor.PUBLICATION,
        story_article.title,
    )
