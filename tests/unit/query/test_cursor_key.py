"""The cursor key: from settings, else generated once into its file and kept."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from services.platform.settings import Settings
from services.query.cursor_key import cursor_key


def test_generated_once_kept_and_private(tmp_path: Path) -> None:
    settings = Settings(cursor_key_file=tmp_path / "state" / "cursor.key")
    first = cursor_key(settings)
    assert len(first) == 64
    assert cursor_key(settings) == first
    assert (settings.cursor_key_file.stat().st_mode & 0o777) == 0o600


def test_a_configured_key_is_used_and_no_file_written(tmp_path: Path) -> None:
    settings = Settings(cursor_key=SecretStr("k"), cursor_key_file=tmp_path / "cursor.key")
    assert cursor_key(settings) == b"k"
    assert not settings.cursor_key_file.exists()
