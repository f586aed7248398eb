"""Read-model files as older schema versions wrote them, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from services.query.schema import connect

VERSION_3_FTS = """
DROP TRIGGER incidents_fts_insert;
DROP TRIGGER incidents_fts_delete;
DROP TABLE incidents_fts;
DROP INDEX incidents_sort;
ALTER TABLE incidents DROP COLUMN sort_key;
CREATE VIRTUAL TABLE incidents_fts USING fts5 (
    sentence, mention, title, content='incidents', content_rowid='seq'
);
CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts (rowid, sentence, mention, title)
    VALUES (new.seq, new.sentence, new.mention, new.title);
END;
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
    INSERT INTO incidents_fts (incidents_fts, rowid, sentence, mention, title)
    VALUES ('delete', old.seq, old.sentence, old.mention, old.title);
END;
INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');
PRAGMA user_version = 3;
"""


def downgrade_to_version_4(path: Path) -> None:
    """Make the file what schema version 4 wrote: no clock of the article anywhere."""
    conn = connect(str(path))
    for table in ("articles", "incidents"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN published_local")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN zone")
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def downgrade_to_version_3(path: Path) -> None:
    """Make the file what schema version 3 wrote: a full-text index keyed by seq."""
    downgrade_to_version_4(path)
    conn = connect(str(path))
    conn.executescript(VERSION_3_FTS)
    conn.close()


def downgrade_to_version_2(path: Path) -> None:
    """Make the file what schema version 2 wrote: no url or published_at on incidents."""
    downgrade_to_version_3(path)
    conn = connect(str(path))
    conn.execute("ALTER TABLE incidents DROP COLUMN url")
    conn.execute("ALTER TABLE incidents DROP COLUMN published_at")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
