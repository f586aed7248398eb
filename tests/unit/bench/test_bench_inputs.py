"""What the benchmarks feed the system is valid input: corpus articles pass the ingest
validation with distinct ids, the API writer's timelines apply to a store, and the
rebuild's copies keep every incident id unique."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

from bench.api_writer import live_timeline
from bench.corpus import build_articles
from bench.rebuild import copies
from services.ingest.submission import parse_article, to_event
from services.normalizer.timeml import Document
from services.query.reads import Reader
from services.query.selection import TimelineFilter
from services.query.store import TimelineStore
from services.timeline.events import ArticleTimeline

DOCUMENTS = [
    Document(f"d{n}.tml", "", f"Headline {n}\nIt rained on Friday, Dec. 13, 1996.", datetime(
        1996, 12, 15, tzinfo=UTC), ())
    for n in range(3)
]  # fmt: skip


def test_corpus_articles_are_valid_and_distinct() -> None:
    articles = build_articles(DOCUMENTS, 7, "t")
    events = [to_event(parse_article(a)) for a in articles]
    assert len({e.article_id for e in events}) == 7
    assert len({e.title for e in events}) == 7
    assert events[4].body == DOCUMENTS[1].text


def test_writer_timelines_apply_to_a_store(tmp_path: Path) -> None:
    rng, words = random.Random(1), ["alpha", "beta"]
    store = TimelineStore(tmp_path / "w.sqlite3")
    batch = [(n, live_timeline(n, rng, words)) for n in range(5)]
    assert store.apply_batches("live", {0: batch}) == 0
    page = Reader(store.path).page(TimelineFilter(), 500, None)
    assert len(page.items) == sum(len(t.incidents) for _, t in batch)


def test_rebuild_copies_hold_the_asked_incidents_with_unique_ids() -> None:
    template = json.loads(live_timeline(0, random.Random(2), ["gamma"]).model_dump_json())
    records = list(copies([template], 25))
    timelines = [ArticleTimeline.model_validate_json(value) for _, value in records]
    ids = [i.incident_id for t in timelines for i in t.incidents]
    assert len(ids) == 25 == len(set(ids))
    assert [key.decode() for key, _ in records] == [t.article_id for t in timelines]
