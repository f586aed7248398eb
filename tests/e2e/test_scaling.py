"""Several workers share the articles' partitions as one consumer group."""

from __future__ import annotations

import asyncio

from bench.stack import describe_group
from services.platform.kafka.local_broker import free_port
from services.platform.ops.processes import ServiceProcess
from tests.e2e.conftest import Pipeline
from tests.e2e.polling import poll, published_timeline
from tests.e2e.test_pipeline import article, submit


def test_second_worker_joins_the_group_and_articles_still_flow(pipeline: Pipeline) -> None:
    first = pipeline.services["worker"]
    own_port = {**first.env, "NEWSTIMELINE_WORKER_PORT": str(free_port())}
    second = ServiceProcess(
        "worker-2", first.args, own_port, first.log_path.with_name("worker-2.log")
    ).start()
    group = first.env["NEWSTIMELINE_WORKER_GROUP"]
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
