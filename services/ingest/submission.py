"""What a client submits, and how it becomes an ArticleSubmitted event.

Validation happens here, once, for every adapter (HTTP, batch, files): a refused article
gets the field and the reason; an accepted one gets a stable id and a content revision.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from pydantic import (
    AnyHttpUrl,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    field_validator,
)

from services.platform.rfc3339 import check_text, date_time_pattern
from services.timeline.events import MAX_BODY_BYTES, ArticleId, ArticleSubmitted, TimezoneName
from services.timeline.incidents import build_timeline
from services.timeline.language_tags import primary_language, two_letter_codes
from services.timeline.temporal.document_type import DocumentType
from services.timeline.zones import known_zone_names

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# RFC 3339 with its offset, in the years 0002 to 9998: a day's offset either way then stays
# inside the years 0001 to 9999 that the read model holds.
YEAR = r"(000[2-9]|00[1-9]\d|0[1-9]\d{2}|[1-8]\d{3}|9[0-8]\d{2}|99[0-8]\d|999[0-8])"
PUBLISHED_AT = date_time_pattern(YEAR)
PUBLISHED_AT_REASON = (
    "must be an RFC 3339 date-time string with an offset, years 0002 to 9998, "
    "e.g. 2025-12-15T08:00:00Z"
)
# Not blank: what strip_whitespace leaves must be at least one character.
SOME_TEXT = r"\S"


def published_at_text(value: Any) -> Any:
    return check_text(value, PUBLISHED_AT, PUBLISHED_AT_REASON)


PublishedAt = Annotated[AwareDatetime, BeforeValidator(published_at_text)]


def listing(
    values: Callable[[], Sequence[str]], *, nullable: bool = False
) -> Callable[[dict[str, JsonValue]], None]:
    """The schema's enum, filled when the schema is generated (not at import), so the
    OpenAPI document says exactly which values are accepted."""

    def extra(schema: dict[str, JsonValue]) -> None:
        schema["enum"] = [*values(), *([None] if nullable else [])]

    return extra


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
        description="Publisher or feed name.", json_schema_extra={"pattern": SOME_TEXT}
    )
    url: AnyHttpUrl | None = Field(default=None, description="Canonical URL, if any.")
    title: Annotated[NonBlank, StringConstraints(max_length=1000)] = Field(
        description="Headline.", json_schema_extra={"pattern": SOME_TEXT}
    )
    body: str = Field(
        description="Plain text, at most 1 MiB of UTF-8.", json_schema_extra={"pattern": SOME_TEXT}
    )
    published_at: PublishedAt = Field(
        description="RFC 3339 string with an offset, e.g. ...Z; years 0002 to 9998.",
        json_schema_extra={"pattern": f"^{PUBLISHED_AT}$"},
    )
    language: str = Field(
        default="en",
        max_length=64,
        description="BCP 47 tag in any case (en, EN, en-US, pt-BR); kept as its ISO 639-1 "
        "primary subtag (pt-BR becomes pt). The schema lists the two-letter codes.",
        json_schema_extra=listing(two_letter_codes),
    )
    timezone: TimezoneName | None = Field(
        default=None,
        description="IANA zone of the article, e.g. Europe/Berlin; relative dates are read "
        "on its calendar. Defaults to the offset of published_at.",
        json_schema_extra=listing(known_zone_names, nullable=True),
    )
    document_type: DocumentType | None = Field(
        default=None,
        description="news or narrative: whether relative dates read from the publication or "
        "from the time the text tells about. Decided from the text when absent.",
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
    if article.document_type:  # likewise
        content.append(article.document_type)
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
        document_type=article.document_type,
    )


def describe_errors(error: ValidationError) -> str:
    """One line naming each field and its reason, for CLI output and batch replies."""
    parts = []
    for item in error.errors():
        field = ".".join(str(loc) for loc in item["loc"]) or "article"
        parts.append(f"{field}: {item['msg']}")
    # A key sent as "\\ud800" has no UTF-8 form; the reply quoting it must still encode.
    return "; ".join(parts).encode("utf-8", "replace").decode()


def size_problem(event: ArticleSubmitted, max_bytes: int) -> str | None:
    """Why the event cannot go on the topic (too large once encoded), or why the worker
    could not publish its timeline (too large: every incident repeats its sentence), or
    None. The timeline is built here the way the worker builds it (the core is pure and
    deterministic), so a 202 is never followed by a dead letter for its size; a build that
    fails is left to the worker, which dead-letters it with the cause."""
    size = len(event.model_dump_json().encode())
    if size > max_bytes:
        return (
            f"the article is {size} bytes once encoded, more than the max_record_bytes limit "
            f"of {max_bytes} a record may hold"
        )
    try:
        timeline = build_timeline(event)
    except Exception:
        return None
    built = len(timeline.model_dump_json().encode())
    if built <= max_bytes:
        return None
    return (
        f"its timeline would be {built} bytes ({len(timeline.incidents)} incidents, each with "
        f"its sentence), more than the max_record_bytes limit of {max_bytes} a record may hold"
    )


def parse_article(raw: Any) -> ArticleIn:
    """Validate a decoded JSON value (dict) or raw JSON text into an ArticleIn."""
    if isinstance(raw, str | bytes):
        return ArticleIn.model_validate_json(raw)
    return ArticleIn.model_validate(raw)
