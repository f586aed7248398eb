"""`make bench-rebuild`: a read model rebuilt from the timelines topic, in incidents/s.

Fills a fresh timelines topic on the real broker with the corpus's own timelines (the 256
development documents normalized once, then copied under new article and incident ids
until the topic holds the asked number of incidents), then rebuilds from it twice: with
`newstimeline replay projection`'s Rebuilder (a new file, swapped in at the end), and with
the query service's projector catching up into a fresh file, timed from its start until
it has reached the end offsets it saw then (what /readyz waits for). Target: 30,000
incidents/s.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bench.corpus import build_articles
from bench.cpu import load_average
from bench.stack import RunNames, delete_run_topics
from services.ingest.submission import parse_article, to_event
from services.normalizer.processing import Publish, decide
from services.normalizer.timeml import read_corpus
from services.platform.kafka.broker import choose_broker
from services.platform.kafka.topics import create_topics
from services.platform.logs import configure_logging
from services.platform.settings import PROJECT_ROOT, Settings
from services.query.projector import TEXT_BATCH, Projector
from services.query.rebuild import Rebuilder
from services.query.schema import connect
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


@dataclass
class Timing:
    seconds: float
    incidents: int
    indexing_s: float | None = None  # of which building the deferred indexes
    # Rows the full-text index still had to take when the rows were queryable (it
    # follows them in batches: services/query/text_index.py), and how long that took.
    text_pending: int = 0
    text_s: float | None = None
    # CPU seconds this process spent until the rows were queryable: on a shared machine
    # incidents per CPU second say what the code costs, the wall rate what the box gave.
    cpu_s: float = 0.0


async def rebuild(settings: Settings, bootstrap: str, progress: Progress) -> Timing:
    """The projector from its start until ready, into a fresh file."""
    store = TimelineStore(settings.database_path)
    projector = Projector(settings, bootstrap, store)
    task = progress.add_task("projecting", total=None)
    began, cpu = time.perf_counter(), time.process_time()
    caught_up: float | None = None
    running = asyncio.create_task(projector.run())
    try:
        while not projector.state.ready:
            if running.done():
                running.result()  # raises what stopped it
            if caught_up is None and projector.state.caught_up:
                caught_up = time.perf_counter()
            done = sum(projector.state.positions.values())
            progress.update(task, completed=done, total=sum(projector.state.targets.values()))
            await asyncio.sleep(0.05)
        ended, cpu = time.perf_counter(), time.process_time() - cpu
        pending = projector.state.text_pending
        while projector.state.text_pending:  # until search finds every row
            if running.done():
                running.result()
            await asyncio.sleep(0.05)
        searchable = time.perf_counter()
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        store.close()
    indexing = ended - caught_up if caught_up is not None else None
    incidents = count_incidents(settings.database_path)
    return Timing(ended - began, incidents, indexing, pending, searchable - ended, cpu)


def count_incidents(path: Path) -> int:
    conn = connect(str(path), readonly=True)
    try:
        return int(conn.execute("SELECT count(*) FROM incidents").fetchone()[0])
    finally:
        conn.close()


async def replay_projection(settings: Settings, bootstrap: str) -> Timing:
    """`newstimeline replay projection` into a fresh path."""
    began, cpu = time.perf_counter(), time.process_time()
    done = await Rebuilder(settings, bootstrap).run()
    ended, cpu = time.perf_counter(), time.process_time() - cpu
    # What the serving projector then does: the full-text index in batches.
    store = TimelineStore(settings.database_path)
    store.text_follows = True
    pending = store.text_pending()
    while await asyncio.to_thread(store.index_text, TEXT_BATCH):
        pass
    store.close()
    text_s = time.perf_counter() - ended
    return Timing(ended - began, done.incidents, None, pending, text_s, cpu)


def report(console: Console, records: int, runs: dict[str, Timing]) -> None:
    table = Table(title="Read-model rebuild from the timelines topic, fresh file")
    columns = (
        "how", "timelines", "incidents", "seconds", "of which indexing", "incidents/s",
        "then not yet searchable", "search caught up after", "CPU s", "incidents/CPU s",
    )  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "how" else "right")
    table.add_column(f">= {TARGET:,}/s", justify="right")
    for how, run in runs.items():
        rate = run.incidents / run.seconds
        table.add_row(
            how,
            f"{records:,}",
            f"{run.incidents:,}",
            f"{run.seconds:.1f}",
            "" if run.indexing_s is None else f"{run.indexing_s:.1f}",
            f"{rate:,.0f}",
            f"{run.text_pending:,}",
            "" if run.text_s is None else f"{run.text_s:.1f} s",
            f"{run.cpu_s:.1f}",
            f"{run.incidents / run.cpu_s:,.0f}" if run.cpu_s else "",
            "met" if rate >= TARGET else "missed",
        )
    console.print(table)
    load = load_average()
    console.print(f"load average (1/5/15 min) at the end: {load}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rebuild")
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument(
        "--corpus", type=Path, default=PROJECT_ROOT.parent / "shared" / "data" / "timeml"
    )
    args = parser.parse_args(argv)
    configure_logging("bench", "WARNING")
    console = Console(width=max(Console().width, 170))
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
                runs = {"replay projection": asyncio.run(replay_projection(
                    settings.model_copy(update={"database_path": Path(tmp) / "r.sqlite3"}),
                    broker.bootstrap,
                ))}  # fmt: skip
                runs["projector catching up"] = asyncio.run(
                    rebuild(settings, broker.bootstrap, progress)
                )
            finally:
                asyncio.run(delete_run_topics(broker.bootstrap, names))
    finally:
        broker.release()
    report(console, count, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
