"""Several workers share the articles' partitions as one consumer group."""

from __future__ import annotations

import asyncio

from services.platform.kafka.groups import describe_group
from services.platform.kafka.local_storage import free_port
from services.platform.ops.processes import Stack
from tests.e2e.polling import published_timeline
from tests.e2e.test_pipeline import article, submit
from tests.polling import poll


def test_second_worker_joins_the_group_and_articles_still_flow(pipeline: Stack) -> None:
    second = pipeline.launch("worker-2", "worker", "--port", str(free_port()))
    group = pipeline.settings.worker_group
    try:
        poll(
            lambda: len(asyncio.run(describe_group(pipeline.bootstrap, group))[1]) == 2,
            deadline_s=90,
            what="two members in the normalizer group",
        )
        receipts = [submit(pipeline, article(f"Trading halted on December {d}.")) for d in (6, 7)]
        for receipt in receipts:
            published_timeline(pipeline.query_url, receipt["article_id"])
        assert second.alive()
    finally:
        second.stop()
