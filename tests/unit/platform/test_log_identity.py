"""The metadata v10 structures that carry topic ids, encoded and decoded without a broker."""

from __future__ import annotations

from io import BytesIO

from services.platform.kafka.log_identity import (
    LogIdentity,
    MetadataRequestV10,
    TopicMetadataRequest,
    Uuid,
    identities_in,
)


def test_topic_ids_are_shown_as_kafka_shows_them() -> None:
    raw = bytes(range(16))
    shown = Uuid.decode(BytesIO(raw))
    assert len(shown) == 22
    assert Uuid.encode(shown) == raw


def test_the_request_asks_by_name_and_never_creates() -> None:
    request = TopicMetadataRequest(["news.articles.v1"]).build(MetadataRequestV10)
    body = request.to_object()
    assert [t["name"] for t in body["topics"]] == ["news.articles.v1"]
    assert body["topics"][0]["topic_id"] == "AAAAAAAAAAAAAAAAAAAAAA"
    assert body["allow_auto_topic_creation"] is False


def test_unknown_topics_have_no_identity() -> None:
    response = {
        "cluster_id": "C",
        "topics": [
            {"name": "a", "topic_id": "IdA", "error_code": 0},
            {"name": "b", "topic_id": "AAAAAAAAAAAAAAAAAAAAAA", "error_code": 3},
        ],
    }
    assert identities_in(response) == {"a": LogIdentity("C", "IdA")}
