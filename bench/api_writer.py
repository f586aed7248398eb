"""A writer for `make bench-api`: new timelines applied to the store while the API is
under load, through the projector's own store code (TimelineStore.apply_batches), ten
commits a second, until terminated.

python -m bench.api_writer DATABASE ARTICLES_PER_S
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

from bench.api_data import article_timeline, words_of
from services.query.store import Change, TimelineStore
from services.timeline.events import ArticleTimeline

COMMITS_PER_S = 10


def live_timeline(number: int, rng: random.Random, words: list[str]) -> ArticleTimeline:
    return article_timeline(f"live-{number:08d}", number, rng, words, anchored=False)


def write_until_stopped(path: Path, articles_per_s: float) -> int:
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    rng = random.Random(11)  # noqa: S311 - synthetic data, not security
    words = words_of(rng)
    store = TimelineStore(path)
    per_commit = max(1, round(articles_per_s / COMMITS_PER_S))
    number, offset, next_at = 0, 0, time.monotonic()
    try:
        while not stopping:
            batch: list[tuple[int, Change]] = []
            for _ in range(per_commit):
                batch.append((offset, live_timeline(number, rng, words)))
                number, offset = number + 1, offset + 1
            store.apply_batches("bench.live", {0: batch})
            next_at += 1 / COMMITS_PER_S
            time.sleep(max(0.0, next_at - time.monotonic()))
    finally:
        store.close()
    return number


if __name__ == "__main__":
    written = write_until_stopped(Path(sys.argv[1]), float(sys.argv[2]))
    sys.stderr.write(f"bench writer: {written} articles written\n")
