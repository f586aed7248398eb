"""The tables of `eval-stories`: per topic and overall, and the ablation of the method."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from rich.table import Table

from services.timeline.story import StoryMethod

from .tls_scoring import TimelineScore, average

# Each part of the method added in turn to a bare mention count with first sentences.
BARE = StoryMethod(
    publication_weight=0.0,
    ahead_weight=1.0,
    day_only=False,
    distinct_articles=False,
    central=False,
    dedup=False,
    redundancy=0.0,
)


def _ablations() -> tuple[tuple[str, StoryMethod], ...]:
    steps: list[tuple[str, StoryMethod]] = [("dates by mention count, first sentences", BARE)]
    changes: Sequence[tuple[str, dict[str, object]]] = (
        ("+ publication days", {"publication_weight": 0.5}),
        ("+ specificity (day mentions only)", {"day_only": True}),
        ("+ distinct articles", {"distinct_articles": True}),
        ("+ announced days weigh half", {"ahead_weight": 0.5}),
        ("+ central sentences", {"central": True}),
        ("+ near-duplicates dropped", {"dedup": True}),
        ("+ a day's sentences by MMR (the method)", {"redundancy": 0.5}),
        ("  with a 10-day distance decay", {"closeness_days": 10.0}),
    )
    for name, change in changes:
        base = steps[-1][1] if not name.startswith("  ") else StoryMethod()
        steps.append((name, replace(base, **change)))  # type: ignore[arg-type]
    return tuple(steps)


ABLATIONS = _ablations()
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


def topic_table(scores: Mapping[str, list[TimelineScore]], rouge: str) -> Table:
    """One row per topic and one over every timeline of every topic."""
    table = Table(title=f"Story timelines, align+ m:1 ROUGE ({rouge}) and Date-F1")
    table.add_column("topic")
    table.add_column("timelines", justify="right")
    for header in EVAL_HEADERS:
        table.add_column(header, justify="right")
    for topic, found in scores.items():
        table.add_row(topic, str(len(found)), *_figures(average(found)))
    every = [s for found in scores.values() for s in found]
    table.add_row("all", str(len(every)), *_figures(average(every)), style="bold")
    return table


def ablation_table(runs: Mapping[str, Mapping[str, list[TimelineScore]]], rouge: str) -> Table:
    """Overall figures of each step of the method."""
    table = Table(title=f"What each part of the method gains (all timelines, {rouge} ROUGE)")
    for header in ("method", "AR-1 F", "AR-2 F", "Date-F1"):
        table.add_column(header, justify="left" if header == "method" else "right")
    for name, scores in runs.items():
        mean = average([s for found in scores.values() for s in found])
        table.add_row(
            name, f"{mean.rouge1.f1:.3f}", f"{mean.rouge2.f1:.3f}", f"{mean.dates.f1:.3f}"
        )
    return table
