"""An AsyncAPI 3 document of the public topics, generated from the same models as the
JSON Schemas, so subscribers get one machine-readable description of the contract."""

from __future__ import annotations

import json
from typing import Any

from services.platform.settings import TopicSettings
from services.timeline.events import (
    RETRACTION_TYPE,
    SUBMISSION_TYPE,
    TIMELINE_TYPE,
    TOMBSTONE_TYPE,
)

CE_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 binary-mode attributes (Kafka protocol binding).",
    "properties": {
        name: {"type": "string"}
        for name in ("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject")
    }
    | {"content-type": {"type": "string", "const": "application/json"}},
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "content-type"],
}
DLQ_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "The original record's headers plus where it came from and why it failed.",
    "properties": {
        name: {"type": "string"}
        for name in (
            "dlq_original_topic",
            "dlq_original_partition",
            "dlq_original_offset",
            "dlq_error_class",
            "dlq_error_message",
        )
    },
}


def _channel(address: str, description: str, *messages: str) -> dict[str, Any]:
    return {
        "address": address,
        "description": description,
        "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in messages},
    }


def _typed(headers: dict[str, Any], ce_type: str) -> dict[str, Any]:
    """CloudEvents headers whose ce_type tells this message apart from its neighbours."""
    properties = headers["properties"] | {"ce_type": {"type": "string", "const": ce_type}}
    return headers | {"properties": properties}


TOMBSTONE_HEADERS = _typed(
    {
        "type": "object",
        "description": "CloudEvents attributes of the retraction; no content-type: no content.",
        "properties": {name: {"type": "string"} for name in CE_HEADERS["properties"]
                       if name != "content-type"},
        "required": ["ce_specversion", "ce_id", "ce_source", "ce_type"],
    },
    TOMBSTONE_TYPE,
)  # fmt: skip


def document(topics: TopicSettings) -> dict[str, Any]:
    channels = {
        "articles": _channel(topics.articles, "Article revisions and retractions; key = "
                             "article_id; kept forever (the source of truth replays read); "
                             "ce_type tells the two apart.", "ArticleSubmitted",
                             "ArticleRetracted"),
        "timelines": _channel(topics.timelines, "One ArticleTimeline per article revision; "
                              "key = article_id; compacted; a tombstone (null value) "
                              "retracts the article.", "ArticleTimeline", "TimelineTombstone"),
        "deadLetters": _channel(topics.dead_letters, "Records the normalizer could not "
                                "handle: original key and bytes.", "DeadLetter"),
    }  # fmt: skip
    messages = {
        "ArticleSubmitted": {
            "headers": _typed(CE_HEADERS, SUBMISSION_TYPE),
            "payload": {"$ref": "news.articles.v1.ArticleSubmitted.json"},
        },
        "ArticleRetracted": {
            "headers": _typed(CE_HEADERS, RETRACTION_TYPE),
            "payload": {"$ref": "news.articles.v1.ArticleRetracted.json"},
        },
        "ArticleTimeline": {
            "headers": _typed(CE_HEADERS, TIMELINE_TYPE),
            "payload": {"$ref": "news.timelines.v1.ArticleTimeline.json"},
        },
        "TimelineTombstone": {
            "summary": "The article was retracted: drop it and every incident of it.",
            "headers": TOMBSTONE_HEADERS,
            "payload": {"type": "null", "description": "null value (Kafka tombstone)"},
        },
        "DeadLetter": {"headers": DLQ_HEADERS, "payload": {"description": "original bytes"}},
    }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "news-timeline topics", "version": "1"},
        "defaultContentType": "application/json",
        "channels": channels,
        "components": {"messages": messages},
    }


def render_asyncapi() -> str:
    return json.dumps(document(TopicSettings()), indent=2, sort_keys=True) + "\n"
