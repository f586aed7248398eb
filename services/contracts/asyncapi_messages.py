"""The messages of the AsyncAPI document: their payloads, keys and headers.

CloudEvents headers are a message trait, applied to every event the product publishes; the
tombstone and the dead letter describe their own.
"""

from __future__ import annotations

from typing import Any

from services.contracts.names import TOMBSTONE_TYPE

KAFKA_BINDING = "0.5.0"

CLOUD_EVENTS_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 attributes in binary mode (Kafka protocol binding).",
    "properties": {
        "ce_specversion": {"type": "string", "const": "1.0"},
        "ce_id": {
            "type": "string",
            "description": "uuid5 of (article, revision): the same revision is the same event, "
            "so consumers may deduplicate on it.",
        },
        "ce_source": {"type": "string", "description": "The publishing service."},
        "ce_type": {"type": "string", "description": "The event type, versioned."},
        "ce_time": {"type": "string", "format": "date-time"},
        "ce_subject": {"type": "string", "description": "The article_id."},
        "content-type": {"type": "string", "const": "application/json"},
    },
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "content-type"],
}

# A tombstone has no content, so no content-type; its ce_type names the retraction.
TOMBSTONE_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 attributes of the retraction (binary mode, no content).",
    "properties": {
        name: schema
        for name, schema in CLOUD_EVENTS_HEADERS["properties"].items()
        if name != "content-type"
    }
    | {"ce_type": {"type": "string", "const": TOMBSTONE_TYPE}},
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type"],
}

DEAD_LETTER_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "The original record's headers, plus where it came from and why it failed.",
    "properties": {
        "dlq_original_topic": {"type": "string"},
        "dlq_original_partition": {"type": "string", "description": "A decimal number."},
        "dlq_original_offset": {"type": "string", "description": "A decimal number."},
        "dlq_error_class": {"type": "string", "description": "e.g. ValidationError"},
        "dlq_error_message": {"type": "string"},
    },
    "required": ["dlq_original_topic", "dlq_original_partition", "dlq_original_offset"],
}


def keyed_by(description: str) -> dict[str, Any]:
    """The Kafka message binding: the key's schema."""
    key = {"type": "string", "description": description}
    return {"kafka": {"key": key, "bindingVersion": KAFKA_BINDING}}


ARTICLE_KEY = keyed_by("article_id (UTF-8): every revision of an article on one partition.")
CLOUD_EVENTS_TRAIT = [{"$ref": "#/components/messageTraits/cloudEvents"}]

TRAITS: dict[str, Any] = {
    "cloudEvents": {
        "headers": CLOUD_EVENTS_HEADERS,
        "description": "Every event the product publishes carries these headers; "
        "non-CloudEvents consumers can ignore them, the value is plain JSON.",
    }
}

MESSAGES: dict[str, Any] = {
    "ArticleSubmitted": {
        "name": "ArticleSubmitted",
        "title": "An article revision",
        "contentType": "application/json",
        "traits": CLOUD_EVENTS_TRAIT,
        "payload": {"$ref": "./news.articles.v1.ArticleSubmitted.json"},
        "bindings": ARTICLE_KEY,
    },
    "ArticleRetracted": {
        "name": "ArticleRetracted",
        "title": "An article withdrawn",
        "summary": "The normalizer answers it with a tombstone on the timelines topic.",
        "contentType": "application/json",
        "traits": CLOUD_EVENTS_TRAIT,
        "payload": {"$ref": "./news.articles.v1.ArticleRetracted.json"},
        "bindings": ARTICLE_KEY,
    },
    "ArticleTimeline": {
        "name": "ArticleTimeline",
        "title": "Every incident of one article revision",
        "summary": "Replaces the article's earlier timeline, if any.",
        "contentType": "application/json",
        "traits": CLOUD_EVENTS_TRAIT,
        "payload": {"$ref": "./news.timelines.v1.ArticleTimeline.json"},
        "bindings": ARTICLE_KEY,
    },
    "TimelineTombstone": {
        "name": "TimelineTombstone",
        "title": "An article retracted",
        "summary": "A null value under the article's key: remove the article and all its "
        "incidents. Compaction later drops the key from the topic.",
        "headers": TOMBSTONE_HEADERS,
        "payload": {"type": "null"},
        "bindings": ARTICLE_KEY,
    },
    "DeadLetter": {
        "name": "DeadLetter",
        "title": "A record the normalizer could not handle",
        "contentType": "application/octet-stream",
        "headers": DEAD_LETTER_HEADERS,
        "payload": {"type": "string", "description": "The original value's bytes, unchanged."},
        "bindings": keyed_by("The original record's key, unchanged."),
    },
}
