"""The pure core of the normalizer: an article revision in, its timeline out.

Same input, same output, byte for byte: the publication time is an argument, nothing reads
the clock, and incident ids are uuid5 over what identifies the incident within its article.
That is what makes replays and at-least-once delivery safe, and what lets an edit keep the
ids (and the links) of the incidents it left alone.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from services.timeline.events import Anchor, ArticleSubmitted, ArticleTimeline, Incident
from services.timeline.mentions import Granularity, Mention
from services.timeline.normalize import normalize
from services.timeline.sentences import sentence_at, sentence_starts

# Raised whenever the rules change what they produce, so that a replay republishes.
NORMALIZER_VERSION = "0.3.0"
INCIDENT_NAMESPACE = uuid.UUID("0b8f6a52-58c4-4d0e-9f1e-3c2f1f3f6d11")


def incident_id(article_id: str, key: str) -> str:
    return str(uuid.uuid5(INCIDENT_NAMESPACE, f"{article_id}/{key}"))


def mention_keys(mentions: Iterable[Mention]) -> list[str]:
    """What identifies each mention within its article: its text, its value and its ordinal
    among the mentions with the same text and value, in text order. Neither the revision
    nor the character offsets take part: an edit elsewhere shifts offsets, and a mention it
    leaves alone must keep its id. (Unit separators keep text and value apart whatever
    characters the text holds.)"""
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for mention in mentions:
        pair = (mention.text, mention.timex_value)
        keys.append(f"mention\x1f{mention.text}\x1f{mention.timex_value}\x1f{seen[pair]}")
        seen[pair] += 1
    return keys


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def mention_incident(
    article: ArticleSubmitted, mention: Mention, key: str, starts: list[int]
) -> Incident:
    assert mention.start is not None
    assert mention.end is not None
    assert mention.granularity is not None
    return Incident(
        incident_id=incident_id(article.article_id, key),
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
        incident_id=incident_id(article.article_id, "publication"),
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
    anchorable = sorted((m for m in mentions if m.anchorable), key=lambda m: m.char_start)
    keys = mention_keys(anchorable)
    incidents = [
        mention_incident(article, m, k, starts) for m, k in zip(anchorable, keys, strict=True)
    ]
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
        timezone=article.timezone,
    )
