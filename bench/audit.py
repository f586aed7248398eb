"""`make bench-audit`: what `newstimeline audit` prints on a healthy stack, and how long it
takes. Fresh topics on the local broker; ARTICLES articles through one normalizer worker
until the group has committed every record; then the audit, timed, as a user runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from bench.stack import RunNames, delete_run_topics
from services.ingest.submission import parse_article, to_event
from services.platform.kafka.broker import choose_broker
from services.platform.kafka.local_storage import free_port
from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import ServiceProcess, service_env
from services.platform.ops.status import group_lag, topic_status
from services.platform.settings import Settings

DRAIN_DEADLINE_S = 900.0


def article(n: int) -> tuple[bytes, bytes]:
    event = to_event(parse_article({
        "article_id": f"audit-bench-{n}", "source": f"wire-{n % 7}", "title": f"Report {n}",
        "body": f"Officials met on May {n % 28 + 1}. Two days later the talks ended.",
        "published_at": "2025-12-30T08:00:00Z",
    }))  # fmt: skip
    return event.article_id.encode(), event.model_dump_json().encode()


async def post(bootstrap: str, topic: str, count: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20)
    await producer.start()
    try:
        for start in range(0, count, 500):
            sends = [await producer.send(topic, v, key=k)
                     for k, v in map(article, range(start, min(start + 500, count)))]  # fmt: skip
            await asyncio.gather(*sends)
    finally:
        await producer.stop()


async def lag(bootstrap: str, group: str, topic: str) -> int:
    """Records of `topic` the group has not committed, as `newstimeline status` counts."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await consumer.start()
    await admin.start()
    try:
        await consumer._client.force_metadata_update()
        rows = await group_lag(admin, group, await topic_status(consumer, topic, None))
    except KafkaError:
        return -1  # the group's coordinator is not known yet: not drained either
    finally:
        await admin.close()
        await consumer.stop()
    return sum(row.lag for row in rows) if rows else -1


def drain(bootstrap: str, settings: Settings, worker: ServiceProcess) -> float:
    """Seconds until the group has committed every record (fails past the deadline)."""
    began = time.monotonic()
    while time.monotonic() - began < DRAIN_DEADLINE_S:
        if asyncio.run(lag(bootstrap, settings.worker_group, settings.topics.articles)) == 0:
            return time.monotonic() - began
        if not worker.alive():
            raise RuntimeError(f"the worker exited:\n{worker.log_tail()}")
        time.sleep(1.0)
    raise TimeoutError(f"not drained within {DRAIN_DEADLINE_S:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("var/bench-audit"))
    args = parser.parse_args(argv)
    broker = choose_broker(Settings())
    args.workdir.mkdir(parents=True, exist_ok=True)
    names = RunNames(uuid.uuid4().hex[:8], args.workdir.resolve())
    bootstrap = broker.bootstrap
    settings = names.settings(bootstrap)
    env = service_env(bootstrap, **names.env)
    worker = ServiceProcess("worker", ["worker", "--port", str(free_port())], env,
                            args.workdir / f"{names.run}-worker.log")  # fmt: skip
    try:
        asyncio.run(create_topics(settings, bootstrap))
        worker.start()
        asyncio.run(post(bootstrap, settings.topics.articles, args.articles))
        drained = drain(bootstrap, settings, worker)
        load = os.getloadavg()[0]
        sys.stdout.write(f"{args.articles} articles normalized and committed in {drained:.1f} "
                         f"s; load average {load:.1f}\n$ newstimeline audit\n")  # fmt: skip
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "services.cli", "audit"], env=env,
                              capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
        took = time.monotonic() - began
        sys.stdout.write(done.stdout + done.stderr)
        sys.stdout.write(f"exit {done.returncode}, {took:.1f} s wall clock (process start "
                         f"included); load average {os.getloadavg()[0]:.1f}\n")  # fmt: skip
        return done.returncode
    finally:
        worker.stop()
        asyncio.run(delete_run_topics(bootstrap, names))
        broker.release()


if __name__ == "__main__":
    raise SystemExit(main())
