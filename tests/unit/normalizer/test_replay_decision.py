from __future__ import annotations

from aiokafka import ConsumerRecord

from services.normalizer.processing import Publish, decide
from services.normalizer.replay import rebuild
from tests.articles import article


def record(value: bytes) -> ConsumerRecord:
    return ConsumerRecord(
        topic="news.articles.v1", partition=0, offset=0, timestamp=0, timestamp_type=0,
        key=b"a-1", value=value, checksum=None, serialized_key_size=3,
        serialized_value_size=len(value), headers=[],
    )  # fmt: skip


def test_replay_refuses_a_timeline_the_worker_could_not_publish() -> None:
    value = article().model_dump_json().encode()
    fits = decide(value, {})
    assert isinstance(fits, Publish)
    assert fits.value is not None
    assert isinstance(rebuild(record(value), len(fits.value)), Publish)
    refused = rebuild(record(value), len(fits.value) - 1)
    assert isinstance(refused, str)
    assert refused.startswith("TimelineTooLargeError")
