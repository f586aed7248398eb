"""Articles for story tests: each names one day in its sentences and is published on day 10."""

from __future__ import annotations

from datetime import timedelta

from services.timeline.events import Anchor, ArticleTimeline
from tests.unit.query.factories import BASE, incident


def article(
    article_id: str,
    day: int,
    sentences: list[str],
    *,
    source: str = "wire",
    language: str = "en",
    published_day: int = 10,
) -> ArticleTimeline:
    """An article published on `published_day` naming `day` once per sentence."""
    incidents = tuple(
        incident(article_id, "r1", (day, day + 1), sentence=s).model_copy(
            update={"incident_id": f"{article_id}-{n}"}
        )
        for n, s in enumerate(sentences)
    )
    published = BASE + timedelta(days=published_day, hours=12)
    publication = incident(
        article_id, "r1", (published_day, published_day + 1), anchor=Anchor.PUBLICATION
    ).model_copy(
        update={
            "start": published,
            "end": published + timedelta(minutes=1),
            "incident_id": f"{article_id}-p",
        }
    )
    return ArticleTimeline(
        article_id=article_id,
        revision="r1",
        source=source,
        url=f"https://example.org/{article_id}",
        title=f"Headline {article_id}",
        published_at=published,
        language=language,
        normalizer_version="test",
        incidents=(*incidents, publication),
    )
