"""Speed of our normalizer against dateparser.search_dates over the same TimeML documents:
our calls alone in this process, and `newstimeline normalize --jsonl` as a whole process
(start-up, imports and pattern compilation included) over all the documents at once.

dateparser's calls are timed in slices with a whole process run after each slice, so that
on a shared machine both sides meet the same load.

python -m bench.normalizer GOLD_DIR [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table

from services.normalizer.timeml import Document, read_corpus
from services.timeline.normalize import normalize

from .cpu import load_average
from .normalizer_process import Timing, whole_process

Runner = Callable[[str, datetime], object]
# Issue 23: the whole process at least 10 times as fast as dateparser's calls alone.
TARGET = 10.0


def search_dates_runner() -> Runner:
    from dateparser.search import search_dates  # noqa: PLC0415 - heavy import, only for the bench

    def run(text: str, published_at: datetime) -> object:
        settings = {
            "RELATIVE_BASE": published_at.replace(tzinfo=None),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        return search_dates(text, languages=["en"], settings=settings)

    return run


WARM_UP = "It rained on Friday, Dec. 13."


def timed(run: Runner, documents: Sequence[Document], progress: Progress, task: TaskID) -> Timing:
    """Wall and CPU seconds spent inside `run` for `documents`; the progress bar is drawn
    outside the timed calls, and CPU is this thread's alone (the bar redraws from a thread
    of its own)."""
    wall = cpu = 0.0
    for document in documents:
        began, began_cpu = time.perf_counter(), time.thread_time()
        run(document.text, document.published_at)
        wall += time.perf_counter() - began
        cpu += time.thread_time() - began_cpu
        progress.advance(task)
    return Timing(wall, cpu)


def ours_in_process(documents: Sequence[Document], progress: Progress) -> Timing:
    normalize(WARM_UP, documents[0].published_at)  # start-up is the whole process's row
    task = progress.add_task("news-timeline normalize", total=len(documents))
    return timed(normalize, documents, progress, task)


def interleaved(
    documents: Sequence[Document], runs: int, progress: Progress
) -> tuple[Timing, list[Timing]]:
    """dateparser's calls over all `documents`, in `runs` slices with one whole process of
    ours after each slice: (dateparser's total, each whole process)."""
    run = search_dates_runner()
    run(WARM_UP, documents[0].published_at)
    task = progress.add_task("dateparser.search_dates + newstimeline", total=len(documents))
    count = len(documents)
    theirs, process = [], []
    with whole_process(documents) as run_process:
        for index in range(runs):
            part = documents[index * count // runs : (index + 1) * count // runs]
            theirs.append(timed(run, part, progress, task))
            process.append(run_process())
    return Timing(sum(t.wall for t in theirs), sum(t.cpu for t in theirs)), process


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.normalizer")
    parser.add_argument("gold_dir")
    parser.add_argument(
        "--runs", type=int, default=5, help="whole-process runs; the median is reported"
    )
    args = parser.parse_args(argv)
    documents = read_corpus(Path(args.gold_dir))
    if not documents:
        sys.stderr.write(f"no .tml files in {args.gold_dir}\n")
        return 2
    with Progress() as progress:
        ours = ours_in_process(documents, progress)
        theirs, runs = interleaved(documents, args.runs, progress)
    process = Timing(
        statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs)
    )
    console = Console()
    console.print(bench_table(len(documents), ours, process, theirs))
    console.print(summary(ours, process, theirs, len(runs)))
    return 0


def bench_table(count: int, ours: Timing, process: Timing, theirs: Timing) -> Table:
    table = Table(title=f"Temporal extraction over {count} documents")
    for column in ("extractor", "what is timed", "wall s", "CPU s", "ms / doc (wall)"):
        table.add_column(
            column, justify="left" if column in {"extractor", "what is timed"} else "right"
        )
    rows = (
        ("news-timeline normalize", "its calls, in this process", ours),
        ("newstimeline normalize --jsonl", "the whole process, median", process),
        ("dateparser.search_dates", "its calls, in this process", theirs),
    )
    for name, what, timing in rows:
        table.add_row(
            name,
            what,
            f"{timing.wall:.3f}",
            f"{timing.cpu:.3f}",
            f"{1000 * timing.wall / count:.2f}",
        )
    return table


def summary(ours: Timing, process: Timing, theirs: Timing, runs: int) -> str:
    """The ratios beside the target. Wall time is the target's measure; on a shared machine
    a loaded run stretches a short process's wall time more than a long one's, so the CPU
    ratio is given beside it."""
    whole, whole_cpu = theirs.wall / process.wall, theirs.cpu / process.cpu
    load = load_average()
    return (
        f"in-process: normalize is {theirs.wall / ours.wall:.1f}x faster "
        f"(CPU {theirs.cpu / ours.cpu:.1f}x)\n"
        f"whole process (median of {runs}) vs dateparser's calls alone: {whole:.1f}x wall "
        f"({_verdict(whole)}), {whole_cpu:.1f}x CPU ({_verdict(whole_cpu)}); "
        f"target >= {TARGET:.0f}x\n"
        f"load average (1/5/15 min) at the end: {load}"
    )


def _verdict(ratio: float) -> str:
    return "met" if ratio >= TARGET else "missed"


if __name__ == "__main__":
    sys.exit(main())
