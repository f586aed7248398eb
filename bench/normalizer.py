"""Speed of our normalizer against dateparser.search_dates over the same TimeML documents.

python -m bench.normalizer GOLD_DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from services.normalizer.timeml import Document, read_corpus
from services.timeline.normalize import normalize

Runner = Callable[[str, datetime], object]


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


def timed(name: str, run: Runner, documents: Sequence[Document], progress: Progress) -> float:
    """Seconds spent inside `run` for all documents, after one warm-up call so that start-up
    is not counted; the progress bar is drawn outside the timed calls."""
    run("It rained on Friday, Dec. 13.", documents[0].published_at)
    task = progress.add_task(name, total=len(documents))
    total = 0.0
    for document in documents:
        began = time.perf_counter()
        run(document.text, document.published_at)
        total += time.perf_counter() - began
        progress.advance(task)
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.normalizer")
    parser.add_argument("gold_dir")
    args = parser.parse_args(argv)
    documents = read_corpus(Path(args.gold_dir))
    if not documents:
        sys.stderr.write(f"no .tml files in {args.gold_dir}\n")
        return 2
    with Progress() as progress:
        ours = timed("news-timeline normalize", normalize, documents, progress)
        theirs = timed("dateparser.search_dates", search_dates_runner(), documents, progress)
    Console().print(bench_table(len(documents), ours, theirs))
    return 0


def bench_table(count: int, ours: float, theirs: float) -> Table:
    table = Table(title=f"Temporal extraction over {count} documents")
    for column in ("extractor", "total s", "ms / doc"):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    table.add_row("news-timeline normalize", f"{ours:.3f}", f"{1000 * ours / count:.2f}")
    table.add_row("dateparser.search_dates", f"{theirs:.3f}", f"{1000 * theirs / count:.2f}")
    table.caption = f"normalize is {theirs / ours:.1f}x faster"
    return table


if __name__ == "__main__":
    sys.exit(main())
