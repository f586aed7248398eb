"""Recently served timeline pages, valid until the store changes.

Frontends ask for the same first pages over and over; between two commits of the
projector the answer cannot change, so it is served from memory. SQLite's
`PRAGMA data_version` (per connection, changed by any other connection's commit) says
cheaply whether anything was committed since the body was built; with the file's identity
beside it, a rebuilt read model swapped in under the same path is no longer "the same".
"""

from __future__ import annotations

import sqlite3
from typing import Generic, TypeVar

from cachetools import LRUCache

Version = tuple[int, int]  # (file identity, data_version)
Body = TypeVar("Body")  # bytes, or a body with what is derived from it (etags.TaggedBody)


class PageCache(Generic[Body]):
    """A bounded LRU of response bodies, tagged with the data version they were read at."""

    def __init__(self, size: int = 512) -> None:
        self._bodies: LRUCache[str, tuple[Version, Body]] = LRUCache(maxsize=size)

    @staticmethod
    def version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def get(self, key: str, version: Version) -> Body | None:
        found = self._bodies.get(key)  # a hit is the most recently used from now on
        if found is None or found[0] != version:
            return None
        return found[1]

    def put(self, key: str, version: Version, body: Body) -> None:
        self._bodies[key] = (version, body)  # the least recently used goes when full
