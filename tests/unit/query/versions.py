"""Read-model files as older schema versions wrote them, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from services.query.schema import connect

VERSION_5_TRIGGERS = """
DROP TRIGGER incidents_fts_delete;
CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts (rowid, sentence, mention, title)
    VALUES (new.sort_key, new.sentence, new.mention, new.title);
END;
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
    INSERT INTO incidents_fts (incidents_fts, rowid, sentence, mention, title)
    VALUES ('delete', old.sort_key, old.sentence, old.mention, old.title);
END;
DELETE FROM meta WHERE key = 'text_through';
PRAGMA user_version = 5;
"""
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


VERSION_6_FTS = """
DROP TRIGGER incidents_fts_delete;
DROP TABLE incidents_fts;
ALTER TABLE incidents DROP COLUMN search_text;
CREATE VIRTUAL TABLE incidents_fts USING fts5 (
    sentence, mention, title, content='incidents', content_rowid='sort_key'
);
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents
WHEN old.seq <= (SELECT value FROM meta WHERE key = 'text_through') BEGIN
    INSERT INTO incidents_fts (incidents_fts, rowid, sentence, mention, title)
    VALUES ('delete', old.sort_key, old.sentence, old.mention, old.title);
END;
INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'text_through', coalesce(max(seq), 0) FROM incidents;
PRAGMA user_version = 6;
"""


def downgrade_to_version_6(path: Path) -> None:
    """Make the file what schema version 6 wrote: a full-text index without stems."""
    conn = connect(str(path))
    conn.executescript(VERSION_6_FTS)
    conn.close()


def downgrade_to_version_5(path: Path) -> None:
    """Make the file what schema version 5 wrote: the index kept by an insert trigger
    (the file's rows all indexed)."""
    downgrade_to_version_6(path)
    conn = connect(str(path))
    conn.executescript(VERSION_5_TRIGGERS)
    conn.close()


def downgrade_to_version_4(path: Path) -> None:
    """Make the file what schema version 4 wrote: no clock of the article anywhere."""
    downgrade_to_version_5(path)
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
