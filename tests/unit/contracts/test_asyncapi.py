"""The AsyncAPI document: servers, channels with Kafka bindings, operations and messages
that resolve, and every topic of the settings."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from services.contracts.asyncapi import COMPOSE_HOST, COMPOSE_INTERNAL, document
from services.contracts.schemas import SCHEMA_DIR
from services.platform.kafka.topics import topic_specs
from services.platform.settings import PROJECT_ROOT, Settings, TopicSettings

COMMITTED: dict[str, Any] = json.loads((SCHEMA_DIR / "asyncapi.json").read_text())


def resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_version_and_servers() -> None:
    assert COMMITTED["asyncapi"].startswith("3.")
    servers = COMMITTED["servers"]
    assert {s["protocol"] for s in servers.values()} == {"kafka"}
    assert servers["local"]["host"].startswith("127.0.0.1:")
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    advertised = compose["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    assert {servers["compose"]["host"], servers["composeHost"]["host"]} == {
        COMPOSE_INTERNAL,
        COMPOSE_HOST,
    }
    assert {address.split("://")[1] for address in advertised.split(",")} == {
        COMPOSE_INTERNAL,
        COMPOSE_HOST,
    }


def test_every_reference_resolves() -> None:
    for ref in refs(COMMITTED):
        if ref.startswith("./"):
            assert (SCHEMA_DIR / ref[2:]).is_file(), ref
        else:
            resolve(COMMITTED, ref)


@pytest.mark.parametrize(
    "topics",
    [TopicSettings(), TopicSettings(articles="a.v2", timelines="t.v2", partitions=3)],
)
def test_every_topic_of_the_settings_is_a_channel_with_its_kafka_binding(
    topics: TopicSettings,
) -> None:
    settings = Settings(topics=topics)
    channels = document(settings)["channels"].values()
    by_address = {channel["address"]: channel for channel in channels}
    for spec in topic_specs(settings):
        binding = by_address[spec.name]["bindings"]["kafka"]
        assert binding["topic"] == spec.name
        assert binding["partitions"] == topics.partitions
        assert binding["topicConfiguration"]["cleanup.policy"] == [
            spec.topic_configs["cleanup.policy"]
        ]


def test_operations_send_and_receive_on_every_channel() -> None:
    operations = COMMITTED["operations"].values()
    actions = {(op["channel"]["$ref"].split("/")[-1], op["action"]) for op in operations}
    assert {("articles", "send"), ("articles", "receive"), ("timelines", "send")} <= actions
    assert {("timelines", "receive"), ("deadLetters", "send")} <= actions
    receivers = [op for op in operations if op["action"] == "receive"]
    assert all(op["bindings"]["kafka"]["groupId"]["enum"] for op in receivers)
    for op in operations:
        channel = resolve(COMMITTED, op["channel"]["$ref"])
        for message in op["messages"]:
            assert message["$ref"].startswith(op["channel"]["$ref"] + "/messages/")
            assert resolve(COMMITTED, message["$ref"]) in channel["messages"].values()


def test_events_carry_the_cloudevents_trait_and_a_key_schema() -> None:
    messages = COMMITTED["components"]["messages"]
    trait = {"$ref": "#/components/messageTraits/cloudEvents"}
    for name in ("ArticleSubmitted", "ArticleTimeline"):
        assert trait in messages[name]["traits"]
    headers = COMMITTED["components"]["messageTraits"]["cloudEvents"]["headers"]
    assert {"ce_specversion", "ce_id", "ce_source", "ce_type"} <= set(headers["required"])
    for message in messages.values():
        assert message["bindings"]["kafka"]["key"]["type"] == "string"


def test_the_tombstone_is_a_null_value_on_the_timelines() -> None:
    timelines = COMMITTED["channels"]["timelines"]["messages"]
    tombstones = [
        resolve(COMMITTED, m["$ref"])
        for m in timelines.values()
        if resolve(COMMITTED, m["$ref"])["payload"] == {"type": "null"}
    ]
    assert len(tombstones) == 1
