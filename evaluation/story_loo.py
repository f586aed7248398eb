"""Leave one topic out: every parameter of the story method chosen on the other topics, the
method so chosen scored on the one left out, in turn.

A figure on the topics a method was tuned on says how well it was tuned; this one says how
well it holds on a topic it has not seen. The parameters are chosen in two steps, each by
the measure its half of the method answers to: the date parameters by Date-F1 (no ROUGE
needed, so that grid is cheap), then, with the dates so chosen, the summary parameters by
AR-1 F (tilse's Python ROUGE, for speed). Every grid point lists the shipped value first,
and a tie keeps the earlier point, so the choice is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import product
from typing import Any

from services.timeline.story import StoryMethod

from .story_windows import Window, date_part
from .tls_scoring import PRF, TimelineScore, date_scores, evaluator, score

Axes = Mapping[str, Sequence[Any]]


@dataclass(frozen=True)
class Grid:
    """What is chosen on the training topics: a method and the values each parameter may
    take, the date parameters apart from the summary ones."""

    base: StoryMethod
    dates: Axes
    summaries: Axes


def points(base: StoryMethod, axes: Axes) -> list[StoryMethod]:
    """Every combination of `axes` over `base`, in a fixed order (first values first)."""
    names = list(axes)
    return [
        replace(base, **dict(zip(names, values, strict=True)))
        for values in product(*(axes[n] for n in names))
    ]


class Scores:
    """Scores of system timelines, each computed once: a grid asks for the same timeline
    many times (most summary variants leave most days' sentences alone)."""

    def __init__(self) -> None:
        self._rouge: dict[tuple[object, ...], TimelineScore] = {}
        self._by_method: dict[tuple[object, ...], TimelineScore] = {}
        self._dates: dict[tuple[object, ...], PRF] = {}
        self._evaluators: dict[str, Any] = {}

    def dates(self, window: Window, method: StoryMethod) -> PRF:
        key = (window.topic.name, window.index, date_part(method))
        found = self._dates.get(key)
        if found is None:
            days = window.days(method)
            found = self._dates[key] = date_scores({day: [] for day in days}, window.reference)
        return found

    def full(self, window: Window, method: StoryMethod, rouge: str) -> TimelineScore:
        """The score of the window's story under `method`: remembered by method, and by
        the timeline itself (two methods often tell the same one)."""
        known = (window.topic.name, window.index, rouge, method)
        found = self._by_method.get(known)
        if found is None:
            found = self._by_method[known] = self._scored(window, method, rouge)
        return found

    def _scored(self, window: Window, method: StoryMethod, rouge: str) -> TimelineScore:
        timeline = window.story(method)
        key = (window.topic.name, window.index, rouge, _frozen(timeline))
        found = self._rouge.get(key)
        if found is None:
            if rouge not in self._evaluators:
                self._evaluators[rouge] = evaluator(rouge)  # type: ignore[arg-type]
            found = self._rouge[key] = score(timeline, window.reference, self._evaluators[rouge])
        return found


def _frozen(timeline: Mapping[date, list[str]]) -> tuple[object, ...]:
    return tuple((day, tuple(timeline[day])) for day in sorted(timeline))


def mean_f(found: Iterable[PRF]) -> float:
    """F of the averaged precision and recall, as the protocol averages timelines."""
    parts = list(found)
    count = max(len(parts), 1)
    return PRF(sum(p.precision for p in parts) / count, sum(p.recall for p in parts) / count).f1


def choose(
    candidates: Sequence[StoryMethod],
    training: Sequence[Window],
    measure: Callable[[Window, StoryMethod], PRF],
    advance: Callable[[], None],
) -> StoryMethod:
    """The candidate with the best mean F over `training`; the first of equals."""
    best, best_value = candidates[0], -1.0
    for candidate in candidates:
        value = mean_f(measure(w, candidate) for w in training)
        advance()
        if value > best_value + 1e-12:
            best, best_value = candidate, value
    return best


def tune(
    grid: Grid, training: Sequence[Window], scores: Scores, advance: Callable[[], None]
) -> StoryMethod:
    """The method whose parameters are chosen on `training`: dates first, then summaries."""
    dated = choose(points(grid.base, grid.dates), training, scores.dates, advance)

    def rouge1(window: Window, method: StoryMethod) -> PRF:
        return scores.full(window, method, "python").rouge1

    return choose(points(dated, grid.summaries), training, rouge1, advance)


def steps(grid: Grid, folds: int) -> int:
    """How many candidates `leave_one_out` weighs (for a progress bar)."""
    return folds * (len(points(grid.base, grid.dates)) + len(points(grid.base, grid.summaries)))


def leave_one_out(
    grid: Grid,
    by_topic: Mapping[str, Sequence[Window]],
    scores: Scores,
    advance: Callable[[], None],
) -> dict[str, StoryMethod]:
    """For each topic, the method tuned on all the others."""
    chosen = {}
    for held_out in by_topic:
        training = [w for name, found in by_topic.items() if name != held_out for w in found]
        chosen[held_out] = tune(grid, training, scores, advance)
    return chosen
