"""The events on the public topics: one frozen pydantic model per event.

These models are the contract with downstream consumers; their JSON Schema is generated
into schemas/ and checked for drift by a test. Add fields only with defaults; anything
breaking goes to a new topic version.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from services.timeline.mentions import Granularity, TimexType
from services.timeline.temporal.document_type import DocumentType
from services.timeline.zones import zone_named

MAX_BODY_BYTES = 1024 * 1024

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:\-]*$"
ArticleId = Annotated[
    str, StringConstraints(min_length=1, max_length=128, pattern=ARTICLE_ID_PATTERN)
]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


def _known_zone(name: str) -> str:
    zone_named(name)
    return name


TimezoneName = Annotated[
    str, StringConstraints(min_length=1, max_length=64), AfterValidator(_known_zone)
]


class ArticleSubmitted(BaseModel):
    """An article revision accepted by ingest; the value of news.articles.v1."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: ArticleId = Field(description="Stable id of the article across revisions.")
    revision: str = Field(
        min_length=1, max_length=64, description="Hash of the content; changes when it does."
    )
    source: str = Field(min_length=1, max_length=200, description="Publisher or feed name.")
    url: AnyHttpUrl | None = Field(default=None, description="Canonical URL of the article.")
    title: str = Field(min_length=1, max_length=1000, description="Headline.")
    body: str = Field(min_length=1, description="Plain text of the article.")
    published_at: AwareDatetime = Field(
        description="Publication time with offset; every relative date resolves against it."
    )
    language: LanguageCode = Field(default="en", description="ISO 639-1 code of the text.")
    timezone: TimezoneName | None = Field(
        default=None,
        description="IANA zone of the article (e.g. Europe/Berlin) whose calendar and clock "
        "its relative dates are read in; without it, the offset of published_at.",
    )
    document_type: DocumentType | None = Field(
        default=None,
        description="news (dates read from the publication) or narrative (from the time the "
        "story tells about); without it, decided from the text.",
    )


class ArticleRetracted(BaseModel):
    """An article withdrawn by its publisher; on news.articles.v1 beside its revisions,
    told apart by the CloudEvents type RETRACTION_TYPE. The normalizer answers it with a
    tombstone (null value) under the article's key on news.timelines.v1."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: ArticleId = Field(description="The article to withdraw, known or not.")
    retracted_at: AwareDatetime = Field(
        description="When ingest accepted the retraction; the tombstone's ce_time."
    )
    reason: str | None = Field(
        default=None, max_length=1000, description="Why it was withdrawn, for people."
    )


class Anchor(StrEnum):
    """Where an incident's time comes from."""

    EXPLICIT = "explicit"
    PUBLICATION = "publication"


class Incident(BaseModel):
    """One timestamped incident: a resolved temporal expression with its sentence, or the
    article's own publication."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    incident_id: str = Field(
        description="uuid5 over the article id and what identifies the incident in it (the "
        "mention's text, value and ordinal among equal mentions; or 'publication'): an edit "
        "that leaves the incident alone keeps its id."
    )
    article_id: ArticleId = Field(description="The article the incident comes from.")
    start: AwareDatetime = Field(description="Start of the interval, UTC.")
    end: AwareDatetime = Field(description="Exclusive end of the interval, UTC.")
    granularity: Granularity = Field(description="Precision of the interval.")
    anchor: Anchor = Field(description="explicit (a mention) or publication (the article).")
    sentence: str = Field(description="The sentence holding the mention, or the title.")
    mention: str | None = Field(default=None, description="The expression's text.")
    timex_type: TimexType | None = Field(default=None, description="TimeML type.")
    timex_value: str | None = Field(default=None, description="TimeML value.")
    char_start: int | None = Field(default=None, ge=0, description="Mention offset in body.")
    char_end: int | None = Field(default=None, ge=0, description="Mention end in body.")


class ArticleTimeline(BaseModel):
    """All incidents of one article revision; the value of news.timelines.v1.

    A newer revision replaces the older one downstream; a null value (tombstone) on the
    topic retracts the article.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: ArticleId = Field(description="Key of the record.")
    revision: str = Field(description="The revision these incidents were built from.")
    source: str = Field(description="Publisher or feed name.")
    url: AnyHttpUrl | None = Field(default=None, description="Canonical URL.")
    title: str = Field(description="Headline.")
    published_at: AwareDatetime = Field(
        description="Publication time with the article's own offset, as submitted."
    )
    language: LanguageCode = Field(description="ISO 639-1 code of the text.")
    normalizer_version: str = Field(description="Version of the rules that built it.")
    timezone: TimezoneName | None = Field(
        default=None,
        description="The article's IANA zone when it was submitted with one; its days are "
        "counted in that zone's calendar, else in the offset of published_at.",
    )
    incidents: tuple[Incident, ...] = Field(description="Ordered by start, end, incident_id.")
