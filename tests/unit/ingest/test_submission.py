from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from services.ingest.submission import (
    ArticleIn,
    article_id_for,
    describe_errors,
    parse_article,
    revision_for,
    to_event,
)


def article(**overrides: Any) -> dict[str, Any]:
    base = {
        "source": "Wire",
        "title": "Title",
        "body": "It happened on December 13.",
        "published_at": "2025-12-15T08:00:00Z",
    }
    return {**base, **overrides}


def refusal(raw: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_article(raw)
    return describe_errors(caught.value)


def test_defaults_language_to_english() -> None:
    assert parse_article(article()).language == "en"


@pytest.mark.parametrize(("tag", "language"), [("EN", "en"), ("en-US", "en"), ("pt-BR", "pt")])
def test_language_tags_keep_their_primary_subtag(tag: str, language: str) -> None:
    assert parse_article(article(language=tag)).language == language


def test_same_text_in_another_tag_case_is_the_same_revision() -> None:
    assert revision_for(parse_article(article(language="EN-us"))) == revision_for(
        parse_article(article(language="en"))
    )


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"published_at": "2025-12-15T08:00:00"}, "published_at", "timezone"),
        ({"published_at": "yesterday"}, "published_at", "datetime"),
        ({"title": "   "}, "title", "at least 1"),
        ({"body": " \n "}, "body", "body is empty"),
        ({"body": "x" * (1024 * 1024 + 1)}, "body", "larger than"),
        ({"language": "xx"}, "language", "unknown language tag"),
        ({"language": "tlh"}, "language", "no two-letter"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown IANA time zone"),
        ({"timezone": "localtime"}, "timezone", "depends on the machine"),
        ({"title": 5}, "title", "string"),
        ({"surprise": 1}, "surprise", "not permitted"),
    ],
)
def test_refusals_name_field_and_reason(overrides: dict[str, Any], field: str, reason: str) -> None:
    message = refusal(article(**overrides))
    assert message.startswith(f"{field}:")
    assert reason in message


def test_missing_published_at_is_named() -> None:
    raw = article()
    del raw["published_at"]
    assert refusal(raw).startswith("published_at: Field required")


def test_article_id_prefers_client_then_url_then_content() -> None:
    assert article_id_for(parse_article(article(article_id="mine-1"))) == "mine-1"
    by_url = parse_article(article(url="https://example.org/a"))
    assert article_id_for(by_url) == article_id_for(by_url.model_copy(update={"title": "Other"}))
    plain = parse_article(article())
    assert article_id_for(plain) != article_id_for(plain.model_copy(update={"title": "Other"}))


def test_revision_changes_with_content_only() -> None:
    first = parse_article(article())
    assert revision_for(first) == revision_for(parse_article(article()))
    assert revision_for(first) != revision_for(parse_article(article(body="Changed text.")))


def test_timezone_reaches_the_event_and_changes_the_revision() -> None:
    plain = parse_article(article())
    zoned = parse_article(article(timezone="Europe/Berlin"))
    assert to_event(zoned).timezone == "Europe/Berlin"
    assert to_event(plain).timezone is None
    assert revision_for(zoned) != revision_for(plain)


def test_event_keeps_the_body_exactly() -> None:
    body = "  Leading spaces matter for offsets.\n"
    event = to_event(ArticleIn.model_validate(article(body=body)))
    assert event.body == body
    assert event.published_at.utcoffset() is not None
