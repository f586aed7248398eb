"""Incidents' public JSON by sequence number, built by SQLite once and kept.

A stored incident row never changes what it shows: a new revision of an article is new
rows with new sequence numbers, and retiring a row sets columns its JSON does not carry. So
the JSON of a row, once built, is good for as long as the file is the same file (a rebuilt
read model swapped in numbers its rows anew) with the same schema (a migration may fill
columns in place). A page then reads only its keys in order and takes the items from
here; only rows never served before are read in full, by their sequence numbers.
"""

from __future__ import annotations

import itertools
import sqlite3


def _rfc3339_sql(column: str) -> str:
    """times.to_rfc3339 in SQL."""
    whole = f"substr({column}, 20) = '.000000Z'"
    return f"CASE WHEN {whole} THEN substr({column}, 1, 19) || 'Z' ELSE {column} END"


# The public item built by SQLite itself: for a page of a hundred, much cheaper than
# Python dicts and json.dumps. Same keys and values as reads.item.
ITEM_JSON = (
    "json_object('incident_id', incident_id, 'article_id', article_id, "
    f"'start', {_rfc3339_sql('start_at')}, 'end', {_rfc3339_sql('end_at')}, "
    "'granularity', granularity, 'anchor', anchor, 'sentence', sentence, "
    "'mention', mention, 'timex_value', timex_value, 'timex_type', timex_type, "
    "'title', title, 'source', source, 'url', url, "
    "'published_at', published_local, 'timezone', zone)"
)
# Rows by their sequence numbers, given as one JSON array: one statement for any count.
ITEMS_BY_SEQ = (
    f"SELECT seq, {ITEM_JSON} FROM incidents "  # noqa: S608 - constants
    "WHERE seq IN (SELECT value FROM json_each(?))"
)
FileVersion = tuple[int, int]  # (file identity, schema version)


class ItemCache:
    """A bounded map of sequence number -> item JSON for one file at a time; the oldest
    entries go first when it is full (a page's rows are read together and age together)."""

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        # The file and its items in one attribute, replaced whole: two readers of different
        # files (around a swap) can then never pair one file with the other's items, on
        # whichever threads they read.
        self._kept: tuple[FileVersion | None, dict[int, str]] = (None, {})

    def __len__(self) -> int:
        return len(self._kept[1])

    def items(self, conn: sqlite3.Connection, identity: int, seqs: list[int]) -> list[str]:
        """The JSON of the rows `seqs`, in that order, read through `conn` (inside the
        caller's read transaction, so the rows are the ones its keys came from) when not
        kept already."""
        file = (identity, int(conn.execute("PRAGMA schema_version").fetchone()[0]))
        kept_file, kept = self._kept
        if file != kept_file:
            kept = {}
            self._kept = (file, kept)
        # get() rather than `in` then [], so another thread's eviction cannot interleave.
        found = [kept.get(seq) for seq in seqs]
        missing = [seq for seq, item in zip(seqs, found, strict=True) if item is None]
        if not missing:
            return found  # type: ignore[return-value] # no None left
        read: dict[int, str] = dict(conn.execute(ITEMS_BY_SEQ, (str(missing),)).fetchall())
        self._keep(kept, read)
        return [item or read[seq] for seq, item in zip(seqs, found, strict=True)]

    def _keep(self, kept: dict[int, str], read: dict[int, str]) -> None:
        if len(kept) + len(read) > self.size:
            # Dicts keep insertion order: the first quarter is the oldest.
            for seq in list(itertools.islice(kept, max(len(read), self.size // 4))):
                kept.pop(seq, None)
        kept.update(read)
