"""The tables `make bench-pipeline` prints: rates beside the normalizer alone, latency at
half the rate, CPU seconds by process and (with --profile) the hottest functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.cpu import top_frames
from bench.pipeline_load import Latency, Throughput

RATIO_TARGET = 0.6
P99_TARGET_MS = 250.0


@dataclass
class WorkersResult:
    workers: int
    throughput: Throughput
    latency: Latency
    cpu: dict[str, float] = field(default_factory=dict)
    profiles: list[Path] = field(default_factory=list)


def _load(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.1f}" for x in load)


def rate_table(alone: Throughput, results: Sequence[WorkersResult]) -> Table:
    table = Table(title="Pipeline throughput: batch ingest -> all queryable")
    for column in ("run", "articles", "seconds", "articles/s", "/ normalizer alone", "target"):
        table.add_column(column, justify="left" if column == "run" else "right")
    table.caption = "normalizer alone: the worker's decode, build and encode, in one process"
    table.add_row(
        "normalizer alone",
        f"{alone.articles:,}",
        f"{alone.seconds:.1f}",
        f"{alone.rate:,.0f}",
        "1.00",
        "",
    )
    for r in results:
        ratio = r.throughput.rate / alone.rate
        verdict = "met" if ratio >= RATIO_TARGET else "missed"
        table.add_row(
            f"end to end, {r.workers} worker{'s' if r.workers > 1 else ''}",
            f"{r.throughput.articles:,}",
            f"{r.throughput.seconds:.1f}",
            f"{r.throughput.rate:,.0f}",
            f"{ratio:.2f}",
            f">= {RATIO_TARGET} {verdict}",
        )
    return table


def latency_table(results: Sequence[WorkersResult]) -> Table:
    table = Table(title="Ingest -> queryable latency at half the measured rate")
    for column in ("workers", "articles/s offered", "articles", "p50 ms", "p99 ms", "max ms"):
        table.add_column(column, justify="right")
    table.add_column("p99 <= 250 ms", justify="right")
    for r in results:
        lat = r.latency
        p99 = lat.percentile(0.99)
        table.add_row(
            str(r.workers),
            f"{lat.rate:,.0f}",
            f"{len(lat.latencies_ms):,}",
            f"{lat.p50:.0f}",
            f"{p99:.0f}",
            f"{max(lat.latencies_ms):.0f}",
            "met" if p99 <= P99_TARGET_MS else "missed",
        )
    return table


def _cpu_cell(r: WorkersResult, name: str) -> str:
    if name not in r.cpu:
        return ""
    per_article_ms = 1000 * r.cpu[name] / r.throughput.articles
    return f"{r.cpu[name]:.1f} s = {per_article_ms:.2f} ms/article"


def cpu_table(results: Sequence[WorkersResult]) -> Table:
    table = Table(title="CPU seconds by process (with its children) during the throughput phase")
    table.add_column("process")
    for r in results:
        table.add_column(f"{r.workers} worker(s)", justify="right")
    names = list(dict.fromkeys(name for r in results for name in r.cpu))
    for name in names:
        table.add_row(name, *(_cpu_cell(r, name) for r in results))
    table.add_row("wall seconds", *(f"{r.throughput.seconds:.1f}" for r in results))
    return table


def profile_tables(results: Sequence[WorkersResult]) -> list[Table]:
    tables = []
    for r in results:
        for path in r.profiles:
            if not path.exists():
                continue
            table = Table(title=f"py-spy self time: {path.name}")
            table.add_column("function")
            table.add_column("share", justify="right")
            for frame, share in top_frames(path):
                table.add_row(frame, f"{100 * share:.1f} %")
            tables.append(table)
    return tables


def report(
    console: Console,
    alone: Throughput,
    results: Sequence[WorkersResult],
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
) -> None:
    console.print(rate_table(alone, results))
    console.print(latency_table(results))
    console.print(cpu_table(results))
    for table in profile_tables(results):
        console.print(table)
    console.print(
        f"load average (1/5/15 min): {_load(load_before)} before, {_load(load_after)} after"
    )
