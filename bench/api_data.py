"""A synthetic read model for `make bench-api`: many incidents, loaded in bulk.

Loaded through the projector's own store (TimelineStore) in its bulk mode, the one a
rebuild uses: indexes and the full-text index are built once at the end, which is many
times faster than row-by-row maintenance. The result is an ordinary store that the query
service opens as usual.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.query.store import Change, TimelineStore
from services.timeline.events import Anchor, ArticleTimeline, Incident
from services.timeline.mentions import Granularity, TimexType

RARE_WORD = "siege"  # in about one sentence in a thousand: a selective search
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
YEARS = 25
SPANS = (  # granularity, interval length, weight
    (Granularity.HOUR, timedelta(hours=1), 5),
    (Granularity.DAY, timedelta(days=1), 70),
    (Granularity.WEEK, timedelta(days=7), 5),
    (Granularity.MONTH, timedelta(days=30), 10),
    (Granularity.YEAR, timedelta(days=365), 7),
    (Granularity.DECADE, timedelta(days=3652), 2),
    (Granularity.CENTURY, timedelta(days=36524), 1),
)
PER_ARTICLE = 10


def sentence(rng: random.Random, words: list[str]) -> str:
    chosen = rng.choices(words, k=12)
    if rng.random() < 0.001:
        chosen[rng.randrange(12)] = RARE_WORD
    return " ".join(chosen).capitalize() + "."


NAMESPACE = uuid.UUID("8d3c1f0e-55a2-4b8e-9d61-2f7a0c4e9b13")
BATCH = 500  # articles per transaction


def article_timeline(
    article_id: str, number: int, rng: random.Random, words: list[str], *, anchored: bool
) -> ArticleTimeline:
    """PER_ARTICLE incidents of one synthetic article; with `anchored`, the first is the
    article's own publication, as the normalizer makes it."""
    published = EPOCH + timedelta(seconds=rng.randrange(YEARS * 365 * 86400))
    kinds, weights = list(range(len(SPANS))), [w for _, _, w in SPANS]
    incidents = []
    for k in range(PER_ARTICLE):
        granularity, length, _ = SPANS[rng.choices(kinds, weights)[0]]
        publication = anchored and k == 0
        start = published if publication else published - timedelta(days=rng.randrange(0, 400))
        incidents.append(
            Incident(
                incident_id=str(uuid.uuid5(NAMESPACE, f"{article_id}/{k}")),
                article_id=article_id, start=start, end=start + length,
                granularity=granularity,
                anchor=Anchor.PUBLICATION if publication else Anchor.EXPLICIT,
                sentence=sentence(rng, words), mention=f"mention {k}",
                timex_type=TimexType.DATE, timex_value=start.date().isoformat(),
                char_start=0, char_end=5,
            )
        )  # fmt: skip
    return ArticleTimeline(
        article_id=article_id, revision="r1", source=f"source-{number % 20}",
        url=f"https://bench.example/{number}", title=f"Article {number} about {rng.choice(words)}",
        published_at=published, language="en", normalizer_version="bench",
        incidents=tuple(incidents),
    )  # fmt: skip


def words_of(rng: random.Random) -> list[str]:
    return [f"w{rng.randrange(10**6):x}" for _ in range(3000)]


def batches(articles: int, seed: int) -> Iterator[list[tuple[int, Change]]]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    words = words_of(rng)
    batch: list[tuple[int, Change]] = []
    for n in range(articles):
        batch.append((n, article_timeline(f"art-{n:08d}", n, rng, words, anchored=True)))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(path: Path, incidents: int, seed: int = 7) -> int:
    """A store at `path` holding `incidents` incidents (rounded down to whole articles);
    returns its high-water mark."""
    store = TimelineStore(path)
    try:
        store.start_bulk()
        for batch in batches(incidents // PER_ARTICLE, seed):
            store.apply("bench.fill", 0, batch)
        store.finish_bulk()
        return store.high_water
    finally:
        store.close()
