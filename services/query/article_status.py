"""What became of an article: built (which revision, how many incidents), dead-lettered
(why), retracted, or accepted and still on its way.

The read model knows what was built and what was retracted; dead letters are asked of the
dead-letter topic through `DeadLetterFinder` (wired by the app when it has a broker), the
ones an operator re-drove or discarded left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from services.query.schema import read_snapshot
from services.query.selection import LIVE


@dataclass(frozen=True)
class DeadLetterSeen:
    """A pending dead letter of the article, as the status route shows it."""

    partition: int
    offset: int
    revision: str | None
    reason: str


DeadLetterFinder = Callable[[str], Awaitable[Sequence[DeadLetterSeen]]]
BUILT = f"""
SELECT revision, normalizer_version,
    (SELECT count(*) FROM incidents WHERE article_id = :id AND {LIVE})
FROM articles WHERE article_id = :id
"""  # noqa: S608 - a constant clause


def stored(conn: sqlite3.Connection, article_id: str) -> tuple[tuple[Any, ...] | None, bool]:
    """The built revision's row (revision, normalizer version, incidents) and whether the
    article's last record was a retraction; one read snapshot."""
    with read_snapshot(conn):
        built = conn.execute(BUILT, {"id": article_id}).fetchone()
        sql = "SELECT 1 FROM retractions WHERE article_id = ?"
        retracted = conn.execute(sql, (article_id,)).fetchone() is not None
    return built, retracted


def answered_by_store(
    revision: str | None, stored_row: tuple[tuple[Any, ...] | None, bool]
) -> bool:
    """Whether `decide` answers from the read model alone (built, or retracted), so that the
    dead-letter topic need not be read."""
    built, retracted = stored_row
    return _asked_and_built(revision, built) or retracted


def _asked_and_built(revision: str | None, built: tuple[Any, ...] | None) -> bool:
    return built is not None and revision in (None, built[0])


def decide(
    article_id: str,
    revision: str | None,
    stored_row: tuple[tuple[Any, ...] | None, bool],
    letters: Sequence[DeadLetterSeen],
) -> dict[str, Any] | None:
    """The status body, or None when nothing is known of the article (nor asked of a
    revision that ingest accepted)."""
    built, retracted = stored_row
    body: dict[str, Any] = {"article_id": article_id, "revision": revision}
    if _asked_and_built(revision, built):
        assert built is not None
        return body | {"state": "built", "revision": built[0], "normalizer_version": built[1],
                       "incidents": built[2]}  # fmt: skip
    if retracted:
        return body | {"state": "retracted"}
    mine = [d for d in letters if revision is None or d.revision in (revision, None)]
    if mine:
        last = mine[-1]
        where = {"partition": last.partition, "offset": last.offset}
        return body | {"state": "dead_lettered", "reason": last.reason, "dead_letter": where}
    if revision is None:
        return None
    return body | {"state": "accepted", "built_revision": built[0] if built else None}
