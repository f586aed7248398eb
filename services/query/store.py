"""The projector's side of the read model: one writer applying timelines with offsets.

Every batch of records from one partition is applied in one transaction together with the
partition's next offset, so a restart resumes exactly where the committed state ends.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.platform.kafka.log_identity import LogIdentity
from services.query import bulk, text_index
from services.query.rows import (
    INCIDENT_ID_AT,
    RANK_AT,
    SORT_KEY_AT,
    SPAN_CLASS_AT,
    Row,
    TimelineRows,
    rows_of,
)
from services.query.schema import DDL, connect, create_schema, make_durable
from services.query.sort_keys import SLOTS, SlotAllocator
from services.timeline.events import ArticleTimeline

log = logging.getLogger(__name__)

_INCIDENT_COLUMNS = """
INSERT INTO incidents (seq, incident_id, article_id, start_at, end_at, granularity,
    granularity_rank, anchor, sentence, mention, timex_type, timex_value, char_start,
    char_end, source, title, span_class, url, published_at, published_local, zone, search_text,
    sort_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
    ?20, ?21, ?22,
"""
# The last value is the base of the start second's keys (sort_keys.py): the row takes the
# slot after the highest one taken in that second, one seek in incidents_sort.
INSERT_INCIDENT = f"""{_INCIDENT_COLUMNS}    coalesce((SELECT sort_key + 1 FROM incidents
              WHERE sort_key BETWEEN ?23 AND ?23 + {SLOTS - 1:d}
              ORDER BY sort_key DESC LIMIT 1), ?23))
