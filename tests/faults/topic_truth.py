"""What the topics themselves say, read back whole: the latest revision of every article
and the latest timeline of every key.

The storm test checks the pipeline against these, not against the read model: a record the
worker skipped leaves no trace anywhere else."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeAlias

from aiokafka.structs import ConsumerRecord

Record: TypeAlias = ConsumerRecord[bytes, bytes]


@dataclass(frozen=True)
class Article:
    key: bytes
    revision: str
    partition: int
    offset: int


def latest_revisions(records: list[Record]) -> dict[bytes, Article]:
    """The last revision on the log of every article key (log order within a partition)."""
    latest: dict[bytes, Article] = {}
    for r in sorted(records, key=lambda r: (r.partition, r.offset)):
        assert r.key is not None
        latest[r.key] = Article(
            r.key, json.loads(r.value or b"{}")["revision"], r.partition, r.offset
        )
    return latest


def latest_timelines(records: list[Record]) -> dict[bytes, str | None]:
    """The revision of the last timeline of every key (None for a tombstone)."""
    latest: dict[bytes, str | None] = {}
    for r in sorted(records, key=lambda r: (r.partition, r.offset)):
        assert r.key is not None
        latest[r.key] = json.loads(r.value)["revision"] if r.value is not None else None
    return latest
