"""The run behind `python -m evaluation stories` (`make eval-stories`): load each topic
(normalized once, then from the cache), build and score the shipped method on every topic,
then the same method with every parameter chosen on the other topics (leave one topic out),
and report."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from services.platform.errors import EnvironmentProblemError
from services.timeline.story import StoryMethod

from .story_cache import load_topic
from .story_loo import Grid, Scores, leave_one_out, steps
from .story_methods import ABLATIONS, GRID
from .story_report import ablation_table, choices_table, topic_table
from .story_windows import Window, windows
from .timeline17 import topic_folders
from .tls_scoring import Rouge, TimelineScore, average

__all__ = ["evaluate", "topic_folders"]

ByTopic = Mapping[str, Sequence[Window]]
TopicScores = dict[str, list[TimelineScore]]


def check_perl_rouge() -> None:
    """ROUGE-1.5.5 needs Perl with XML::DOM (Debian: libxml-dom-perl)."""
    perl = shutil.which("perl")
    if perl is None or subprocess.run([perl, "-MXML::DOM", "-e1"], check=False).returncode:
        msg = (
            "ROUGE-1.5.5 needs perl and XML::DOM (apt-get install libxml-dom-perl), "
            "or use --rouge python"
        )
        raise EnvironmentProblemError(msg)


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def load_windows(root: Path, cache: Path | None, progress: Progress) -> dict[str, list[Window]]:
    """Every topic of `root` (from the cache when it holds it), cut into the windows of its
    reference timelines."""
    found = {}
    for folder in topic_folders(root):
        task = progress.add_task(f"normalizing {folder.name}", total=None)

        def advance(count: int, task: TaskID = task) -> None:
            progress.advance(task, count)

        topic, _ = load_topic(folder, cache, advance)
        progress.remove_task(task)
        found[topic.name] = windows(topic)
    return found


def ticker(progress: Progress, label: str, total: int) -> Callable[[], None]:
    task = progress.add_task(label, total=total)
    return lambda: progress.advance(task)


def scored(
    by_topic: ByTopic,
    methods: Mapping[str, StoryMethod],
    scores: Scores,
    rouge: Rouge,
    advance: Callable[[], None],
) -> TopicScores:
    """Each topic's timelines scored with the method `methods` names for the topic."""
    found: TopicScores = {}
    for name, topic_windows in by_topic.items():
        for window in topic_windows:
            found.setdefault(name, []).append(scores.full(window, methods[name], rouge))
            advance()
    return found


def evaluate(
    root: Path,
    *,
    rouge: Rouge,
    ablation: bool,
    cache: Path | None,
    console: Console | None = None,
) -> None:
    """Print the all-topics and leave-one-topic-out tables (and with `ablation` the table
    of the method's parts, each also left out in turn)."""
    if rouge == "perl":
        check_perl_rouge()
    console = console or Console()
    scores = Scores()
    with progress_bar(console) as progress:
        by_topic = load_windows(root, cache, progress)
        count = sum(len(w) for w in by_topic.values())
        shipped = scored(
            by_topic,
            dict.fromkeys(by_topic, StoryMethod()),
            scores,
            rouge,
            ticker(progress, "scoring the shipped method", count),
        )
        tuning = ticker(progress, "leave one topic out: tuning", steps(GRID, len(by_topic)))
        chosen = leave_one_out(GRID, by_topic, scores, tuning)
        held = scored(by_topic, chosen, scores, rouge, ticker(progress, "scoring held out", count))
        runs = {
            name: ablated(
                grid, by_topic, scores, ticker(progress, name, steps(grid, len(by_topic)))
            )
            for name, grid in (ABLATIONS if ablation else ())
        }
    console.print(topic_table(shipped, rouge, "all topics: the shipped method"))
    console.print(topic_table(held, rouge, "leave one topic out: tuned on the other topics"))
    console.print(choices_table(chosen, GRID))
    if runs:
        console.print(ablation_table(runs))


def ablated(
    grid: Grid, by_topic: ByTopic, scores: Scores, advance: Callable[[], None]
) -> tuple[TimelineScore, TimelineScore]:
    """One row of the ablation (Python ROUGE): the grid's base method on every topic, and
    the grid tuned leaving each topic out in turn."""
    tuned = leave_one_out(grid, by_topic, scores, advance)
    base = dict.fromkeys(by_topic, grid.base)
    return tuple(  # type: ignore[return-value]
        average(
            [s for found in scored(by_topic, m, scores, "python", _quiet).values() for s in found]
        )
        for m in (base, tuned)
    )


def _quiet() -> None:
    """No progress to report (every timeline was scored while tuning)."""
