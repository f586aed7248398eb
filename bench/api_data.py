"""A synthetic read model for `make bench-api`: many incidents, loaded in bulk.

The load bypasses the projector on purpose: indexes and the full-text index are dropped
while rows go in and rebuilt once at the end, which is many times faster than row-by-row
maintenance. The result is an ordinary store that the query service opens as usual.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.query.schema import create_schema
from services.query.sort_keys import SlotAllocator
from services.query.store import INSERT_INCIDENT_KEYED, SET_META, UPSERT_ARTICLE, span_class
from services.query.times import to_key
from services.timeline.mentions import Granularity

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
DROPPED_WHILE_LOADING = (
    "incidents_order",
    "incidents_span",
    "incidents_live_id",
    "incidents_live_article",
    "incidents_sort",
)
PER_ARTICLE = 10


def sentence(rng: random.Random, words: list[str]) -> str:
    chosen = rng.choices(words, k=12)
    if rng.random() < 0.001:
        chosen[rng.randrange(12)] = RARE_WORD
    return " ".join(chosen).capitalize() + "."


def article_rows(
    rng: random.Random, n: int, words: list[str], slots: SlotAllocator
) -> Iterator[tuple[object, ...]]:
    """The incidents of article n (PER_ARTICLE of them), seq numbers from n * PER_ARTICLE."""
    published = EPOCH + timedelta(seconds=rng.randrange(YEARS * 365 * 86400))
    source, title = f"source-{n % 20}", f"Article {n} about {rng.choice(words)}"
    kinds, weights = list(range(len(SPANS))), [w for _, _, w in SPANS]
    for k in range(PER_ARTICLE):
        granularity, length, _ = SPANS[rng.choices(kinds, weights)[0]]
        start = published - timedelta(days=rng.randrange(0, 400)) if k else published
        seq = n * PER_ARTICLE + k + 1
        yield (
            seq,
            f"inc-{seq:09d}",
            f"art-{n:08d}",
            to_key(start),
            to_key(start + length),
            granularity.value,
            granularity.rank,
            "explicit" if k else "publication",
            sentence(rng, words),
            f"mention {k}",
            "DATE",
            start.date().isoformat(),
            0,
            5,
            source,
            title,
            span_class(start, start + length),
            f"https://bench.example/{n}",
            to_key(published),
            slots.key(start),
        )


def fill(path: Path, incidents: int, seed: int = 7) -> int:
    """A store at `path` holding `incidents` incidents; returns its high-water mark."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # a throw-away file: no journal while loading
    conn.execute("PRAGMA synchronous = OFF")
    create_schema(conn)
    for index in DROPPED_WHILE_LOADING:
        conn.execute(f"DROP INDEX {index}")
    conn.execute("DROP TRIGGER incidents_fts_insert")
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    words = [f"w{rng.randrange(10**6):x}" for _ in range(3000)]
    slots = SlotAllocator()
    conn.execute("BEGIN")
    for n in range(incidents // PER_ARTICLE):
        rows = list(article_rows(rng, n, words, slots))
        conn.executemany(INSERT_INCIDENT_KEYED, rows)
        first = rows[0]
        conn.execute(
            UPSERT_ARTICLE,
            (first[2], "r1", first[14], first[17], first[15], first[18], "en", "bench"),
        )
    high_water = (incidents // PER_ARTICLE) * PER_ARTICLE
    conn.execute(SET_META, ("high_water", high_water))
    conn.execute(
        "INSERT INTO span_classes SELECT span_class, min(granularity_rank) FROM incidents "
        "GROUP BY span_class"
    )
    conn.execute("COMMIT")
    create_schema(conn)  # puts the dropped indexes and trigger back
    conn.execute("INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("ANALYZE")
    conn.close()
    return high_water
