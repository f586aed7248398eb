"""`newstimeline run`: the whole pipeline on one machine, with the sample articles.

Broker (chosen as everywhere) -> topics -> worker, query and ingest processes -> seeds/
through the ingest API -> the seed article's timeline as a table -> serve until Ctrl-C,
then stop everything this command started, the broker included when it started it.
Everything is kept between runs (broker storage, read model, worker state): the seeds are
re-submitted revisions, which the worker recognises, and articles posted earlier stay.
Wiping is `newstimeline reset --yes`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka.broker import choose_broker
from services.platform.kafka.topics import create_topics
from services.platform.ops.processes import ServiceProcess, Stack
from services.platform.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)
SEEDS = PROJECT_ROOT / "seeds"
SEED_ARTICLE_ID = "seed-coalition-strikes-syria"


def ensure_ports_free(settings: Settings) -> None:
    """Fail before starting anything when another process (another `make run`?) holds a
    port: otherwise its answers would pass for ours."""
    for host, port in ((settings.query_host, settings.query_port),
                       (settings.ingest_host, settings.ingest_port),
                       (settings.worker_host, settings.worker_port)):  # fmt: skip
        with socket.socket() as sock:
            if sock.connect_ex((host, port)) == 0:
                msg = (f"{host}:{port} is in use (another `make run`?); stop it or set "
                       "NEWSTIMELINE_QUERY_PORT / _INGEST_PORT / _WORKER_PORT")  # fmt: skip
                raise EnvironmentProblemError(msg)


def record_pid(path: Path) -> None:
    """Where `newstimeline reset` finds this run to stop it before deleting its data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{os.getpid()}\n")


def post_seeds(ingest_url: str, seeds: Path) -> dict[str, Any]:
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.json"))]
    reply = httpx.post(f"{ingest_url}/v1/articles:batch", json=articles, timeout=60)
    reply.raise_for_status()
    result: dict[str, Any] = reply.json()
    return result


def await_timeline(query_url: str, article_id: str, deadline_s: float = 90.0) -> list[Any]:
    """Poll the query API until the article's publication incident is there."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        reply = httpx.get(f"{query_url}/v1/timeline", params={"article_id": article_id})
        items: list[Any] = reply.json().get("items", []) if reply.status_code == 200 else []
        if any(item["anchor"] == "publication" for item in items):
            return items
        time.sleep(0.5)
    msg = f"the timeline of {article_id} did not appear within {deadline_s:.0f}s"
    raise TimeoutError(msg)


def _short(moment: str) -> str:
    """2014-01-01T00:00:00Z -> 2014-01-01; other times keep hours and minutes."""
    day, _, clock = moment.partition("T")
    return day if clock.startswith("00:00:00") else f"{day} {clock[:5]}"


def timeline_table(items: list[Any]) -> Table:
    table = Table(title=f"Timeline of {SEED_ARTICLE_ID} (UTC, end exclusive)")
    for column in ("start", "end", "granularity", "anchor", "mention", "value"):
        table.add_column(column, no_wrap=column != "mention")
    for item in items:
        table.add_row(_short(item["start"]), _short(item["end"]), item["granularity"],
                      item["anchor"], item.get("mention") or "(the article)",
                      item.get("timex_value") or "")  # fmt: skip
    return table


def print_addresses(console: Console, settings: Settings) -> None:
    query, ingest, worker = (settings.service_url(kind) for kind in ("query", "ingest", "worker"))
    console.print(f"web page     {query}/")
    console.print(f"API docs     {query}/docs (query)   {ingest}/docs (ingest)")
    console.print(f"worker       {worker}/metrics   {worker}/healthz")
    console.print(f"logs         {settings.logs_dir} (JSON lines: worker, query, ingest, run)")


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def serve_until_interrupted(services: list[ServiceProcess], console: Console) -> None:
    try:
        while all(service.alive() for service in services):
            time.sleep(0.5)
        dead = [s for s in services if not s.alive()]
        console.print(f"[red]{dead[0].name} exited:[/red]\n{dead[0].log_tail()}")
    except KeyboardInterrupt:
        console.print("stopping…")


def run_pipeline(settings: Settings, console: Console) -> None:
    # SIGTERM (from a supervisor or `timeout`) must clean up like Ctrl-C does, or the
    # children and the broker would outlive this command.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    ensure_ports_free(settings)
    with ExitStack() as stack:
        broker = choose_broker(settings)
        stack.callback(broker.release)
        record_pid(settings.run_pid_file)
        stack.callback(settings.run_pid_file.unlink, missing_ok=True)
        console.print(f"Kafka: {broker.kind} at {broker.bootstrap}")
        created = asyncio.run(create_topics(settings, broker.bootstrap))
        console.print(f"topics ready (created: {', '.join(created) or 'none, all existed'})")
        services = Stack.create(broker.bootstrap, settings.logs_dir)
        stack.callback(services.stop_all)
        services.start("worker", "query", "ingest", deadline_s=60.0)
        outcome = post_seeds(services.ingest_url, SEEDS)
        console.print(f"seeds: {outcome['accepted']} accepted, {outcome['refused']} refused")
        console.print(timeline_table(await_timeline(services.query_url, SEED_ARTICLE_ID)))
        print_addresses(console, services.settings)
        console.print("serving; press Ctrl-C to stop")
        serve_until_interrupted(list(services.services.values()), console)
