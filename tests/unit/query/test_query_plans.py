"""Every route's main query reads an index range, never the whole incidents table, and the
timeline pages come out of an index already in order (no sort of what they select)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from services.query.catalog import INCIDENTS_OF
from services.query.cursor import Cursor
from services.query.item_cache import ITEMS_BY_SEQ
from services.query.reads import INCIDENT_BY_ID, KEY_COLUMNS, span_classes
from services.query.schema import connect
from services.query.selection import TimelineFilter, page_sql
from services.query.span_bounds import ALL_ROWS, ROWS_SINCE
from services.query.store import TimelineStore
from services.query.times import to_key
from tests.unit.query.factories import BASE, timeline

WEEK = TimelineFilter(
    start_from=to_key(BASE + timedelta(days=10)), until=to_key(BASE + timedelta(days=17))
)
CURSOR = Cursor(to_key(BASE), to_key(BASE + timedelta(days=1)), "x", 10**6, "f")


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path: Path = tmp_path_factory.mktemp("plans") / "t.sqlite3"
    store = TimelineStore(path)
    batch = [
        (n, timeline(f"a{n}", [(n % 40, n % 40 + 1 + n % 9)], source=f"s{n % 5}"))
        for n in range(400)
    ]
    store.apply("timelines", 0, batch)
    store.close()
    conn = connect(str(path))
    conn.execute("ANALYZE")
    return conn


def plan(conn: sqlite3.Connection, sql: str, params: dict[str, object] | tuple[object, ...]) -> str:
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return "\n".join(row[3] for row in rows)


def page_plan(conn: sqlite3.Connection, flt: TimelineFilter, cursor: Cursor | None) -> str:
    sql, params = page_sql(flt, cursor, {k: 2**k for k in span_classes(conn, None)}, KEY_COLUMNS)
    return plan(conn, sql, params | {"limit": 101})


def reads_no_whole_table(text: str) -> bool:
    scans = [line for line in text.splitlines() if line.startswith("SCAN incidents ")]
    return all("USING" in line for line in scans) and "SCAN incidents\n" not in text + "\n"


@pytest.mark.parametrize(
    ("name", "flt", "cursor"),
    [
        ("first page", TimelineFilter(), None),
        ("first page, newest first", TimelineFilter(descending=True), None),
        ("page after a cursor", TimelineFilter(), CURSOR),
        ("one-week window", WEEK, None),
        ("one-week window after a cursor", WEEK, CURSOR),
    ],
)
def test_timeline_pages_read_an_index_in_order(
    conn: sqlite3.Connection, name: str, flt: TimelineFilter, cursor: Cursor | None
) -> None:
    text = page_plan(conn, flt, cursor)
    assert reads_no_whole_table(text), f"{name}:\n{text}"
    assert "TEMP B-TREE" not in text, f"{name} sorts its rows:\n{text}"
    assert "USING INDEX incidents_" in text, f"{name}:\n{text}"


def test_a_window_reads_one_range_of_the_interval_index_per_span_class(
    conn: sqlite3.Connection,
) -> None:
    text = page_plan(conn, WEEK, None)
    ranges = [line for line in text.splitlines() if "incidents_span" in line]
    assert len(ranges) == len(span_classes(conn, None)) > 0, text
    assert all("span_class=? AND start_at>?" in line for line in ranges), text


SEARCH = TimelineFilter(q="something")


@pytest.mark.parametrize(
    ("name", "flt", "cursor"),
    [
        ("first page", SEARCH, None),
        ("newest first", replace(SEARCH, descending=True), None),
        ("after a cursor", SEARCH, CURSOR),
        ("newest first after a cursor", replace(SEARCH, descending=True), CURSOR),
        ("in a window", replace(WEEK, q="something"), None),
        ("in a window after a cursor", replace(WEEK, q="something"), CURSOR),
        ("with filters", replace(SEARCH, source="s1", max_granularity_rank=5), None),
    ],
)
def test_a_search_page_reads_the_full_text_index_in_timeline_order(
    conn: sqlite3.Connection, name: str, flt: TimelineFilter, cursor: Cursor | None
) -> None:
    text = page_plan(conn, flt, cursor)
    assert text.splitlines()[0].startswith("SCAN incidents_fts VIRTUAL TABLE INDEX"), text
    assert "SEARCH incidents USING INDEX incidents_sort (sort_key=?" in text, text
    assert "TEMP B-TREE" not in text, f"a search {name} sorts its matches:\n{text}"
    assert reads_no_whole_table(text), text


@pytest.mark.parametrize(
    ("name", "sql", "params"),
    [
        ("article filter", None, TimelineFilter(article_id="a7")),
        ("incident by id", INCIDENT_BY_ID, ("x",)),
        ("an article's incidents", INCIDENTS_OF, ("a7",)),
    ],
)  # fmt: skip
def test_lookups_by_id_use_their_index(
    conn: sqlite3.Connection,
    name: str,
    sql: str | None,
    params: TimelineFilter | tuple[object, ...],
) -> None:
    if isinstance(params, TimelineFilter):
        text = page_plan(conn, params, None)
    else:
        assert sql is not None
        text = plan(conn, sql, params)
    assert reads_no_whole_table(text), f"{name}:\n{text}"
    assert "incidents_live_" in text, f"{name}:\n{text}"


def test_items_are_read_by_their_sequence_numbers(conn: sqlite3.Connection) -> None:
    text = plan(conn, ITEMS_BY_SEQ, ("[1, 5, 9]",))
    assert reads_no_whole_table(text), text
    assert "SEARCH incidents USING INTEGER PRIMARY KEY" in text, text


def test_span_bounds_read_the_long_classes_once_then_only_the_rows_added(
    conn: sqlite3.Connection,
) -> None:
    first = plan(conn, ALL_ROWS, ())
    assert "COVERING INDEX incidents_span (span_class>?)" in first, first
    since = plan(conn, ROWS_SINCE, (100, 200))
    assert "INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in since, since
