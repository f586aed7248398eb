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
import uuid
from datetime import timedelta
from pathlib import Path

from bench.api_data import EPOCH, PER_ARTICLE, SPANS, YEARS, sentence
from services.query.store import Change, TimelineStore
from services.timeline.events import Anchor, ArticleTimeline, Incident
from services.timeline.mentions import TimexType

COMMITS_PER_S = 10
NAMESPACE = uuid.UUID("8d3c1f0e-55a2-4b8e-9d61-2f7a0c4e9b13")


def live_timeline(number: int, rng: random.Random, words: list[str]) -> ArticleTimeline:
    article_id = f"live-{number:08d}"
    published = EPOCH + timedelta(seconds=rng.randrange(YEARS * 365 * 86400))
    incidents = []
    for k in range(PER_ARTICLE):
        granularity, length, _ = SPANS[rng.randrange(len(SPANS))]
        start = published - timedelta(days=rng.randrange(0, 400))
        incidents.append(
            Incident(
                incident_id=str(uuid.uuid5(NAMESPACE, f"{article_id}/{k}")),
                article_id=article_id, start=start, end=start + length,
                granularity=granularity, anchor=Anchor.EXPLICIT,
                sentence=sentence(rng, words), mention=f"mention {k}",
                timex_type=TimexType.DATE, timex_value=start.date().isoformat(),
            )
        )  # fmt: skip
    return ArticleTimeline(
        article_id=article_id, revision="r1", source=f"source-{number % 20}",
        title=f"Live article {number}", published_at=published, language="en",
        normalizer_version="bench", incidents=tuple(incidents),
    )  # fmt: skip


def write_until_stopped(path: Path, articles_per_s: float) -> int:
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    rng = random.Random(11)  # noqa: S311 - synthetic data, not security
    words = [f"w{rng.randrange(10**6):x}" for _ in range(3000)]
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
