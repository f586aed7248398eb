"""Rates of the operators' replays on the real broker: re-normalizing N articles after a
normalizer upgrade (articles/s) and rebuilding a read model from the timelines (incidents/s).

python -m bench.replay [--articles 5000]

Uses topics and a read model file of its own (a run id in their names), never the served
ones. The seed articles' bodies, under new ids and publication times, are the articles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.ingest.publisher import ArticlePublisher, publish_all
from services.ingest.submission import parse_article, to_event
from services.normalizer.replay import Replayer, ReplayReport, Scope
from services.platform.kafka.broker import choose_broker
from services.platform.kafka.clients import reliable_producer
from services.platform.kafka.topics import create_topics
from services.platform.settings import PROJECT_ROOT, Settings, TopicSettings
from services.query.rebuild import Rebuilder
from services.timeline import incidents
from services.timeline.events import ArticleSubmitted

CHUNK = 500
VERSION = incidents.NORMALIZER_VERSION
# The first pass normalizes every article (the worker's job, done by a replay); the others
# run after a simulated upgrade of the rules.
PASSES = (
    ("first normalization", False),
    ("replay --dry-run after an upgrade", True),
    ("replay --all after an upgrade", False),
)


def articles(count: int) -> list[ArticleSubmitted]:
    seeds = [json.loads(p.read_text()) for p in sorted((PROJECT_ROOT / "seeds").glob("*.json"))]
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    made = []
    for n in range(count):
        seed = seeds[n % len(seeds)] | {"article_id": f"bench-{n}", "url": None}
        seed["published_at"] = (start + timedelta(hours=7 * n)).isoformat()
        made.append(to_event(parse_article(seed)))
    return made


async def submit(settings: Settings, bootstrap: str, items: list[ArticleSubmitted]) -> None:
    topic = settings.topics.articles
    publisher = ArticlePublisher(lambda: reliable_producer(settings, bootstrap, "bench"), topic)
    try:
        for first in range(0, len(items), CHUNK):
            await publish_all(publisher, items[first : first + CHUNK])
    finally:
        await publisher.close()


async def replay(
    settings: Settings, bootstrap: str, *, dry_run: bool
) -> tuple[ReplayReport, float]:
    producer = None if dry_run else reliable_producer(settings, bootstrap, "bench-replay")
    if producer is not None:
        await producer.start()
    began = time.monotonic()
    try:
        report = await Replayer(settings, bootstrap, producer).run(Scope())
    finally:
        if producer is not None:
            await producer.stop()
    return report, time.monotonic() - began


def bench_settings(workdir: Path) -> Settings:
    run = uuid.uuid4().hex[:8]
    topics = TopicSettings(articles=f"bench.{run}.articles", timelines=f"bench.{run}.timelines",
                           dead_letters=f"bench.{run}.dlq")  # fmt: skip
    return Settings(topics=topics, database_path=workdir / "bench.sqlite3")


async def bench(count: int, settings: Settings, bootstrap: str) -> list[str]:
    await create_topics(settings, bootstrap)
    await submit(settings, bootstrap, articles(count))
    lines = []
    for label, dry_run in PASSES:
        if label.startswith("replay"):
            incidents.NORMALIZER_VERSION = f"{VERSION}+bench"
        report, seconds = await replay(settings, bootstrap, dry_run=dry_run)
        lines.append(
            f"{label}: {len(report.changed)} timelines changed, {report.published} "
            f"published in {seconds:.1f} s, {count / seconds:,.0f} articles/s"
        )
    rebuilt = await Rebuilder(settings, bootstrap).run()
    lines.append(
        f"replay projection: {rebuilt.records} records, {rebuilt.incidents} incidents in "
        f"{rebuilt.seconds:.1f} s, {rebuilt.incidents_per_s:,.0f} incidents/s"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        # The broker is chosen outside the event loop: its probe runs a loop of its own.
        choice = choose_broker(settings)
        try:
            lines = asyncio.run(bench(args.articles, settings, choice.bootstrap))
        finally:
            choice.release()
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
