"""The story method as the evaluation varies it: the grid its parameters are chosen from,
and the ablation, each row a variant whose own parameters are chosen the same way.

Each axis lists the shipped value (StoryMethod's default) first, so that a tie keeps it.
The values are few and spaced widely: they ask which region of a parameter works, not which
third decimal fits these topics.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from services.timeline.story import StoryMethod

from .story_loo import Axes, Grid

BEFORE_DATES = {"publication_weight": (0.5, 0.25, 1.0), "ahead_weight": (0.5, 0.25, 1.0)}
# Summary variants cost a ROUGE run each on every timeline: two values an axis.
BEFORE_SUMMARIES = {"redundancy": (0.5, 1.0), "dedup_overlap": (0.5, 0.6)}
DATE_AXES = {**BEFORE_DATES, "burst": (0.25, 0.0, 0.5)}
SUMMARY_AXES = BEFORE_SUMMARIES  # focus measured no gain left out (see the ablation)
GRID = Grid(StoryMethod(), DATE_AXES, SUMMARY_AXES)

# The method as issue 24 found it: no bursts, no furniture rule.
BEFORE = replace(StoryMethod(), burst=0.0, furniture=False)


def _row(base: StoryMethod, dates: Axes, summaries: Axes, **change: Any) -> Grid:
    return Grid(replace(base, **change), dates, summaries)


def _ablations() -> tuple[tuple[str, Grid], ...]:
    before = Grid(BEFORE, BEFORE_DATES, BEFORE_SUMMARIES)
    bursts = _row(BEFORE, {**BEFORE_DATES, "burst": (0.25, 0.5)}, BEFORE_SUMMARIES, burst=0.25)
    furniture = _row(bursts.base, bursts.dates, BEFORE_SUMMARIES, furniture=True)
    focus = {**BEFORE_SUMMARIES, "focus": (0.05, 0.1)}  # the part switched on: no 0
    return (
        ("the method before issue 24", before),
        ("+ bursts of publication", bursts),
        ("+ datelines cut, captions and posts dropped (the method)", furniture),
        (
            "  + sentences naming the day alone first (not kept)",
            _row(furniture.base, bursts.dates, focus, focus=0.05),
        ),
    )


ABLATIONS = _ablations()
