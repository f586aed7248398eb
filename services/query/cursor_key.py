"""The key that signs cursors: from settings, else generated once and kept in a file.

Kept in the state folder (not in memory only) so cursors stay valid across restarts and
between query replicas of one machine; written with O_EXCL so two replicas starting at once
agree on one key.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

from services.platform.settings import Settings

log = logging.getLogger(__name__)
KEY_BYTES = 32


def cursor_key(settings: Settings) -> bytes:
    """The configured key, or the one in `settings.cursor_key_file` (created when absent)."""
    if settings.cursor_key is not None:
        return settings.cursor_key.get_secret_value().encode()
    return _key_from_file(settings.cursor_key_file)


def _key_from_file(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(KEY_BYTES))
        log.info("generated a new cursor key in %s", path)
    text = path.read_text().strip()
    if not text:
        msg = f"the cursor key file {path} is empty; delete it to generate a new key"
        raise ValueError(msg)
    return text.encode()
