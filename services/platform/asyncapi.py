"""An AsyncAPI 3 document of the public topics, generated from the same models as the
JSON Schemas, so subscribers get one machine-readable description of the contract."""

from __future__ import annotations

import json
from typing import Any

from services.platform.settings import TopicSettings

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


def _channel(address: str, description: str, message: str) -> dict[str, Any]:
    return {
        "address": address,
        "description": description,
        "messages": {message: {"$ref": f"#/components/messages/{message}"}},
    }


def document(topics: TopicSettings) -> dict[str, Any]:
    channels = {
        "articles": _channel(topics.articles, "Article revisions; key = article_id; kept "
                             "forever (the source of truth replays read).", "ArticleSubmitted"),
        "timelines": _channel(topics.timelines, "One ArticleTimeline per article revision; "
                              "key = article_id; compacted; a null value retracts the "
                              "article.", "ArticleTimeline"),
        "deadLetters": _channel(topics.dead_letters, "Records the normalizer could not "
                                "handle: original key and bytes.", "DeadLetter"),
    }  # fmt: skip
    messages = {
        "ArticleSubmitted": {
            "headers": CE_HEADERS,
            "payload": {"$ref": "news.articles.v1.ArticleSubmitted.json"},
        },
        "ArticleTimeline": {
            "headers": CE_HEADERS,
            "payload": {"$ref": "news.timelines.v1.ArticleTimeline.json"},
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
