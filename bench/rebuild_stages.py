"""`python -m bench.rebuild_stages`: the CPU of a bulk rebuild per stage, without Kafka.

The records `make bench-rebuild` puts on its topic (the corpus's timelines copied under new
ids) go through the rebuild's own stages in one process: decoding (the projector's
`decode`), applying them to a fresh file in bulk (transactions of 5,000 records, as a
fetch brings them), building the deferred indexes, and then the full-text index. CPU
seconds per stage (time.process_time) say what the code costs on a box shared with
others, where wall time says what the box gave; run it under py-spy to see inside a
stage.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from bench.cpu import load_average
from bench.rebuild import copies, corpus_timelines
from services.platform.settings import PROJECT_ROOT
from services.query.projector import decode
from services.query.store import TimelineStore

FETCH_RECORDS = 5000


def stages(records: list[tuple[bytes, bytes]], folder: Path) -> dict[str, float]:
    """CPU seconds of each stage over `records`."""
    spent: dict[str, float] = {}
    began = time.process_time()
    changes = [(offset, decode(key, value)) for offset, (key, value) in enumerate(records)]
    spent["decode"] = time.process_time() - began
    store = TimelineStore(folder / "stages.sqlite3", durable=False)
    store.start_bulk()
    began = time.process_time()
    for first in range(0, len(changes), FETCH_RECORDS):
        store.apply_batches("timelines", {0: changes[first : first + FETCH_RECORDS]})
    spent["apply"] = time.process_time() - began
    began = time.process_time()
    store.finish_bulk(text=False)
    spent["indexes"] = time.process_time() - began
    began = time.process_time()
    store.index_text()
    spent["text index"] = time.process_time() - began
    store.close()
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rebuild_stages")
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument(
        "--corpus", type=Path, default=PROJECT_ROOT.parent / "shared" / "data" / "timeml"
    )
    args = parser.parse_args(argv)
    records = list(copies(corpus_timelines(args.corpus), args.incidents))
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as tmp:
        spent = stages(records, Path(tmp))
    per, console = 1e6 / args.incidents, Console()
    for name, seconds in spent.items():
        console.print(f"{name:>12}: {seconds:6.2f} CPU s  {seconds * per:5.1f} us/incident")
    queryable = spent["decode"] + spent["apply"] + spent["indexes"]
    console.print(f"until queryable: {queryable * per:.1f} us/incident, "
          f"{args.incidents / queryable:,.0f} incidents per CPU second")  # fmt: skip
    console.print(f"load average (1/5/15 min): {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
