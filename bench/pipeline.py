"""`make bench-pipeline`: the whole pipeline on the real local broker, beside the
normalizer alone on the same articles, in one run.

For each worker count (default 1 and 2): fresh topics, the workers, the query service
(projector) and the ingest API as their own processes; N articles from the development
corpus posted in batches to the ingest API, timed until the last one is queryable; then
articles posted one by one at half that rate, each timed from its request to its row in
the read model. The normalizer alone is the worker's own per-record work (decode, build
the timeline, encode, headers) in this process, without Kafka.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from bench.corpus import load_articles
from bench.cpu import CpuMeter, profiled
from bench.pipeline_load import Latency, Throughput, latency, throughput
from bench.pipeline_report import WorkersResult, report
from bench.stack import RunNames, Stack, running_stack
from services.ingest.submission import parse_article, to_event
from services.normalizer.processing import Publish, decide
from services.platform.kafka import local_broker
from services.platform.kafka.broker import choose_broker
from services.platform.logs import configure_logging
from services.platform.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)
WARMUP_ARTICLES = 60


@dataclass(frozen=True)
class Plan:
    """What every configuration runs: the timed articles, spare ones (warm-up and the
    latency phase), how long the latency phase lasts and where profiles go."""

    articles: list[dict[str, Any]]
    spare: list[dict[str, Any]]
    latency_seconds: float
    profile_dir: Path | None


def normalizer_alone(articles: list[dict[str, Any]], progress: Progress) -> Throughput:
    """Seconds the worker's per-record work takes for all articles, in this process."""
    records = [to_event(parse_article(a)).model_dump_json().encode() for a in articles]
    decide(records[0], {})  # warm-up: first-call costs are start-up, not throughput
    task = progress.add_task("normalizer alone", total=len(records))
    spent = 0.0
    for start in range(0, len(records), 500):
        began = time.perf_counter()
        for record in records[start : start + 500]:
            if not isinstance(decide(record, {}), Publish):
                msg = "a benchmark article did not normalize"
                raise RuntimeError(msg)
        spent += time.perf_counter() - began
        progress.advance(task, len(records[start : start + 500]))
    return Throughput(len(records), spent)


def measure(
    stack: Stack, plan: Plan, progress: Progress, meter: CpuMeter
) -> tuple[Throughput, Latency, list[Path]]:
    """Warm-up, throughput (CPU metered, optionally profiled), then latency at half it."""
    database, ingest = stack.names.database, stack.ingest_url
    warm, timed = plan.spare[:WARMUP_ARTICLES], plan.articles
    late = plan.spare[WARMUP_ARTICLES:]
    asyncio.run(throughput(ingest, database, warm, lambda _: None, lambda _: None))
    posted = progress.add_task(f"posted ({stack.names.run})", total=len(timed))
    seen = progress.add_task(f"queryable ({stack.names.run})", total=len(timed))
    meter.start()
    with profiled(stack.pids(), plan.profile_dir, stack.names.run) as profiles:
        rate = asyncio.run(
            throughput(
                ingest,
                database,
                timed,
                lambda n: progress.advance(posted, n),
                lambda n: progress.update(seen, completed=n),
            )
        )
    meter.stop()
    half = rate.rate / 2
    count = min(len(late), max(50, int(half * plan.latency_seconds)))
    slow = progress.add_task(f"at {half:.0f}/s ({stack.names.run})", total=count)
    lat = asyncio.run(
        latency(ingest, database, late[:count], half, lambda n: progress.update(slow, completed=n))
    )
    return rate, lat, profiles


def broker_pid(settings: Settings) -> dict[str, int]:
    state = local_broker.running(settings.local_kafka)
    return {"broker (JVM)": state.pid} if state else {}


def run_workers(
    workers: int, names: RunNames, bootstrap: str, plan: Plan, progress: Progress
) -> WorkersResult:
    with running_stack(names, bootstrap, workers) as stack:
        bench = "bench (this process)"  # without its children: the services
        pids = {**stack.pids(), **broker_pid(Settings()), bench: os.getpid()}
        meter = CpuMeter(pids, alone=frozenset({bench}))
        rate, lat, profiles = measure(stack, plan, progress, meter)
    return WorkersResult(workers, rate, lat, meter.spent, profiles)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.pipeline")
    parser.add_argument("--articles", type=int, default=20_000, help="articles a configuration")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument(
        "--corpus", type=Path, default=PROJECT_ROOT.parent / "shared" / "data" / "timeml"
    )
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--profile", type=Path, default=None, help="py-spy output folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    configure_logging("bench", "WARNING")
    console = Console(width=max(Console().width, 100))
    run = time.strftime("%H%M%S")
    try:
        articles = load_articles(args.corpus, args.articles, run)
    except FileNotFoundError as exc:
        sys.stderr.write(f"bench-pipeline: {exc}\n")
        return 2
    extra = WARMUP_ARTICLES + int(args.articles)  # enough for any latency phase
    spare = load_articles(args.corpus, extra, f"{run}-more")
    plan = Plan(articles, spare, args.latency_seconds, args.profile)
    load_before = os.getloadavg()
    broker = choose_broker(Settings())
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp, Progress() as progress:
            alone = normalizer_alone(articles, progress)
            for workers in args.workers:
                names = RunNames(f"{run}-w{workers}", Path(tmp))
                results.append(run_workers(workers, names, broker.bootstrap, plan, progress))
    finally:
        broker.release()
    report(console, alone, results, load_before, os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
