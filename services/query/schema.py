"""The read model's tables, created idempotently when a store opens.

Incidents are never updated in place: a new revision of an article retires the old rows
(retired_seq) and inserts new ones with fresh sequence numbers. That lets a cursor read the
snapshot of its first page (seq <= S and not retired by S) and lets the stream resume after
any sequence number. Retired rows are purged after a retention period.

span_class is ceil(log2(length in seconds)): an interval of class k that overlaps a window
starting at `from` must start after from - 2**k, so a window query reads, for each class
present (span_classes), one short index range instead of every interval that starts
before the window.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator

from services.query.text_index import REBUILD_ALL

log = logging.getLogger(__name__)

SCHEMA_VERSION = 8  # bump on any change below; add a step to MIGRATIONS when it is additive

DDL = """
CREATE TABLE IF NOT EXISTS offsets (
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    next_offset INTEGER NOT NULL,
    PRIMARY KEY (topic, partition)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
-- Articles whose last record was a tombstone, for GET /v1/articles/{id}/status.
CREATE TABLE IF NOT EXISTS retractions (
    article_id TEXT PRIMARY KEY,
    retracted_seq INTEGER NOT NULL
);
-- Which log the offsets above belong to (see platform/log_identity.py).
CREATE TABLE IF NOT EXISTS log_identity (
    topic TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    topic_id TEXT NOT NULL
);
-- published_local: the publication time with the article's own offset (RFC 3339); zone: the
-- article's clock, an IANA name, "+HH:MM" or UTC (see timeline/zones.zone_label). Incidents
-- carry both as they carry the article's url and title.
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    revision TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    published_at TEXT NOT NULL,
    language TEXT NOT NULL,
    normalizer_version TEXT NOT NULL,
    published_local TEXT,
    zone TEXT
);
-- An incident row carries its article's source, title, url, published_at (stored-key
-- form), published_local and zone, set on every row written. (No comments inside the
-- column list: SQLite's DROP COLUMN, which the migration tests use, trips over them.)
CREATE TABLE IF NOT EXISTS incidents (
    seq INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    granularity TEXT NOT NULL,
    granularity_rank INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    sentence TEXT NOT NULL,
    mention TEXT,
    timex_type TEXT,
    timex_value TEXT,
    char_start INTEGER,
    char_end INTEGER,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    span_class INTEGER NOT NULL,
    retired_seq INTEGER,
    retired_at REAL,
    url TEXT,  -- the article's, as title and source are
    -- published_at: the article's, stored-key form; set on every row written; sort_key:
    -- the timeline order as an integer, see sort_keys.py. (Nothing between a comma and the
    -- next column from here on: ALTER TABLE DROP COLUMN trips over it.)
    published_at TEXT,
    sort_key INTEGER NOT NULL,
    published_local TEXT,
    zone TEXT,
    search_text TEXT
);
CREATE INDEX IF NOT EXISTS incidents_order ON incidents (start_at, end_at, incident_id);
CREATE INDEX IF NOT EXISTS incidents_span
    ON incidents (span_class, start_at, end_at, incident_id);
CREATE TABLE IF NOT EXISTS span_classes (
    span_class INTEGER PRIMARY KEY,
    finest_rank INTEGER NOT NULL  -- lets a granularity filter skip whole classes
);
CREATE UNIQUE INDEX IF NOT EXISTS incidents_live_id
    ON incidents (incident_id) WHERE retired_seq IS NULL;
CREATE INDEX IF NOT EXISTS incidents_live_article
    ON incidents (article_id) WHERE retired_seq IS NULL;
-- The full-text index's rowid: a search reads matches in timeline order through it.
CREATE UNIQUE INDEX IF NOT EXISTS incidents_sort ON incidents (sort_key);
CREATE INDEX IF NOT EXISTS incidents_retired
    ON incidents (retired_seq) WHERE retired_seq IS NOT NULL;
-- search_text: sentence, mention and title as written, with Snowball stems beside them for
-- the languages that have one (see search.py); the porter tokenizer stems English.
CREATE VIRTUAL TABLE IF NOT EXISTS incidents_fts USING fts5 (
    search_text, content='incidents', content_rowid='sort_key',
    tokenize='porter unicode61 remove_diacritics 2'
);
-- Rows enter the full-text index in batches after they are written (text_index.py); a
-- deleted row leaves it only when it was in it.
CREATE TRIGGER IF NOT EXISTS incidents_fts_delete AFTER DELETE ON incidents
WHEN old.seq <= (SELECT value FROM meta WHERE key = 'text_through') BEGIN
    INSERT INTO incidents_fts (incidents_fts, rowid, search_text)
    VALUES ('delete', old.sort_key, old.search_text);
END;
"""


def connect(path: str, *, readonly: bool = False, durable: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with WAL settings;
    without `durable`, for a new file nobody reads until it is complete (a rebuild's): no
    journal, no syncs, a larger cache, its locks held until make_durable (a crash leaves
    a file that is thrown away; the caller syncs the file once when it is complete)."""
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    if not readonly and not durable:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    elif not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL is durable against crashes of the process; offsets live in the same
        # transactions, so a lost tail after a power cut is simply projected again.
        conn.execute("PRAGMA synchronous = NORMAL")
        # The writer touches index pages all over the file (incidents arrive in no time
        # order): a 64 MiB cache instead of 2 MiB keeps them in memory past ~100k rows.
        conn.execute("PRAGMA cache_size = -65536")
    return conn


@contextlib.contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: whatever a reader reads inside it (a page's high-water mark,
    keys and items; an article and its incidents) comes from one snapshot of the file."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def make_durable(conn: sqlite3.Connection) -> None:
    """The live settings of `connect` for a file written without them."""
    conn.execute("PRAGMA locking_mode = NORMAL")
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # lets go of the locks
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")


# Version 2 -> 3: incidents carry their article's url and publication time. Rows of
# articles still present take them from the articles table (a retired row gets its
# article's current ones); retired rows of retracted articles cannot, so they are purged
# the way purge_retired does it, and cursors whose snapshot needed them get 410.
MIGRATE_2_TO_3 = """
ALTER TABLE incidents ADD COLUMN url TEXT;
ALTER TABLE incidents ADD COLUMN published_at TEXT;
UPDATE incidents SET (url, published_at) = (
    SELECT a.url, a.published_at FROM articles AS a WHERE a.article_id = incidents.article_id
);
INSERT INTO meta (key, value)
    SELECT 'purged_through', max(retired_seq) FROM incidents
    WHERE published_at IS NULL AND retired_seq IS NOT NULL HAVING count(*) > 0
ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
DELETE FROM incidents WHERE published_at IS NULL AND retired_seq IS NOT NULL;
"""
# Version 3 -> 4: the full-text index is keyed by sort_key instead of seq. Existing rows
# get keys in exact timeline order within their start second (62135596800 s lie between
# 0001-01-01 and 1970-01-01, see sort_keys.py); the index is dropped here, created again
# by DDL and filled by AFTER_DDL.
MIGRATE_3_TO_4 = """
ALTER TABLE incidents ADD COLUMN sort_key INTEGER;
UPDATE incidents SET sort_key = keyed.key FROM (
    SELECT seq, ((unixepoch(substr(start_at, 1, 19)) + 62135596800) << 24) - 1
        + row_number() OVER (PARTITION BY substr(start_at, 1, 19)
                             ORDER BY start_at, end_at, incident_id) AS key
    FROM incidents
) AS keyed WHERE keyed.seq = incidents.seq;
DROP TRIGGER IF EXISTS incidents_fts_insert;
DROP TRIGGER IF EXISTS incidents_fts_delete;
DROP TABLE IF EXISTS incidents_fts;
"""
# Version 4 -> 5: articles and incidents carry the article's own clock. Rows written before
# knew only the UTC instant, so they read as published in UTC until their article is
# projected again (a rebuild gives them their own clock).
MIGRATE_4_TO_5 = """
ALTER TABLE articles ADD COLUMN published_local TEXT;
ALTER TABLE articles ADD COLUMN zone TEXT;
ALTER TABLE incidents ADD COLUMN published_local TEXT;
ALTER TABLE incidents ADD COLUMN zone TEXT;
UPDATE articles SET zone = 'UTC', published_local = CASE
    WHEN substr(published_at, 20) = '.000000Z' THEN substr(published_at, 1, 19) || 'Z'
    ELSE published_at END;
UPDATE incidents SET zone = 'UTC', published_local = CASE
    WHEN substr(published_at, 20) = '.000000Z' THEN substr(published_at, 1, 19) || 'Z'
    ELSE published_at END;
"""
# Version 5 -> 6: the full-text index follows the rows (text_index.py) instead of an
# insert trigger; everything written so far is in it.
MIGRATE_5_TO_6 = """
DROP TRIGGER IF EXISTS incidents_fts_insert;
DROP TRIGGER IF EXISTS incidents_fts_delete;
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'text_through', coalesce(max(seq), 0) FROM incidents;
"""
# Version 6 -> 7: the full-text index stems (porter for English, Snowball beside the words
# for de/fr/es/it) and reads one column, search_text. Rows written before get their words
# as written, which the porter tokenizer still stems; Snowball stems come with their next
# projection (a rebuild gives them all). The index is dropped here, created again by DDL
# and filled by AFTER_DDL.
MIGRATE_6_TO_7 = """
ALTER TABLE incidents ADD COLUMN search_text TEXT;
UPDATE incidents SET search_text = sentence || char(10) || coalesce(mention, '') || char(10)
    || title;
DROP TRIGGER IF EXISTS incidents_fts_delete;
DROP TABLE IF EXISTS incidents_fts;
"""
# from version -> the script that reaches the next one
MIGRATIONS = {
    2: MIGRATE_2_TO_3,
    3: MIGRATE_3_TO_4,
    4: MIGRATE_4_TO_5,
    5: MIGRATE_5_TO_6,
    6: MIGRATE_6_TO_7,
    7: "",  # 7 -> 8: the retractions table, created by DDL (earlier retractions unknown)
}
REBUILD_FTS = "INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');"
# from version -> what completes its step once DDL has run
AFTER_DDL = {3: REBUILD_FTS, 6: REBUILD_ALL}


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables. A file of an older version with additive steps in MIGRATIONS is
    migrated in place; any other version is emptied first: the read model is a projection,
    rebuilt from the timelines topic once its offsets are gone."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    migrated = bool(tables) and version != SCHEMA_VERSION and migrate(conn, version)
    if tables and version != SCHEMA_VERSION and not migrated:
        log.warning("read model schema %d, expected %d: rebuilding", version, SCHEMA_VERSION)
        drop_everything(conn)
    conn.executescript(DDL)
    for step in range(version, SCHEMA_VERSION) if migrated else ():
        if step in AFTER_DDL:
            conn.executescript(AFTER_DDL[step])
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")


def migrate(conn: sqlite3.Connection, version: int) -> bool:
    """Run the steps from `version` up to SCHEMA_VERSION in one transaction; False when
    some step is missing (nothing is changed then)."""
    steps = [MIGRATIONS.get(v) for v in range(version, SCHEMA_VERSION)]
    if not steps or None in steps:
        return False
    log.info("read model schema %d: migrating to %d in place", version, SCHEMA_VERSION)
    try:
        conn.executescript("BEGIN IMMEDIATE;" + "".join(s or "" for s in steps) + "COMMIT;")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


def drop_everything(conn: sqlite3.Connection) -> None:
    names = conn.execute(
        "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'trigger') "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incidents_fts_%'"
    ).fetchall()
    for kind, name in sorted(names, key=lambda n: n[0] != "trigger"):
        conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
