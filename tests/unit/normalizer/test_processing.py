from __future__ import annotations

from datetime import UTC, datetime

from services.normalizer.dead_letters import Origin, dead_letter_headers
from services.normalizer.processing import DeadLetter, Publish, Skip, decide, published_marker
from services.timeline.events import ArticleSubmitted, ArticleTimeline

ARTICLE = ArticleSubmitted(
    article_id="a-1",
    revision="r1",
    source="Wire",
    title="Talks",
    body="Talks began on December 1, officials said.",
    published_at=datetime(2025, 12, 15, 8, tzinfo=UTC),
)


def test_new_revision_is_published_under_the_article_key() -> None:
    outcome = decide(ARTICLE.model_dump_json().encode(), {})
    assert isinstance(outcome, Publish)
    assert outcome.key == b"a-1"
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
    assert headers["dlq_error_message"] == b"bad thing"


def test_a_timeline_too_large_for_a_record_is_a_dead_letter_with_its_size() -> None:
    value = ARTICLE.model_dump_json().encode()
    fits = decide(value, {})
    assert isinstance(fits, Publish)
    outcome = decide(value, {}, max_bytes=len(fits.value) - 1)
    assert isinstance(outcome, DeadLetter)
    assert f"{len(fits.value)} bytes" in str(outcome.error)
    assert isinstance(decide(value, {}, max_bytes=len(fits.value)), Publish)
