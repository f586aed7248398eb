"""`make bench-rebuild`: a read model rebuilt from the timelines topic, in incidents/s.

Fills a fresh timelines topic on the real broker with the corpus's own timelines (the 256
development documents normalized once, then copied under new article and incident ids
until the topic holds the asked number of incidents), then runs the query service's
projector into a fresh SQLite file and times it from start until it has caught up with
the end offsets it saw at start (what /readyz waits for). Target: 30,000 incidents/s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bench.corpus import build_articles
from bench.stack import RunNames, delete_run_topics
from services.evaluation.timeml import read_corpus
from services.ingest.submission import parse_article, to_event
from services.normalizer.processing import Publish, decide
from services.platform.broker import choose_broker
from services.platform.logs import configure_logging
from services.platform.settings import PROJECT_ROOT, Settings
from services.platform.topics import create_topics
from services.query.projector import Projector
from services.query.store import TimelineStore

TARGET = 30_000
COPY_NAMESPACE = uuid.UUID("0b6f3c52-1d7e-4c8a-9a57-3e2f8b1c4d90")


def corpus_timelines(corpus: Path) -> list[dict[str, Any]]:
    """The corpus's documents normalized once, as timeline dicts (the topic's JSON)."""
    timelines = []
    documents = read_corpus(corpus)
    for article in build_articles(documents, len(documents), "seed"):
        outcome = decide(to_event(parse_article(article)).model_dump_json().encode(), {})
        if isinstance(outcome, Publish) and outcome.value is not None:
            timelines.append(json.loads(outcome.value))
    return timelines


def copies(timelines: list[dict[str, Any]], incidents: int) -> Iterator[tuple[bytes, bytes]]:
    """(key, value) records whose timelines hold `incidents` incidents in all; each copy
    has its own article id and incident ids, as distinct articles would."""
    made, number = 0, 0
    while made < incidents:
        template = timelines[number % len(timelines)]
        article_id = f"copy-{number:07d}"
        items = [
            {**item, "article_id": article_id,
             "incident_id": str(uuid.uuid5(COPY_NAMESPACE, f"{article_id}/{n}"))}
            for n, item in enumerate(template["incidents"][: incidents - made])
        ]  # fmt: skip
        made, number = made + len(items), number + 1
        value = {**template, "article_id": article_id, "incidents": items}
        yield article_id.encode(), json.dumps(value, separators=(",", ":")).encode()


async def fill_topic(
    bootstrap: str, topic: str, records: Iterator[tuple[bytes, bytes]], progress: Progress
) -> int:
    """Produce every record (acks from the leader, large batches); returns the count."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks=1, linger_ms=50, max_batch_size=1 << 20
    )
    await producer.start()
    task = progress.add_task("filling the topic", total=None)
    count, pending = 0, []
    try:
        for key, value in records:
            pending.append(await producer.send(topic, value, key=key))
            count += 1
            if len(pending) >= 5000:
                await asyncio.gather(*pending)
                pending.clear()
                progress.update(task, completed=count)
        await asyncio.gather(*pending)
        progress.update(task, completed=count)
    finally:
        await producer.stop()
    return count


async def rebuild(settings: Settings, bootstrap: str, progress: Progress) -> tuple[float, int]:
    """Seconds from the projector's start until it has caught up, and incidents stored."""
    store = TimelineStore(settings.database_path)
    projector = Projector(settings, bootstrap, store)
    task = progress.add_task("projecting", total=None)
    began = time.perf_counter()
    running = asyncio.create_task(projector.run())
    try:
        while not projector.state.ready:
            if running.done():
                running.result()  # raises what stopped it
            done = sum(projector.state.positions.values())
            progress.update(task, completed=done, total=sum(projector.state.targets.values()))
            await asyncio.sleep(0.1)
        seconds = time.perf_counter() - began
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        store.close()
    return seconds, store.high_water


def report(console: Console, incidents: int, records: int, seconds: float) -> None:
    table = Table(title="Read-model rebuild from the timelines topic (projector, fresh file)")
    for column in ("timelines", "incidents", "seconds", "incidents/s", f">= {TARGET:,}/s"):
        table.add_column(column, justify="right")
    rate = incidents / seconds
    table.add_row(
        f"{records:,}",
        f"{incidents:,}",
        f"{seconds:.1f}",
        f"{rate:,.0f}",
        "met" if rate >= TARGET else "missed",
    )
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rebuild")
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument(
        "--corpus", type=Path, default=PROJECT_ROOT.parent / "shared" / "data" / "timeml"
    )
    args = parser.parse_args(argv)
    configure_logging("bench", "WARNING")
    console = Console()
    broker = choose_broker(Settings())
    try:
        with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp, Progress() as progress:
            names = RunNames(f"rebuild-{time.strftime('%H%M%S')}", Path(tmp))
            settings = names.settings(broker.bootstrap)
            asyncio.run(create_topics(settings, broker.bootstrap))
            try:
                timelines = corpus_timelines(args.corpus)
                records = copies(timelines, args.incidents)
                topic = settings.topics.timelines
                count = asyncio.run(fill_topic(broker.bootstrap, topic, records, progress))
                seconds, stored = asyncio.run(rebuild(settings, broker.bootstrap, progress))
            finally:
                asyncio.run(delete_run_topics(broker.bootstrap, names))
    finally:
        broker.release()
    # high_water counts a sequence number per article too: incidents are the rest.
    report(console, stored - count, count, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
