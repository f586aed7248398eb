from __future__ import annotations

import json
from datetime import UTC, datetime

from services.contracts.names import RETRACTION_TYPE
from services.normalizer.dead_letters import Origin, dead_letter_headers, summary
from services.normalizer.processing import (
    DeadLetter,
    Publish,
    Skip,
    decide,
    event_type,
    published_marker,
)
from services.timeline.events import ArticleRetracted, ArticleTimeline
from tests.articles import article

ARTICLE = article()


def test_new_revision_is_published_under_the_article_key() -> None:
    outcome = decide(ARTICLE.model_dump_json().encode(), {})
    assert isinstance(outcome, Publish)
    assert outcome.key == b"a-1"
    assert outcome.value is not None
    timeline = ArticleTimeline.model_validate_json(outcome.value)
    assert timeline.revision == "r1"
    assert dict(outcome.headers)["ce_type"] == b"news.timeline.built.v1"


def test_same_input_gives_byte_identical_output() -> None:
    first = decide(ARTICLE.model_dump_json().encode(), {})
    second = decide(ARTICLE.model_dump_json().encode(), {})
    assert first == second


def test_seen_revision_is_skipped_and_a_new_one_is_not() -> None:
    value = ARTICLE.model_dump_json().encode()
    assert isinstance(decide(value, {"a-1": published_marker("r1")}), Skip)
    assert isinstance(decide(value, {"a-1": published_marker("r0")}), Publish)


def test_a_normalizer_upgrade_republishes_the_same_revision() -> None:
    value = ARTICLE.model_dump_json().encode()
    assert isinstance(decide(value, {"a-1": "r1@0.0.0-older-rules"}), Publish)


def test_undecodable_and_invalid_records_are_dead_letters() -> None:
    for value in (b"{not json", b'{"article_id": "a-1"}', None):
        outcome = decide(value, {})
        assert isinstance(outcome, DeadLetter)


def test_dead_letter_headers_name_origin_and_cause() -> None:
    headers = dict(
        dead_letter_headers(Origin("news.articles.v1", 3, 42), ValueError("bad\nthing"), [])
    )
    assert headers["dlq_original_topic"] == b"news.articles.v1"
    assert headers["dlq_original_partition"] == b"3"
    assert headers["dlq_original_offset"] == b"42"
    assert headers["dlq_error_class"] == b"ValueError"
    assert headers["dlq_error_message"] == b"bad\nthing"


def test_a_retraction_becomes_a_deterministic_tombstone() -> None:
    retraction = ArticleRetracted(
        article_id="a-1", retracted_at=datetime(2025, 12, 16, 9, tzinfo=UTC), reason="wrong"
    )
    value = retraction.model_dump_json().encode()
    outcome = decide(value, {}, RETRACTION_TYPE)
    assert isinstance(outcome, Publish)
    assert (outcome.key, outcome.value) == (b"a-1", None)
    headers = dict(outcome.headers)
    assert headers["ce_type"] == b"news.timeline.retracted.v1"
    assert headers["ce_time"].startswith(b"2025-12-16T09:00:00")
    assert "content-type" not in headers
    assert decide(value, {}, RETRACTION_TYPE) == outcome
    assert isinstance(decide(value, {}), DeadLetter)  # not a revision
    assert isinstance(decide(b"{}", {}, RETRACTION_TYPE), DeadLetter)
    assert event_type(outcome.headers) == "news.timeline.retracted.v1"


def test_a_dead_letter_summary_names_the_first_field_and_reason() -> None:
    outcome = decide(b'{"article_id": "a-1"}', {})
    assert isinstance(outcome, DeadLetter)
    assert summary(str(outcome.error)) == (
        "5 validation errors for ArticleSubmitted: revision: Field required"
    )
    assert summary("plain\nsecond") == "plain"
    bad_json = decide(b"{not json", {})
    assert isinstance(bad_json, DeadLetter)
    assert summary(str(bad_json.error)) == (
        "1 validation error for ArticleSubmitted: Invalid JSON: key must be a string at line 1 "
        "column 2"
    )


def test_records_without_a_timezone_still_decode() -> None:
    # Written before the field existed: the offset of published_at is the article's clock.
    older = ARTICLE.model_dump(mode="json", exclude={"timezone"})
    assert "timezone" not in older
    assert isinstance(decide(json.dumps(older).encode(), {}), Publish)


def test_an_unknown_timezone_from_another_producer_is_a_dead_letter_naming_it() -> None:
    record = {**ARTICLE.model_dump(mode="json"), "timezone": "Europe/Atlantis"}
    outcome = decide(json.dumps(record).encode(), {})
    assert isinstance(outcome, DeadLetter)
    assert "timezone" in str(outcome.error)
    assert "unknown IANA time zone" in str(outcome.error)


def test_a_timeline_too_large_for_a_record_is_a_dead_letter_with_its_size() -> None:
    value = ARTICLE.model_dump_json().encode()
    fits = decide(value, {})
    assert isinstance(fits, Publish)
    assert fits.value is not None
    outcome = decide(value, {}, max_bytes=len(fits.value) - 1)
    assert isinstance(outcome, DeadLetter)
    assert f"{len(fits.value)} bytes" in str(outcome.error)
    assert isinstance(decide(value, {}, max_bytes=len(fits.value)), Publish)
