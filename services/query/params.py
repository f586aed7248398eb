"""Query parameters of the timeline endpoints, validated into a TimelineFilter."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, AwareDatetime, BeforeValidator

from services.platform.rfc3339 import check_text, date_time_pattern
from services.query.search import fts_query
from services.query.selection import TimelineFilter
from services.query.times import to_key
from services.timeline.events import Anchor, LanguageCode
from services.timeline.mentions import Granularity
from services.timeline.zones import known_zone_names, zone_named

INSTANT = date_time_pattern()


def instant_text(value: Any) -> Any:
    return check_text(value, INSTANT, "must be an RFC 3339 date-time with an offset")


def within_store_range(instant: datetime) -> datetime:
    """The read model stores UTC instants of years 1 to 9999; an offset can push a valid
    local time out of that range ("0001-01-01T00:00:00+01:00")."""
    try:
        return instant.astimezone(UTC)
    except OverflowError:
        msg = "outside the instants the timeline holds (years 0001 to 9999 in UTC)"
        raise ValueError(msg) from None


def searchable_text(text: str) -> str:
    """At least one word to search for, and no NUL (SQLite's FTS5 reads it as the end of
    the query)."""
    if "\x00" in text:
        msg = "must not contain NUL characters"
        raise ValueError(msg)
    if not fts_query(text):
        msg = "must contain at least one word to search for (letters or digits)"
        raise ValueError(msg)
    return text


ArticleParam = Annotated[
    list[str] | None,
    Query(
        description="Only these articles' incidents; repeat it for any of several.",
        examples=[["sydney-siege-2014"]],
    ),
]
Instant = Annotated[
    AwareDatetime, BeforeValidator(instant_text), AfterValidator(within_store_range)
]
FromParam = Annotated[
    Instant | None,
    Query(
        alias="from",
        json_schema_extra={"pattern": f"^{INSTANT}$"},
        description="RFC 3339; keeps intervals that end after it.",
        examples=["2014-12-01T00:00:00Z"],
    ),
]
ToParam = Annotated[
    Instant | None,
    Query(
        json_schema_extra={"pattern": f"^{INSTANT}$"},
        description="RFC 3339; keeps intervals that start before it.",
        examples=["2014-12-31T00:00:00+11:00"],
    ),
]
LimitParam = Annotated[int, Query(ge=1, le=500, description="Page size.")]
CursorParam = Annotated[str | None, Query(description="next_cursor of the previous page.")]
TextParam = Annotated[
    Annotated[str, AfterValidator(searchable_text)] | None,
    Query(
        min_length=1,
        max_length=200,
        description="Full-text search over sentence, mention and title. Words must all "
        "match (AND), in any inflection the language's stemmer knows (tunnels finds tunnel; "
        "Tunneln finds Tunnel): FTS5's porter stemmer for English, Snowball (PyStemmer) for "
        "German, French, Spanish and Italian. `a OR b`: either (OR binds tighter than AND); "
        '`"two words"`: that phrase; `tunn*`: any word starting so. Any other '
        "punctuation only separates words; a q with no word to search for is a 422.",
        examples=["siege"],
    ),
]
SourceParam = Annotated[
    list[str] | None,
    Query(
        description="Only these sources, in any case; repeat it for any of several.",
        examples=[["example-wire"]],
    ),
]
LanguageFilterParam = Annotated[
    list[LanguageCode] | None,
    Query(
        description="Only articles in these languages (ISO 639-1); repeat it for any of several.",
        examples=[["en"]],
    ),
]
GranularityParam = Annotated[
    Granularity | None, Query(description="Keep this granularity or finer.")
]
AnchorParam = Annotated[Anchor | None, Query(description="explicit or publication.")]
ZoneParam = Annotated[
    Annotated[str, AfterValidator(lambda name: zone_named(name) and name)] | None,
    Query(
        max_length=64,
        # The exact names accepted, so the OpenAPI document (and its fuzzing) says them.
        json_schema_extra={"enum": list(known_zone_names())},
        description="IANA zone to show everything in: publication times get its offset, "
        "clock times and publications fall on its days (TimelineJS, stories). Without it, "
        "each article keeps its own clock. A day, month or year an article names stays that "
        "day. JSON intervals (start, end) are UTC and end-exclusive either way.",
        examples=["Europe/Berlin"],
    ),
]
OrderParam = Annotated[Literal["asc", "desc"], Query(description="By start, end, id.")]


def anyof(values: list[str] | None) -> tuple[str, ...] | None:
    """Repeated values in one order, so the same selection has one fingerprint (cursors)
    however its values were given."""
    return tuple(sorted(set(values))) if values else None


async def timeline_filter(
    *,
    article_id: ArticleParam = None,
    start_from: FromParam = None,
    to: ToParam = None,
    q: TextParam = None,
    source: SourceParam = None,
    language: LanguageFilterParam = None,
    granularity: GranularityParam = None,
    anchor: AnchorParam = None,
    order: OrderParam = "asc",
) -> TimelineFilter:
    if start_from and to and start_from > to:
        raise RequestValidationError([{
            "type": "value_error",
            "loc": ("query", "from"),
            "msg": "from is later than to: the window would be empty",
            "input": start_from.isoformat(),
        }])  # fmt: skip
    return TimelineFilter(
        article_id=anyof(article_id),
        start_from=to_key(start_from) if start_from else None,
        until=to_key(to) if to else None,
        q=q,
        source=anyof(source),
        language=anyof(language),
        max_granularity_rank=granularity.rank if granularity else None,
        anchor=anchor.value if anchor else None,
        descending=order == "desc",
    )
