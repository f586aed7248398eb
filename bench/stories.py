"""Latency of GET /v1/stories/timeline over a real topic.

Run: `python -m bench.stories TOPIC_DIR`.

Loads one Timeline17-style topic (normalized in-process) into a fresh read model, then times
requests through the app in-process: the first request of the process (which builds the
story index), each distinct query once (every one computed from the index) and the same
query repeated (served from the story cache until the read model changes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from rich.console import Console
from rich.table import Table

from evaluation.timeline17 import read_articles, submission, untokenize
from services.platform.settings import Settings
from services.query.api import create_app
from services.query.schema import connect
from services.query.store import TimelineStore
from services.timeline.incidents import build_timeline

QUERIES = ("", "q=oil", "q=well", "source=bpoil_bbc", "per_date=3", "dates=60", "q=spill")


def fill(store: TimelineStore, articles_path: Path, limit: int) -> int:
    """Normalize up to `limit` articles into `store`; returns how many went in."""
    count = 0
    for record in read_articles(articles_path):
        lines = [untokenize(line) for line in record["text"].splitlines() if line.strip()]
        if not lines or count >= limit:
            continue
        article = submission(record, lines).model_copy(
            update={"url": f"https://example.org/{record['id']}"}
        )
        store.apply("timelines", 0, [(count, build_timeline(article))])
        count += 1
    return count


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


Timings = tuple[list[float], list[float]]  # wall-clock and CPU milliseconds per request


async def timings(database: Path, urls: Sequence[str]) -> Timings:
    """Each request's wall-clock time, and the CPU time this process spent on it (what an
    idle core would take: the machine is shared, so the clock also counts others' work)."""
    app = create_app(Settings(database_path=database))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            wall, cpu = [], []
            for url in urls:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = await http.get(url)
                wall.append(1000 * (time.perf_counter() - began))
                cpu.append(1000 * (time.process_time() - began_cpu))
                response.raise_for_status()
            return wall, cpu


def row(table: Table, name: str, spent: Timings) -> None:
    wall, cpu = spent
    figures = [statistics.median(wall), percentile(wall, 0.99), statistics.median(cpu)]
    table.add_row(
        name, str(len(wall)), *(f"{f:.1f}" for f in figures), f"{percentile(cpu, 0.99):.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("topic", type=Path, help="a topic folder holding articles.jsonl")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=10, help="distinct queries per query form")
    parser.add_argument("--keep", type=Path, help="read model file to reuse or keep")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = args.keep or Path(folder) / "bench.sqlite3"
        fresh_file = not database.exists()
        store = TimelineStore(database)
        if fresh_file:
            fill(store, args.topic / "articles.jsonl", args.articles)
        incidents = store.high_water
        store.close()
        with contextlib.closing(connect(str(database), readonly=True)) as conn:
            count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        # An unused parameter makes each URL a cache miss while the work stays the same.
        computed_urls = [
            f"/v1/stories/timeline?{q}&round={n}" for n in range(args.rounds) for q in QUERIES
        ]
        repeated = ["/v1/stories/timeline"] * (1 + args.rounds * len(QUERIES))
        # The first request of a process builds the story index; it is timed apart.
        wall, cpu = asyncio.run(timings(database, ["/v1/stories/timeline?first", *computed_urls]))
        first, computed = (wall[:1], cpu[:1]), (wall[1:], cpu[1:])
        wall, cpu = asyncio.run(timings(database, repeated))
        cached = (wall[1:], cpu[1:])  # the first one fills the cache
    table = Table(title=f"/v1/stories/timeline over {count} articles ({incidents} rows), ms")
    for column in ("requests", "n", "p50", "p99", "CPU p50", "CPU p99"):
        table.add_column(column, justify="left" if column == "requests" else "right")
    row(table, "first request (builds the story index)", first)
    row(table, "every one computed", computed)
    row(table, "repeated (story cache)", cached)
    Console().print(table)


if __name__ == "__main__":
    main()
