"""`make bench-api`: the query API on a million incidents under 50 concurrent clients,
while new timelines are written.

Fills a throw-away store in bulk, serves it with uvicorn in a subprocess (several worker
processes over the one file, as `newstimeline query --workers N` does), keeps a writer
applying timelines through the projector's store code meanwhile, drives each scenario from
a separate process (wrk, or httpx) on loopback, and compares with a constant endpoint on
the same server, measured again just before each scenario. Targets: every scenario's p99
within 2x the constant endpoint's, the first page and the search >= half its rate. Each
scenario runs twice: repeating one URL (what the page cache serves between two commits) and
with a distinct URL per request (the page cache never answers: every request runs its page
query). Beside the wall figures, the server's CPU milliseconds per request.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, FastAPI, Response
from rich.console import Console
from rich.table import Table

from bench.api_cpu import cpu_per_request
from bench.api_data import RARE_WORD, fill
from bench.api_load import LoadResult, run_load
from bench.cpu import cpu_seconds, load_average
from services.platform.logs import configure_logging
from services.platform.settings import PROJECT_ROOT, Settings
from services.query.api import create_app
from services.query.cursor import Cursor
from services.query.cursor_key import cursor_key
from services.query.schema import connect
from services.query.selection import TimelineFilter

log = logging.getLogger(__name__)
P99_RATIO_TARGET = 2.0
RATE_TARGET = 0.5  # of the bare endpoint's rate, for the first page and the search
BARE = "bare constant"
CONSTANT = "/bench/constant"


def bench_app() -> FastAPI:
    """The app uvicorn serves in the benchmark: settings from the environment, plus the
    constant route the bench compares with (the product has no such route)."""
    app = create_app(Settings())
    app.include_router(constant_router())
    return app


def constant_router() -> APIRouter:
    router = APIRouter()

    @router.get(CONSTANT, include_in_schema=False)
    async def constant() -> Response:
        # The framework's floor on the same server and middleware as the scenarios.
        return Response(b'{"items":[],"next_cursor":null}', media_type="application/json")

    return router


def scenarios(path: Path, high_water: int) -> dict[str, str]:
    """Scenario name -> request path."""
    conn = connect(str(path), readonly=True)
    row = conn.execute(
        "SELECT start_at, end_at, incident_id FROM incidents "
        "ORDER BY start_at, end_at, incident_id LIMIT 1 "
        "OFFSET (SELECT count(*) * 9 / 10 FROM incidents)",
    ).fetchone()
    conn.close()
    deep = Cursor(row[0], row[1], row[2], high_water, TimelineFilter().fingerprint())
    # Signed with the key the served app reads from the same settings.
    deep_text = deep.encode(cursor_key(Settings()))
    week = {"from": "2015-06-01T00:00:00Z", "to": "2015-06-08T00:00:00Z"}
    return {
        BARE: CONSTANT,
        "first page": "/v1/timeline",
        "deep cursor page (90%)": f"/v1/timeline?{urlencode({'cursor': deep_text})}",
        f"q={RARE_WORD}": f"/v1/timeline?q={RARE_WORD}",
        "one-week window": f"/v1/timeline?{urlencode(week)}",
    }


@contextlib.contextmanager
def serving(path: Path, workers: int) -> Iterator[tuple[str, int]]:
    """The server's base URL and its process id (uvicorn's workers are its children)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {
        "NEWSTIMELINE_DATABASE_PATH": str(path),
        "NEWSTIMELINE_LOG_LEVEL": "WARNING",
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "bench.api:bench_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT)  # bench/ is not installed
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def writing(path: Path, articles_per_s: float) -> Iterator[None]:
    """bench.api_writer adding timelines to the store until the block ends."""
    if articles_per_s <= 0:
        yield
        return
    command = [sys.executable, "-m", "bench.api_writer", str(path), str(articles_per_s)]
    writer = subprocess.Popen(command, cwd=PROJECT_ROOT)
    try:
        yield
    finally:
        writer.terminate()
        writer.wait(timeout=30)


def server_cpu_seconds(pid: int) -> float:
    """The server's CPU seconds: uvicorn's supervisor and its workers (cpu_seconds counts a
    process with its descendants)."""
    return cpu_seconds(pid) or 0.0


@dataclass(frozen=True)
class Measured:
    load: LoadResult
    cpu_ms: float  # the server's CPU milliseconds per request
    bare: LoadResult | None = None  # the bare endpoint just before (None: this is it)


def measured(url: str, server: int, args: argparse.Namespace, *, unique: bool = False) -> Measured:
    """One scenario's load result and the server's CPU milliseconds per request: the
    figure the machine's other tenants move least (they move the wall figures a lot)."""
    before = server_cpu_seconds(server)
    result = run_load(url, args.connections, args.seconds, unique=unique)
    spent = server_cpu_seconds(server) - before
    return Measured(result, 1000 * spent / max(1.0, result.requests_per_s * args.seconds))


def run_scenarios(
    base: str, server: int, targets: dict[str, str], args: argparse.Namespace
) -> dict[str, Measured]:
    """Each scenario, repeated URL then distinct URLs, right after a run of the bare
    endpoint that its ratios are taken against: on a shared machine the load drifts
    within a run, and a bare figure from minutes earlier would measure the drift."""
    results = {}
    for name, target in targets.items():
        if name == BARE:
            continue
        bare = measured(base + targets[BARE], server, args)
        results[f"{BARE}, before {name}"] = bare
        for suffix, unique in (("", False), (", uncached", True)):
            found = measured(base + target, server, args, unique=unique)
            results[name + suffix] = replace(found, bare=bare.load)
    return results


def wait_until_up(base: str, server: subprocess.Popen[bytes], deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline and server.poll() is None:
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    msg = "the query service did not start"
    raise RuntimeError(msg)


def report(results: dict[str, Measured], title: str, load_at_start: str) -> None:
    table = Table(title=title)
    columns = (
        "scenario", "req/s", "p50 ms", "p99 ms", "p99 / bare p99", "<= 2x", "server CPU ms/req",
        "errors",
    )  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "scenario" else "right")
    worst = ("", 0.0)
    for name, m in results.items():
        r, ratio = m.load, m.load.p99_ms / (m.bare or m.load).p99_ms
        worst = max(worst, (name, ratio), key=lambda pair: pair[1])
        table.add_row(
            name,
            f"{r.requests_per_s:,.0f}",
            f"{r.p50_ms:.1f}",
            f"{r.p99_ms:.1f}",
            f"{ratio:.2f}",
            "yes" if ratio <= P99_RATIO_TARGET else "NO",
            f"{m.cpu_ms:.2f}",
            str(r.errors),
        )
    console = Console(width=max(Console().width, 110))
    console.print(table)
    verdict = "meets" if worst[1] <= P99_RATIO_TARGET else "misses"
    console.print(
        f"worst p99 / bare p99: {worst[1]:.2f} ({worst[0]}; {verdict} the "
        f"{P99_RATIO_TARGET:g}x target)"
    )
    for name, m in results.items():
        if m.bare is not None and name.startswith(("first page", "q=")):
            rate = m.load.requests_per_s / m.bare.requests_per_s
            verdict = "meets" if rate >= RATE_TARGET else "misses"
            console.print(
                f"{name} rate / bare constant = {rate:.2f} ({verdict} the {RATE_TARGET} target)"
            )
    console.print(
        f"load average (1/5/15 min) at the start: {load_at_start}, at the end: {load_average()}"
    )


def report_cpu(costs: dict[str, float]) -> None:
    bare = costs[BARE]
    table = Table(title="CPU per request in one process: the app called directly, no socket")
    for column in ("scenario", "CPU ms/request", "/ bare"):
        table.add_column(column, justify="left" if column == "scenario" else "right")
    for name, ms in costs.items():
        table.add_row(name, f"{ms:.3f}", f"{ms / bare:.1f}")
    console = Console(width=max(Console().width, 110))
    console.print(table)
    console.print(f"load average (1/5/15 min) after it: {load_average()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api")
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=5.0, help="per scenario")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--write-rate", type=float, default=20.0, help="articles/s written meanwhile (0: none)"
    )
    args = parser.parse_args(argv)
    configure_logging("bench-api", "INFO")
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        path = Path(tmp) / "bench.sqlite3"
        began = time.monotonic()
        high_water = fill(path, args.incidents)
        log.info("filled %d incidents in %.1f s", high_water, time.monotonic() - began)
        targets = scenarios(path, high_water)
        load_at_start = load_average()
        with serving(path, args.workers) as (base, server), writing(path, args.write_rate):
            run_load(f"{base}/v1/timeline", args.connections, 2)  # warm caches
            results = run_scenarios(base, server, targets, args)
        # The same file and requests, now that the server and the writer have stopped.
        os.environ["NEWSTIMELINE_DATABASE_PATH"] = str(path)
        in_process = cpu_per_request(bench_app(), targets)
    title = (
        f"query API: {args.connections} clients, {args.workers} worker process(es), "
        f"{args.write_rate:g} articles/s written meanwhile"
    )
    report(results, title, load_at_start)
    report_cpu(in_process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
