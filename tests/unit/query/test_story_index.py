"""The story index (votes and sentences kept per read-model version) gives exactly what the
core gives when it reads the selection straight from SQLite, on random selections, and
stays exact while articles arrive, are revised and are retracted."""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from services.query.context import json_bytes
from services.query.schema import connect
from services.query.selection import TimelineFilter, filter_sql
from services.query.store import Change, Retraction, TimelineStore
from services.query.stories import StoryQuery, date_json, story_json, story_request
from services.query.story_index import ROW_COLUMNS, VOTING, StoryIndex, entries, read_articles
from services.query.times import to_key
from services.timeline.story import story_timeline
from tests.unit.query.factories import BASE
from tests.unit.query.story_factories import article

WORDS = [
    "oil",
    "well",
    "rig",
    "spill",
    "coast",
    "crews",
    "cap",
    "leak",
    "hearing",
    "fund",
    "storm",
    "beach",
    "boom",
    "ships",
]


def reference_json(conn: sqlite3.Connection, query: StoryQuery) -> bytes:
    """The body as the core gives it from the selection read straight from SQLite, words
    weighed by every voting sentence of the read model."""
    clauses, params = filter_sql(query.selection)
    columns = ROW_COLUMNS
    where = " AND ".join([*clauses, VOTING])
    sql = f"SELECT {columns} FROM incidents WHERE {where} ORDER BY start_at, end_at, incident_id"
    incidents = [incident for _, _, incident in entries(conn.execute(sql, params))]
    found = {a.article_id: a for a in read_articles(conn, None)}
    every = f"SELECT {columns} FROM incidents WHERE {VOTING} ORDER BY start_at, end_at, incident_id"
    corpus = [incident for _, _, incident in entries(conn.execute(every))]
    story = story_timeline(incidents, found.values(), story_request(query), corpus=corpus)
    return json_bytes({"dates": [date_json(d, found) for d in story]})


def random_article(rng: random.Random, n: int, revision: int = 0) -> Change:
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) + "."
        for _ in range(rng.randint(1, 3))
    ]
    changed = article(
        f"a{n}",
        rng.randint(0, 30),
        sentences,
        source=rng.choice(["wire", "agency", "paper"]),
        language=rng.choice(["en", "en", "fr"]),
    )
    return changed.model_copy(update={"revision": f"r{revision}"})


def random_query(rng: random.Random) -> StoryQuery:
    start = rng.choice([None, rng.randint(0, 20)])
    until = rng.choice([None, rng.randint(10, 35)])
    selection = TimelineFilter(
        q=rng.choice([None, None, *WORDS]),
        source=rng.choice([None, None, "wire", "agency"]),
        start_from=None if start is None else to_key(BASE + timedelta(days=start)),
        until=None if until is None else to_key(BASE + timedelta(days=until)),
        language=rng.choice([None, None, ("en",), ("fr",)]),
    )
    return StoryQuery(selection, rng.randint(1, 12), rng.randint(1, 3))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TimelineStore]:
    found = TimelineStore(tmp_path / "q.sqlite3")
    yield found
    found.close()


@pytest.mark.parametrize("seed", range(4))
def test_index_answers_what_the_core_answers_on_random_selections(
    store: TimelineStore, seed: int
) -> None:
    rng = random.Random(seed)
    index = StoryIndex()
    with contextlib.closing(connect(str(store.path), readonly=True)) as conn:
        for batch in range(4):
            changes: list[Change] = [
                random_article(rng, rng.randint(0, 40), batch) for _ in range(15)
            ]
            changes += [Retraction(f"a{rng.randint(0, 40)}") for _ in range(batch)]
            store.apply("timelines", 0, list(enumerate(changes, batch * 100)))
            for _ in range(12):
                query = random_query(rng)
                assert story_json(conn, query, index) == reference_json(conn, query), query


def test_a_new_version_is_read_from_what_changed(store: TimelineStore) -> None:
    index = StoryIndex()
    store.apply("timelines", 0, [(0, article("a", 3, ["The rig exploded in the gulf tonight."]))])
    with contextlib.closing(connect(str(store.path), readonly=True)) as conn:
        conn.execute("BEGIN")
        first = index.current(conn)
        conn.execute("COMMIT")
        store.apply("timelines", 0, [(1, article("b", 4, ["Crews capped the leaking well."]))])
        store.apply("timelines", 0, [(2, Retraction("a"))])
        conn.execute("BEGIN")
        second = index.current(conn)
        conn.execute("COMMIT")
    assert second.version > first.version
    assert {e[2].article_id for e in second.entries} == {"b"}


def test_another_file_is_read_afresh(tmp_path: Path) -> None:
    index = StoryIndex()
    for source, name in ((1, "old"), (2, "new")):
        store = TimelineStore(tmp_path / f"{name}.sqlite3")
        store.apply("timelines", 0, [(0, article(name, 3, ["Crews capped the leaking well."]))])
        store.close()
        with contextlib.closing(connect(str(tmp_path / f"{name}.sqlite3"), readonly=True)) as conn:
            conn.execute("BEGIN")
            found = index.current(conn, source)
            conn.execute("COMMIT")
        assert {e[2].article_id for e in found.entries} == {name}
