"""What `ingest-feed` remembers between runs: validators for conditional GET and the
entries already published, per feed, in one small JSON file.

The file is replaced atomically, so a crash leaves the previous state; at worst entries
are published again, which the worker deduplicates by revision.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services.platform.errors import EnvironmentProblemError

FORMAT = 1


class FeedStateError(EnvironmentProblemError):
    """The state file exists but cannot be read."""


# A feed shows its latest few dozen entries; remembering far more than that keeps an
# entry that drops out and comes back from being published twice, yet bounds the file.
MAX_SEEN_PER_FEED = 5000


@dataclass
class FeedMemory:
    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, str] = field(default_factory=dict)  # entry key -> revision published

    def remember(self, entry_key: str, revision: str) -> None:
        self.seen.pop(entry_key, None)  # re-inserted last: the newest are kept
        self.seen[entry_key] = revision
        while len(self.seen) > MAX_SEEN_PER_FEED:
            del self.seen[next(iter(self.seen))]


@dataclass
class FeedState:
    feeds: dict[str, FeedMemory] = field(default_factory=dict)

    def memory(self, feed: str) -> FeedMemory:
        return self.feeds.setdefault(feed, FeedMemory())


def load_state(path: Path) -> FeedState:
    """The saved state; an absent file is an empty state, an unreadable one an error."""
    if not path.exists():
        return FeedState()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        feeds = {
            name: FeedMemory(m.get("etag"), m.get("last_modified"), dict(m.get("seen", {})))
            for name, m in raw["feeds"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        msg = f"feed state file {path} is unreadable ({exc}); move it away to start afresh"
        raise FeedStateError(msg) from exc
    return FeedState(feeds)


def save_state(state: FeedState, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "format": FORMAT,
        "feeds": {
            name: {"etag": m.etag, "last_modified": m.last_modified, "seen": m.seen}
            for name, m in state.feeds.items()
        },
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False, indent=1)
    Path(temporary).replace(path)
