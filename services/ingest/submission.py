"""What a client submits, and how it becomes an ArticleSubmitted event.

Validation happens here, once, for every adapter (HTTP, batch, files): a refused article
gets the field and the reason; an accepted one gets a stable id and a content revision.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from pydantic import (
    AnyHttpUrl,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from services.timeline.events import MAX_BODY_BYTES, ArticleId, ArticleSubmitted, TimezoneName
from services.timeline.language_tags import primary_language

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ArticleIn(BaseModel):
    """One article as a client sends it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "source": "Example Wire",
                    "url": "https://example.org/news/1",
                    "title": "Coalition strikes ISIS positions in eastern Syria",
                    "body": "Officials gave details on December 13 of the ambush.",
                    "published_at": "2025-12-15T08:00:00Z",
                    "language": "en",
                }
            ]
        },
    )

    article_id: ArticleId | None = Field(default=None, description="Defaults to a stable hash.")
    source: Annotated[NonBlank, StringConstraints(max_length=200)] = Field(
        description="Publisher or feed name."
    )
    url: AnyHttpUrl | None = Field(default=None, description="Canonical URL, if any.")
    title: Annotated[NonBlank, StringConstraints(max_length=1000)] = Field(description="Headline.")
    body: str = Field(description="Plain text, at most 1 MiB of UTF-8.")
    published_at: AwareDatetime = Field(description="RFC 3339 with an offset, e.g. ...Z.")
    language: str = Field(
        default="en",
        max_length=64,
        description="BCP 47 tag in any case (en, EN, en-US, pt-BR); kept as its ISO 639-1 "
        "primary subtag (pt-BR becomes pt).",
    )
    timezone: TimezoneName | None = Field(
        default=None,
        description="IANA zone of the article, e.g. Europe/Berlin; relative dates are read "
        "on its calendar. Defaults to the offset of published_at.",
    )

    @field_validator("body")
    @classmethod
    def body_fits(cls, body: str) -> str:
        # Kept as sent (not stripped): mention offsets index into exactly this text.
        if not body.strip():
            msg = "body is empty"
            raise ValueError(msg)
        if len(body.encode()) > MAX_BODY_BYTES:
            msg = f"body is larger than {MAX_BODY_BYTES} bytes"
            raise ValueError(msg)
        return body

    @field_validator("language")
    @classmethod
    def known_language(cls, language: str) -> str:
        return primary_language(language)


def _digest(*parts: str) -> str:
    # Unit separators keep ("ab","c") and ("a","bc") apart.
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def article_id_for(article: ArticleIn) -> str:
    """The client's id, else a hash of the URL, else of source, title and publication."""
    if article.article_id:
        return article.article_id
    if article.url:
        return "a-" + _digest(str(article.url))[:32]
    return "a-" + _digest(article.source, article.title, article.published_at.isoformat())[:32]


def revision_for(article: ArticleIn) -> str:
    """A hash of everything the timeline depends on: equal content, equal revision."""
    content = [article.title, article.body, article.published_at.isoformat(), article.language]
    if article.timezone:  # appended only when set, so older revisions keep their hash
        content.append(article.timezone)
    return _digest(*content)[:32]


def to_event(article: ArticleIn) -> ArticleSubmitted:
    return ArticleSubmitted(
        article_id=article_id_for(article),
        revision=revision_for(article),
        source=article.source,
        url=article.url,
        title=article.title,
        body=article.body,
        published_at=article.published_at,
        language=article.language,
        timezone=article.timezone,
    )


def describe_errors(error: ValidationError) -> str:
    """One line naming each field and its reason, for CLI output and batch replies."""
    parts = []
    for item in error.errors():
        field = ".".join(str(loc) for loc in item["loc"]) or "article"
        parts.append(f"{field}: {item['msg']}")
    return "; ".join(parts)


def parse_article(raw: Any) -> ArticleIn:
    """Validate a decoded JSON value (dict) or raw JSON text into an ArticleIn."""
    if isinstance(raw, str | bytes):
        return ArticleIn.model_validate_json(raw)
    return ArticleIn.model_validate(raw)
