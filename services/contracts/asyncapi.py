"""An AsyncAPI 3 document of the public topics, generated from the same models and topic
specs as the JSON Schemas and the brokers, so subscribers get one machine-readable contract:
servers, channels with their Kafka bindings, operations, and messages with their headers.
"""

from __future__ import annotations

import json
from typing import Any

from aiokafka.admin import NewTopic

from services.contracts.asyncapi_messages import KAFKA_BINDING, MESSAGES, TRAITS
from services.contracts.names import (
    INGEST_SOURCE,
    NORMALIZER_SOURCE,
    RETRACTION_TYPE,
    SUBMISSION_TYPE,
    TIMELINE_TYPE,
)
from services.platform.kafka.topics import topic_specs
from services.platform.settings import Settings

# docker-compose.yml's advertised listeners; a unit test keeps them equal.
COMPOSE_INTERNAL = "kafka:19092"
COMPOSE_HOST = "127.0.0.1:9092"


def servers() -> dict[str, Any]:
    kafka = {"protocol": "kafka", "protocolVersion": "3.9"}
    return {
        "local": {
            **kafka,
            "host": "127.0.0.1:{port}",
            "description": "The local KRaft broker (`newstimeline kafka start` prints its "
            "address; the port is chosen free when it is first started).",
            "variables": {"port": {"description": "Port printed by `newstimeline kafka start`."}},
        },
        "compose": {
            **kafka,
            "host": COMPOSE_INTERNAL,
            "description": "`docker compose up`: the broker as the containers of its "
            "network reach it.",
        },
        "composeHost": {
            **kafka,
            "host": COMPOSE_HOST,
            "description": "`docker compose up`: the same broker as the host reaches it.",
        },
    }


def _topic_binding(spec: NewTopic) -> dict[str, Any]:
    config = spec.topic_configs
    topic_config: dict[str, Any] = {"cleanup.policy": [config["cleanup.policy"]]}
    if "retention.ms" in config:
        topic_config["retention.ms"] = int(config["retention.ms"])
    return {
        "kafka": {
            "topic": spec.name,
            "partitions": spec.num_partitions,
            "replicas": spec.replication_factor,
            "topicConfiguration": topic_config,
            "bindingVersion": KAFKA_BINDING,
        }
    }


def _channel(spec: NewTopic, description: str, *messages: str) -> dict[str, Any]:
    return {
        "address": spec.name,
        "description": description,
        "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in messages},
        "bindings": _topic_binding(spec),
    }


def channels(settings: Settings) -> dict[str, Any]:
    articles, timelines, dead_letters = topic_specs(settings)
    return {
        "articles": _channel(
            articles, "Article revisions and retractions, key = article_id; kept forever: "
            "the system of record that replays read; ce_type tells the two apart.",
            "ArticleSubmitted", "ArticleRetracted",
        ),
        "timelines": _channel(
            timelines, "One ArticleTimeline per article revision, key = article_id; "
            "compacted, so the latest value per article is its timeline; a tombstone (null "
            "value) retracts the article.", "ArticleTimeline", "TimelineTombstone",
        ),
        "deadLetters": _channel(
            dead_letters, "Article records the normalizer could not handle: original key and "
            "bytes, with headers naming where they came from and why.", "DeadLetter",
        ),
    }  # fmt: skip


def _operation(
    action: str, channel: str, summary: str, messages: list[str], group: str | None = None
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "action": action,
        "channel": {"$ref": f"#/channels/{channel}"},
        "summary": summary,
        "messages": [{"$ref": f"#/channels/{channel}/messages/{name}"} for name in messages],
    }
    if group:
        group_id = {"type": "string", "enum": [group]}
        operation["bindings"] = {"kafka": {"groupId": group_id, "bindingVersion": KAFKA_BINDING}}
    return operation


def operations(settings: Settings) -> dict[str, Any]:
    """What the product sends and receives; a downstream consumer takes the send side."""
    return {
        "ingestArticles": _operation(
            "send", "articles", f"The ingest service ({INGEST_SOURCE}) publishes each "
            f"accepted article revision as {SUBMISSION_TYPE}, and each retraction as "
            f"{RETRACTION_TYPE}.", ["ArticleSubmitted", "ArticleRetracted"],
        ),
        "normalizeArticles": _operation(
            "receive", "articles", "The normalizer workers read the articles as one "
            "consumer group.", ["ArticleSubmitted", "ArticleRetracted"], settings.worker_group,
        ),
        "publishTimelines": _operation(
            "send", "timelines", f"The normalizer ({NORMALIZER_SOURCE}) publishes the "
            f"timeline of each new revision as {TIMELINE_TYPE}, and tombstones for "
            "retracted articles.", ["ArticleTimeline", "TimelineTombstone"],
        ),
        "projectTimelines": _operation(
            "receive", "timelines", "Each query replica projects the timelines into its "
            "read model.", ["ArticleTimeline", "TimelineTombstone"], settings.projector_group,
        ),
        "sendDeadLetters": _operation(
            "send", "deadLetters", "The normalizer sets aside what it cannot handle.",
            ["DeadLetter"],
        ),
    }  # fmt: skip


def document(settings: Settings) -> dict[str, Any]:
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "news-timeline topics",
            "version": "1",
            "description": "Articles in, timelines of timestamped incidents out. Records are "
            "keyed by article_id, values are JSON (schemas beside this file), and every "
            "record carries CloudEvents binary-mode headers.",
        },
        "defaultContentType": "application/json",
        "servers": servers(),
        "channels": channels(settings),
        "operations": operations(settings),
        "components": {"messages": MESSAGES, "messageTraits": TRAITS},
    }


def render_asyncapi() -> str:
    # Defaults only: the committed document must not depend on the generating shell's env.
    defaults = Settings.model_construct()
    return json.dumps(document(defaults), indent=2, sort_keys=True) + "\n"
