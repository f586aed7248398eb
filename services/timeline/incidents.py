"""The pure core of the normalizer: an article revision in, its timeline out.

Same input, same output, byte for byte: the publication time is an argument, nothing reads
the clock, and incident ids are uuid5 over (article_id, revision, span). That is what makes
replays and at-least-once delivery safe.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.timeline.events import Anchor, ArticleSubmitted, ArticleTimeline, Incident
from services.timeline.mentions import Granularity, Mention
from services.timeline.normalize import normalize
from services.timeline.sentences import sentence_at, sentence_starts

NORMALIZER_VERSION = "0.2.0"
INCIDENT_NAMESPACE = uuid.UUID("0b8f6a52-58c4-4d0e-9f1e-3c2f1f3f6d11")


def incident_id(article: ArticleSubmitted, span: str) -> str:
    return str(uuid.uuid5(INCIDENT_NAMESPACE, f"{article.article_id}/{article.revision}/{span}"))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def mention_incident(article: ArticleSubmitted, mention: Mention, starts: list[int]) -> Incident:
    assert mention.start is not None
    assert mention.end is not None
    assert mention.granularity is not None
    return Incident(
        incident_id=incident_id(article, f"{mention.char_start}-{mention.char_end}"),
        article_id=article.article_id,
        start=_utc(mention.start),
        end=_utc(mention.end),
        granularity=mention.granularity,
        anchor=Anchor.EXPLICIT,
        sentence=sentence_at(article.body, starts, mention.char_start),
        mention=mention.text,
        timex_type=mention.timex_type,
        timex_value=mention.timex_value,
        char_start=mention.char_start,
        char_end=mention.char_end,
    )


def publication_incident(article: ArticleSubmitted) -> Incident:
    published = _utc(article.published_at)
    return Incident(
        incident_id=incident_id(article, "publication"),
        article_id=article.article_id,
        start=published,
        end=published + timedelta(minutes=1),
        granularity=Granularity.MINUTE,
        anchor=Anchor.PUBLICATION,
        sentence=article.title,
    )


def build_timeline(article: ArticleSubmitted) -> ArticleTimeline:
    """Every anchorable mention of the body, plus the publication itself, in time order."""
    starts = sentence_starts(article.body, article.language)
    mentions = normalize(
        article.body,
        article.published_at,
        article.language,
        article.timezone,
        article.document_type,
    )
    incidents = [mention_incident(article, m, starts) for m in mentions if m.anchorable]
    incidents.append(publication_incident(article))
    incidents.sort(key=lambda i: (i.start, i.end, i.incident_id))
    return ArticleTimeline(
        article_id=article.article_id,
        revision=article.revision,
        source=article.source,
        url=article.url,
        title=article.title,
        published_at=article.published_at,
        language=article.language,
        normalizer_version=NORMALIZER_VERSION,
        incidents=tuple(incidents),
    )
