"""`newstimeline status`: the gathered status as rich tables, or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from services.platform.ops.status import Status


def as_json(status: Status) -> str:
    body: dict[str, Any] = {"ok": status.ok, **asdict(status)}
    for topic, shown in zip(status.topics, body["topics"], strict=True):
        shown["records"] = topic.records
    return json.dumps(body, indent=2)


def offsets(by_partition: dict[int, int]) -> str:
    return " ".join(f"{p}:{o}" for p, o in sorted(by_partition.items())) or "-"


def broker_line(status: Status) -> str:
    b = status.broker
    state = "[green]reachable[/green]" if b.reachable else "[red]unreachable[/red]"
    if b.error:
        state += f" ({b.error})"
    return f"broker {b.address or '-'} ({b.kind}), cluster id {b.cluster_id or '-'}: {state}"


def topics_table(status: Status) -> Table:
    from rich.table import Table

    table = Table()
    for column in ("topic", "topic id", "partitions", "records", "end offsets"):
        table.add_column(column, overflow="fold")
    for t in status.topics:
        table.add_row(t.name, t.topic_id or "(missing)", str(len(t.end_offsets)),
                      str(t.records), offsets(t.end_offsets))  # fmt: skip
    return table


def group_table(status: Status) -> Table:
    from rich.table import Table

    table = Table()
    for column in ("partition", "committed", "end", "lag"):
        table.add_column(column, justify="right")
    for row in status.group_lag:
        committed = "-" if row.committed is None else str(row.committed)
        table.add_row(str(row.partition), committed, str(row.end), str(row.lag))
    return table


def replicas_table(status: Status) -> Table:
    from rich.table import Table

    table = Table()
    for column in ("replica", "state", "partition", "position", "end", "lag"):
        table.add_column(column, overflow="fold")
    for replica in status.replicas:
        if not replica.answered or replica.projector is None:
            table.add_row(replica.url, f"[red]no answer[/red] ({replica.error})", "", "", "", "")
            continue
        body = replica.projector
        state = (
            "ready" if body["ready"] else "[yellow]catching up[/yellow]"
        ) + f", {body['phase']}"
        if body.get("text_pending"):  # an older replica does not say
            state += f", {body['text_pending']:,} rows not yet searchable"
        for n, p in enumerate(body["partitions"]):
            numbers = (str(p[key]) for key in ("partition", "position", "end", "lag"))
            table.add_row(replica.url if n == 0 else "", state if n == 0 else "", *numbers)
        if not body["partitions"]:
            table.add_row(replica.url, state, "", "", "", "")
    return table


def workers_table(status: Status) -> Table:
    from rich.table import Table

    table = Table()
    for column in ("worker", "state", "processed", "dead letters", "lag", "gaps"):
        table.add_column(column)
    for worker in status.workers:
        if not worker.answered:
            state = "[red]no answer[/red]" if worker.required else "not running here"
            table.add_row(worker.url, state, "", "", "", "")
            continue
        shown = ("processed", "dead_letters", "lag", "gaps")
        counts = [f"{worker.counts[name]:.0f}" for name in shown]
        table.add_row(worker.url, "healthy", *counts)
    return table


def show(status: Status, console: Console) -> None:
    console.print(broker_line(status))
    if status.broker.reachable:
        console.print("topics (end offsets as partition:offset)")
        console.print(topics_table(status))
        total = sum(row.lag for row in status.group_lag)
        console.print(f"normalizer group {status.group}: lag {total}")
        console.print(group_table(status))
    console.print("normalizer workers (their /healthz and /metrics)")
    console.print(workers_table(status))
    console.print("query replicas (projector positions)")
    console.print(replicas_table(status))
    dead = "-" if status.dead_letters is None else str(status.dead_letters)
    console.print(f"dead letters: {dead}")


def status_command(args: argparse.Namespace) -> int:
    import asyncio

    from rich.console import Console

    from services.normalizer.redrive import pending_count
    from services.platform.ops.status import gather_status, quiet_kafka_logs, replica_urls
    from services.platform.ops.worker_status import worker_urls
    from services.platform.settings import Settings

    settings = Settings()
    quiet_kafka_logs()
    urls = replica_urls(settings, args.query or [])
    workers = worker_urls(settings, args.worker or [])
    # Dead letters re-driven or discarded are handled: only the others are counted.
    status = asyncio.run(
        gather_status(
            settings, urls, args.timeout, workers, lambda address: pending_count(settings, address)
        )
    )
    if args.json:
        sys.stdout.write(as_json(status) + "\n")
    else:
        show(status, Console(width=None if sys.stdout.isatty() else 120))
    return 0 if status.ok else 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "status", help="broker, topics, normalizer lag, replicas' projection, dead letters"
    )
    parser.add_argument("--json", action="store_true", help="one JSON document for scripts")
    parser.add_argument(
        "--query", action="append", metavar="URL",
        help="a query replica's base URL (repeatable; default: settings.status_query_urls, "
        "else query_host:query_port)",
    )  # fmt: skip
    parser.add_argument(
        "--worker", action="append", metavar="URL",
        help="a normalizer worker's base URL (repeatable; default: settings.status_worker_urls, "
        "else worker_host:worker_port, shown when it answers)",
    )  # fmt: skip
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per request")
    parser.set_defaults(handler=status_command)
