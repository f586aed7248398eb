"""Which log a copy was built from: the cluster id and the topic's id (Kafka's topic UUID).

A topic name says nothing about which log it is: a broker whose storage was wiped serves a
topic of the same name with offsets that mean other records. The topic id is new for every
creation of a topic, and the cluster id for every formatted storage, so together they name
one log. aiokafka's metadata request stops at version 5, before topic ids (version 10), so
this module declares version 10 with aiokafka's own protocol types and sends it through an
ordinary client.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import stamina
from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError
from aiokafka.protocol.abstract import AbstractType
from aiokafka.protocol.api import Request, RequestStruct, Response
from aiokafka.protocol.types import (
    Boolean,
    CompactArray,
    CompactString,
    Int16,
    Int32,
    Schema,
    TaggedFields,
)

from services.platform.errors import EnvironmentProblemError

UNKNOWN_TOPIC = 3  # Kafka's UNKNOWN_TOPIC_OR_PARTITION error code


@dataclass(frozen=True)
class LogIdentity:
    cluster_id: str
    topic_id: str

    def describe(self) -> str:
        return f"cluster {self.cluster_id}, topic id {self.topic_id}"


class Uuid(AbstractType[str]):  # type: ignore[misc]  # aiokafka ships no stubs
    """Kafka's UUID: 16 bytes on the wire; shown in Kafka's own URL-safe base64 form."""

    @classmethod
    def encode(cls, value: str) -> bytes:
        return base64.urlsafe_b64decode(value + "==")

    @classmethod
    def decode(cls, data: BytesIO) -> str:
        return base64.urlsafe_b64encode(data.read(16)).decode().rstrip("=")


class MetadataResponseV10(Response):  # type: ignore[misc]  # aiokafka ships no stubs
    API_KEY = 3
    API_VERSION = 10
    SCHEMA = Schema(
        ("throttle_time_ms", Int32),
        ("brokers", CompactArray(
            ("node_id", Int32), ("host", CompactString("utf-8")), ("port", Int32),
            ("rack", CompactString("utf-8")), ("tags", TaggedFields),
        )),
        ("cluster_id", CompactString("utf-8")),
        ("controller_id", Int32),
        ("topics", CompactArray(
            ("error_code", Int16), ("name", CompactString("utf-8")), ("topic_id", Uuid),
            ("is_internal", Boolean),
            ("partitions", CompactArray(
                ("error_code", Int16), ("partition_index", Int32), ("leader_id", Int32),
                ("leader_epoch", Int32), ("replica_nodes", CompactArray(Int32)),
                ("isr_nodes", CompactArray(Int32)), ("offline_replicas", CompactArray(Int32)),
                ("tags", TaggedFields),
            )),
            ("topic_authorized_operations", Int32), ("tags", TaggedFields),
        )),
        ("cluster_authorized_operations", Int32),
        ("tags", TaggedFields),
    )  # fmt: skip


class MetadataRequestV10(RequestStruct):  # type: ignore[misc]  # aiokafka ships no stubs
    FLEXIBLE_VERSION = True
    API_KEY = 3
    API_VERSION = 10
    RESPONSE_TYPE = MetadataResponseV10
    SCHEMA = Schema(
        ("topics", CompactArray(
            ("topic_id", Uuid), ("name", CompactString("utf-8")), ("tags", TaggedFields),
        )),
        ("allow_auto_topic_creation", Boolean),
        ("include_cluster_authorized_operations", Boolean),
        ("include_topic_authorized_operations", Boolean),
        ("tags", TaggedFields),
    )  # fmt: skip


class TopicMetadataRequest(Request[MetadataRequestV10]):  # type: ignore[misc]  # aiokafka ships no stubs
    """Metadata of named topics, never creating them."""

    API_KEY = 3

    def __init__(self, topics: list[str]) -> None:
        self._topics = topics

    def build(self, request_struct_class: type[MetadataRequestV10]) -> MetadataRequestV10:
        no_id = Uuid.decode(BytesIO(bytes(16)))  # the zero id: look the topic up by name
        topics: list[tuple[str, str, dict[int, bytes]]] = [(no_id, n, {}) for n in self._topics]
        return request_struct_class(topics, False, False, False, {})


def identities_in(response: dict[str, Any]) -> dict[str, LogIdentity]:
    """Topic name -> identity, for the topics the response found."""
    cluster_id = response["cluster_id"]
    return {
        topic["name"]: LogIdentity(cluster_id, topic["topic_id"])
        for topic in response["topics"]
        if topic["error_code"] != UNKNOWN_TOPIC
    }


async def fetch_identities(client: AIOKafkaClient, topics: list[str]) -> dict[str, LogIdentity]:
    """Identity of each existing topic among `topics`, through a started client."""
    node_id = client.get_random_node()
    response = await client.send(node_id, TopicMetadataRequest(topics))
    return identities_in(response.to_object())


async def fetch_identity(bootstrap: str, topic: str, timeout_s: float = 10.0) -> LogIdentity | None:
    """The identity of `topic` at `bootstrap`, or None when the topic does not exist."""
    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout_s * 1000))
    try:
        await asyncio.wait_for(client.bootstrap(), timeout_s)
        found = await asyncio.wait_for(fetch_identities(client, [topic]), timeout_s)
    finally:
        await client.close()
    return found.get(topic)


async def await_identity(
    bootstrap: str, topic: str, deadline_s: float = 60.0
) -> LogIdentity | None:
    """`fetch_identity`, retried with a capped backoff (stamina) while the broker does not
    answer (a service may start before it); past the deadline, an error an operator can act
    on."""
    try:
        async for attempt in stamina.retry_context(
            on=(KafkaError, OSError, TimeoutError),
            attempts=None,
            timeout=deadline_s,
            wait_initial=0.5,
            wait_max=5.0,
            wait_jitter=0.0,
        ):
            with attempt:
                return await fetch_identity(bootstrap, topic)
    except (KafkaError, OSError, TimeoutError) as exc:
        msg = f"the broker at {bootstrap} did not answer within {deadline_s:.0f} s ({exc})"
        raise EnvironmentProblemError(msg) from exc
    raise AssertionError  # unreachable: a try either returns or ends in the error above
