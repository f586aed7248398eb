"""The tables of `python -m evaluation stories`: per topic and overall, the parameters each
held-out topic got, and the ablation of the method."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table

from services.timeline.story import StoryMethod

from .story_loo import Grid
from .tls_scoring import TimelineScore, average

EVAL_HEADERS = ("AR-1 P", "AR-1 R", "AR-1 F", "AR-2 F", "Date P", "Date R", "Date-F1")


def _figures(mean: TimelineScore) -> list[str]:
    values = (
        mean.rouge1.precision,
        mean.rouge1.recall,
        mean.rouge1.f1,
        mean.rouge2.f1,
        mean.dates.precision,
        mean.dates.recall,
        mean.dates.f1,
    )
    return [f"{v:.3f}" for v in values]


def topic_table(scores: Mapping[str, list[TimelineScore]], rouge: str, what: str) -> Table:
    """One row per topic and one over every timeline of every topic."""
    table = Table(title=f"Story timelines, {what}: align+ m:1 ROUGE ({rouge}) and Date-F1")
    table.add_column("topic")
    table.add_column("timelines", justify="right")
    for header in EVAL_HEADERS:
        table.add_column(header, justify="right")
    for topic, found in scores.items():
        table.add_row(topic, str(len(found)), *_figures(average(found)))
    every = [s for found in scores.values() for s in found]
    table.add_row("all", str(len(every)), *_figures(average(every)), style="bold")
    return table


def choices_table(chosen: Mapping[str, StoryMethod], grid: Grid) -> Table:
    """The value of every tuned parameter each held-out topic's method got."""
    names = [*grid.dates, *grid.summaries]
    table = Table(title="Parameters chosen on the other topics (shipped value in the header)")
    table.add_column("held out")
    for name in names:
        table.add_column(f"{name} ({getattr(grid.base, name)})", justify="right")
    for topic, method in chosen.items():
        table.add_row(topic, *(str(getattr(method, name)) for name in names))
    return table


def ablation_table(runs: Mapping[str, tuple[TimelineScore, TimelineScore]]) -> Table:
    """Overall figures of each variant: on every topic as shipped, and left out in turn."""
    table = Table(title="The method's parts (all timelines, Python ROUGE)")
    table.add_column("method")
    for header in ("AR-1 F", "AR-2 F", "Date-F1", "LOO AR-1 F", "LOO AR-2 F", "LOO Date-F1"):
        table.add_column(header, justify="right")
    for name, (every, held) in runs.items():
        figures = [v for s in (every, held) for v in (s.rouge1.f1, s.rouge2.f1, s.dates.f1)]
        table.add_row(name, *(f"{v:.3f}" for v in figures))
    return table
