"""Topics get the record limit of the settings, also when they existed before."""

from __future__ import annotations

import uuid

from aiokafka.admin import AIOKafkaAdminClient

from services.platform.kafka.clients import topic_max_message_bytes
from services.platform.kafka.topics import create_topics, topic_configs
from services.platform.settings import Settings, TopicSettings
from tests.kafka_helpers import new_topics


async def topic_config(bootstrap: str, topic: str) -> dict[str, str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return (await topic_configs(admin, [topic]))[topic]
    finally:
        await admin.close()


async def test_new_and_kept_topics_take_the_record_limit_and_policies(bootstrap: str) -> None:
    run = uuid.uuid4().hex[:8]
    topics = TopicSettings(
        articles=f"cfg.{run}.articles", timelines=f"cfg.{run}.timelines",
        dead_letters=f"cfg.{run}.dlq", partitions=1,
    )  # fmt: skip
    await new_topics(bootstrap, (topics.articles, 1))  # made before, with the defaults
    settings = Settings(topics=topics)
    created = await create_topics(settings, bootstrap)
    assert sorted(created) == sorted([topics.timelines, topics.dead_letters])
    articles = await topic_config(bootstrap, topics.articles)
    assert articles["max.message.bytes"] == str(topic_max_message_bytes(settings))
    assert articles["retention.ms"] == "-1"
    timelines = await topic_config(bootstrap, topics.timelines)
    assert timelines["cleanup.policy"] == "compact"
    dlq = await topic_config(bootstrap, topics.dead_letters)
    assert int(dlq["max.message.bytes"]) > int(articles["max.message.bytes"])