"""  # noqa: S608 - constants only
# The last value is the sort key itself (a bulk load allocates them in memory).
INSERT_INCIDENT_KEYED = f"{_INCIDENT_COLUMNS} ?23)"
ADD_SPAN_CLASS = """
INSERT INTO span_classes (span_class, finest_rank) VALUES (?, ?)
ON CONFLICT (span_class) DO UPDATE SET finest_rank = min(finest_rank, excluded.finest_rank)
"""
UPSERT_ARTICLE = """
INSERT OR REPLACE INTO articles (article_id, revision, source, url, title, published_at,
    language, normalizer_version, published_local, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
RETIRE = """
UPDATE incidents SET retired_seq = ?, retired_at = ?
WHERE article_id = ? AND retired_seq IS NULL
"""
RETIRE_ONE = """
UPDATE incidents SET retired_seq = ?, retired_at = ?
WHERE article_id = ? AND incident_id = ? AND retired_seq IS NULL
"""
# The live rows of an article in incident_row's column order, seq left out: a row equal to
# the one a new revision would write is left alone (see _apply_revision).
LIVE_ROWS = """
SELECT incident_id, article_id, start_at, end_at, granularity, granularity_rank, anchor,
    sentence, mention, timex_type, timex_value, char_start, char_end, source, title,
    span_class, url, published_at, published_local, zone, search_text
FROM incidents WHERE article_id = ? AND retired_seq IS NULL
"""
RETRACTED = "INSERT OR REPLACE INTO retractions (article_id, retracted_seq) VALUES (?, ?)"
UPSERT_OFFSET = """
INSERT INTO offsets (topic, partition, next_offset) VALUES (?, ?, ?)
ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
"""
SET_META = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"
SET_LOG_IDENTITY = """
INSERT OR REPLACE INTO log_identity (topic, cluster_id, topic_id) VALUES (?, ?, ?)
"""


@dataclass(frozen=True)
class Retraction:
    """A tombstone: the article and all its incidents leave the timeline."""

    article_id: str


# None stands for a record that could not be decoded: only its offset is stored.
Change = ArticleTimeline | TimelineRows | Retraction | None


def file_identity(path: Path) -> int:
    """The inode of the file `path` names now, through symlinks (0: no file)."""
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return 0


def read_meta(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


class TimelineStore:
    """The single writer of the read model (the projector owns it)."""

    def __init__(
        self, path: Path, clock: Callable[[], float] = time.time, *, durable: bool = True
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._clock = clock
        self._durable = durable  # False: a new file nobody reads yet (schema.connect)
        self._slots: SlotAllocator | None = None  # while loading in bulk
        self._new: bulk.NewArticles | None = None  # while loading in bulk
        self._deferring = False  # this transaction collects new articles' rows (bulk)
        # False: every transaction's rows are indexed right after it commits. True: the
        # caller (the projector) calls index_text when it sees fit (text_index.py).
        self.text_follows = False
        self._open()

    def _open(self) -> None:
        self._conn = connect(str(self.path), durable=self._durable)
        create_schema(self._conn)
        if bulk.loading(self._conn):  # a bulk load was cut short: index what it wrote
            bulk.finish(self._conn, DDL)
        self.identity = file_identity(self.path)
        self.opened = self.path.resolve()
        self.high_water = read_meta(self._conn, "high_water")

    def is_empty(self) -> bool:
        """No incident rows at all, live or retired."""
        return self._conn.execute("SELECT 1 FROM incidents LIMIT 1").fetchone() is None

    def start_bulk(self) -> None:
        """Defer index maintenance until `finish_bulk` (see bulk.py); for a fresh store
        catching up on a long topic."""
        bulk.begin(self._conn)
        self._slots = SlotAllocator()
        self._new = bulk.NewArticles(bulk.known_articles(self._conn))

    def finish_bulk(self, *, text: bool = True) -> None:
        """Build the deferred indexes; the full-text index too unless `text` is False
        (it then follows through index_text)."""
        bulk.finish(self._conn, DDL, text=text)
        self._slots, self._new = None, None

    def make_durable(self) -> None:
        """Switch a file written without the live settings to them (before a swap)."""
        make_durable(self._conn)
        self._durable = True

    def index_text(self, limit: int = 1 << 62) -> int:
        """Put up to `limit` rows waiting for the full-text index into it, in one
        transaction of its own; returns how many (none while loading in bulk)."""
        return 0 if self._slots is not None else text_index.index_next(self._conn, limit)

    def text_pending(self) -> int:
        """Rows not in the full-text index yet."""
        return text_index.pending(self._conn)

    def close(self) -> None:
        self._conn.close()

    def moved(self) -> bool:
        """Whether the path names another file than the one open (a rebuild swapped in)."""
        return file_identity(self.path) not in (self.identity, 0)

    def reopen(self) -> Path:
        """Close the file and open the one the path names now; returns the old file."""
        old = self.opened
        self._conn.close()
        self._open()
        return old

    def continue_after(self, floor: int, generation: int) -> None:
        """Number the next changes above `floor` (the file this one replaces got that
        far, so stream clients resuming after any of its sequence numbers miss nothing)
        and mark the file with its generation (cursors of another file are told apart)."""
        self.high_water = max(self.high_water, floor)
        self._conn.execute("BEGIN IMMEDIATE")
        self._conn.execute(SET_META, ("high_water", self.high_water))
        self._conn.execute(SET_META, ("generation", generation))
        self._conn.execute("COMMIT")

    def offsets(self, topic: str) -> dict[int, int]:
        """The next offset to read for each partition of `topic` that was ever applied."""
        rows = self._conn.execute(
            "SELECT partition, next_offset FROM offsets WHERE topic = ?", (topic,)
        )
        return {int(p): int(o) for p, o in rows}

    def log_identity(self, topic: str) -> LogIdentity | None:
        """The log the stored offsets of `topic` belong to, when one was recorded."""
        row = self._conn.execute(
            "SELECT cluster_id, topic_id FROM log_identity WHERE topic = ?", (topic,)
        ).fetchone()
        return LogIdentity(row[0], row[1]) if row else None

    def start_log(self, topic: str, identity: LogIdentity) -> None:
        """Forget everything projected so far and record `identity` as the log of `topic`:
        offsets of one log never apply to another, so projection starts again at its
        beginning. Cursors opened before expire (410), as after a purge."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in ("incidents", "articles", "span_classes", "offsets", "retractions"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self.high_water += 1
            conn.execute(SET_META, ("high_water", self.high_water))
            conn.execute(SET_META, ("purged_through", self.high_water))
            conn.execute(SET_LOG_IDENTITY, (topic, identity.cluster_id, identity.topic_id))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self.high_water = read_meta(conn, "high_water")
            raise

    def record_log(self, topic: str, identity: LogIdentity) -> None:
        """Record `identity` as the log of `topic` in a file that holds nothing of another
        log yet (a rebuild's new file), without the purge of start_log."""
        self._conn.execute(SET_LOG_IDENTITY, (topic, identity.cluster_id, identity.topic_id))

    def apply(self, topic: str, partition: int, changes: Sequence[tuple[int, Change]]) -> int:
        """Apply records (offset, change) of one partition atomically; returns how many were
        rejected by the store (they are skipped, their offsets stored like the others)."""
        return self.apply_batches(topic, {partition: changes})

    def apply_batches(self, topic: str, batches: Mapping[int, Sequence[tuple[int, Change]]]) -> int:
        """Apply the records of several partitions in one transaction with each
        partition's next offset; returns how many the store rejected.

        The batch first runs without a savepoint per record (savepoints cost a quarter of
        the write time); only when the schema refuses a record is it rolled back and run
        again record by record, so that one bad record cannot take the others down."""
        batches = {p: changes for p, changes in batches.items() if changes}
        if not batches:
            return 0
        try:
            rejected = self._transaction(topic, batches, guarded=False)
        except sqlite3.IntegrityError:
            rejected = self._transaction(topic, batches, guarded=True)
        if not self.text_follows:
            self.index_text()
        return rejected

    def _transaction(
        self, topic: str, batches: Mapping[int, Sequence[tuple[int, Change]]], *, guarded: bool
    ) -> int:
        conn, start_hw = self._conn, self.high_water
        conn.execute("BEGIN IMMEDIATE")
        # A bulk load writes the rows of articles it has not met yet all at once at the
        # end of the transaction (bulk.NewArticles); not when a refused record is looked
        # for record by record.
        self._deferring = self._new is not None and not guarded
        try:
            rejected = 0
            apply_record = self._apply_guarded if guarded else self._apply_unguarded
            for partition, changes in batches.items():
                for _, change in changes:
                    rejected += not apply_record(change)
                conn.execute(UPSERT_OFFSET, (topic, partition, changes[-1][0] + 1))
            self._write_new()
            conn.execute(SET_META, ("high_water", self.high_water))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self.high_water = start_hw
            if self._new is not None:
                self._new.take()  # nothing of it was written
            raise
        finally:
            self._deferring = False
        return rejected

    def _apply_unguarded(self, change: Change) -> bool:
        """One record; a refusal raises and the whole batch runs again guarded."""
        if change is not None:
            self._apply_one(change)
        return True

    def _apply_guarded(self, change: Change) -> bool:
        """One record inside a savepoint, so a record the schema refuses cannot take the
        rest of its batch down with it."""
        if change is None:
            return True
        hw = self.high_water
        self._conn.execute("SAVEPOINT record")
        try:
            self._apply_one(change)
        except sqlite3.IntegrityError:
            log.exception("record refused by the store; skipped",
                          extra={"article_id": change.article_id})  # fmt: skip
            self._conn.execute("ROLLBACK TO record")
            self.high_water = hw
            return False
        finally:
            self._conn.execute("RELEASE record")
        return True

    def _apply_one(self, change: ArticleTimeline | TimelineRows | Retraction) -> None:
        self.high_water += 1
        if isinstance(change, Retraction):
            self._write_new()  # the rows it retires may be among those collected
            self._conn.execute(RETIRE, (self.high_water, self._clock(), change.article_id))
            self._conn.execute("DELETE FROM articles WHERE article_id = ?", (change.article_id,))
            self._conn.execute(RETRACTED, (change.article_id, self.high_water))
        else:
            rows = change if isinstance(change, TimelineRows) else rows_of(change)
            if self._collect(rows):
                return
            self._write_new()  # the live rows it compares with may be among those collected
            self._conn.execute("DELETE FROM retractions WHERE article_id = ?", (rows.article_id,))
            self._conn.execute(UPSERT_ARTICLE, rows.article)
            self._apply_revision(rows)
        if self._new is not None:
            self._new.met(change.article_id)

    def _collect(self, rows: TimelineRows) -> bool:
        """Leave the rows of an article a bulk load meets first to _write_new."""
        if not self._deferring or self._new is None or self._slots is None:
            return False
        taken = self._new.add(rows, self.high_water, self._slots)
        if taken is None:
            return False
        self.high_water += taken
        return True

    def _write_new(self) -> None:
        """Write the rows bulk.NewArticles collected, in three statements."""
        if self._new is None or not self._new.articles:
            return
        articles, incidents, spans = self._new.take()
        self._conn.executemany(UPSERT_ARTICLE, articles)
        self._conn.executemany(INSERT_INCIDENT_KEYED, incidents)
        self._conn.executemany(ADD_SPAN_CLASS, spans)

    def _apply_revision(self, change: TimelineRows) -> None:
        """Retire only the live incidents the revision changed or dropped, and add only
        the ones it changed or brought: incident ids survive edits (see
        timeline/incidents.py), so an edit to one sentence is one retraction and one
        addition on the stream, not the whole article again. (Rows compare without their
        sort key, which the store allocates.)"""
        wanted = {row[INCIDENT_ID_AT]: row for row in change.incidents}
        live = {row[0]: row for row in self._conn.execute(LIVE_ROWS, (change.article_id,))}
        stale = [
            key
            for key, row in live.items()
            if key not in wanted or wanted[key][1:SORT_KEY_AT] != row
        ]
        when = self._clock()
        retire = [(self.high_water, when, change.article_id, key) for key in stale]
        self._conn.executemany(RETIRE_ONE, retire)
        fresh = [row for key, row in wanted.items() if live.get(key) != row[1:SORT_KEY_AT]]
        rows = [(self.high_water + n, *row[1:]) for n, row in enumerate(fresh, 1)]
        self._insert(rows)
        self._conn.executemany(ADD_SPAN_CLASS, {(row[SPAN_CLASS_AT], row[RANK_AT]) for row in rows})
        self.high_water += len(rows)

    def _insert(self, rows: list[Row]) -> None:
        """Insert incident rows; a bulk load gives them their sort keys itself."""
        if self._slots is None:
            self._conn.executemany(INSERT_INCIDENT, rows)
            return
        key = self._slots.key_for_base
        keyed = [(*r[:SORT_KEY_AT], key(r[SORT_KEY_AT])) for r in rows]  # type: ignore[arg-type]
        self._conn.executemany(INSERT_INCIDENT_KEYED, keyed)

    def purge_retired(self, older_than_s: float) -> int:
        """Delete rows retired more than `older_than_s` ago; cursors whose snapshot
        predates the newest purged retirement expire (see reads.CursorExpiredError)."""
        cutoff = self._clock() - older_than_s
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            horizon = conn.execute(
                "SELECT max(retired_seq) FROM incidents WHERE retired_at < ?", (cutoff,)
            ).fetchone()[0]
            deleted = conn.execute("DELETE FROM incidents WHERE retired_at < ?", (cutoff,))
            if horizon is not None:
                current = read_meta(conn, "purged_through")
                conn.execute(SET_META, ("purged_through", max(current, int(horizon))))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return deleted.rowcount
