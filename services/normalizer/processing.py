"""What the worker does with one record, apart from Kafka: decode, deduplicate, build.

Kept free of Faust so the decision logic is unit-tested without a broker: the agent only
moves bytes between topics according to the outcome returned here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from services.contracts.envelope import Envelope, Headers, binary_headers
from services.contracts.names import (
    NORMALIZER_SOURCE,
    RETRACTION_TYPE,
    TIMELINE_TYPE,
    TOMBSTONE_TYPE,
)
from services.timeline import incidents
from services.timeline.events import ArticleRetracted, ArticleSubmitted
from services.timeline.incidents import build_timeline

EVENT_NAMESPACE = uuid.UUID("2f0a3b8c-7d41-4e8e-b3f6-5a9c0d7e1f42")


@dataclass(frozen=True)
class Publish:
    """A timeline (or, for a retraction, a tombstone: value None) to publish under the
    article's key."""

    key: bytes
    value: bytes | None
    headers: Headers
    article_id: str
    marker: str


@dataclass(frozen=True)
class Skip:
    """This revision was already published."""

    article_id: str
    revision: str


@dataclass(frozen=True)
class DeadLetter:
    """The record cannot be handled; the cause travels with it."""

    error: Exception


Outcome = Publish | Skip | DeadLetter
# Without a limit of its own, a timeline may be as large as a record may be.
NO_LIMIT = 2**62


class TimelineTooLargeError(ValueError):
    """The article's timeline is larger than a record on the timelines topic may be."""


def published_marker(revision: str) -> str:
    """What the dedup table remembers: the revision *and* the rules that built it, so a
    replay after a normalizer upgrade republishes instead of being skipped."""
    return f"{revision}@{incidents.NORMALIZER_VERSION}"


def event_type(headers: Headers) -> str | None:
    """The record's ce_type header, if it has one."""
    found = dict(headers).get("ce_type")
    return found.decode(errors="replace") if found is not None else None


def decide(
    value: bytes | None,
    seen: Mapping[str, str],
    kind: str | None = None,
    max_bytes: int = NO_LIMIT,
) -> Outcome:
    """The outcome for one record of the articles topic of CloudEvents type `kind`, given
    the last revision published per article; a timeline over `max_bytes` is a dead letter
    (it could never be published)."""
    if kind == RETRACTION_TYPE:
        return _retract(value)
    try:
        article = ArticleSubmitted.model_validate_json(value or b"")
    except ValidationError as exc:
        return DeadLetter(exc)
    if seen.get(article.article_id) == published_marker(article.revision):
        return Skip(article.article_id, article.revision)
    try:
        timeline = build_timeline(article)
    except Exception as exc:
        return DeadLetter(exc)
    payload = timeline.model_dump_json().encode()
    if len(payload) > max_bytes:
        msg = (f"the timeline of {article.article_id} ({len(timeline.incidents)} incidents) is "
               f"{len(payload)} bytes, more than the {max_bytes} a record may hold")  # fmt: skip
        return DeadLetter(TimelineTooLargeError(msg))
    event_id = uuid.uuid5(EVENT_NAMESPACE, f"{article.article_id}/{article.revision}")
    # ce_time is the publication time, not the wall clock, so replays stay byte-identical.
    envelope = Envelope(
        str(event_id), TIMELINE_TYPE, NORMALIZER_SOURCE, article.published_at, article.article_id
    )
    return Publish(
        key=article.article_id.encode(),
        value=payload,
        headers=binary_headers(envelope, payload),
        article_id=article.article_id,
        marker=published_marker(article.revision),
    )


def _retract(value: bytes | None) -> Outcome:
    """A tombstone for the article; its headers come from the retraction alone, so a
    replay of the retraction gives the same record."""
    try:
        retraction = ArticleRetracted.model_validate_json(value or b"")
    except ValidationError as exc:
        return DeadLetter(exc)
    article_id = retraction.article_id
    stamp = retraction.retracted_at.isoformat()
    event_id = uuid.uuid5(EVENT_NAMESPACE, f"{article_id}/retracted/{stamp}")
    envelope = Envelope(str(event_id), TOMBSTONE_TYPE, NORMALIZER_SOURCE, retraction.retracted_at,
                        article_id)  # fmt: skip
    # A tombstone has no content, so no content-type either.
    headers = [h for h in binary_headers(envelope, b"") if h[0] != "content-type"]
    marker = f"retracted@{stamp}"
    return Publish(article_id.encode(), None, headers, article_id, marker)
