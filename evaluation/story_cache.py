"""Normalized topics kept on disk, so that a grid search or a second run does not normalize
every article again.

A topic's entry is keyed by its articles file and by the normalizer's source (every module
of services/timeline but the story core): a change to either is another key, so a stale
entry is never read. Entries are pickles this evaluation wrote itself under the working
copy's .cache/ folder.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

import services.timeline

from .timeline17 import Topic, add_article, read_articles, read_references

DEFAULT_FOLDER = Path(".cache/eval-stories")
LAYOUT = b"topic-v2"  # what an entry holds; a new layout is a new key


@cache
def normalizer_fingerprint() -> str:
    """A digest of the normalizer's source: what the incidents of a topic depend on."""
    root = Path(services.timeline.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        if "story" in path.relative_to(root).parts:
            continue  # the story core reads incidents; it does not make them
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_path(folder: Path, cache_folder: Path) -> Path:
    digest = hashlib.sha256((folder / "articles.jsonl").read_bytes())
    digest.update(normalizer_fingerprint().encode() + LAYOUT)
    return cache_folder / f"{folder.name}-{digest.hexdigest()[:16]}.pickle"


def normalize(folder: Path, advance: Callable[[int], None]) -> Topic:
    """The topic of `folder`, every article normalized in-process; `advance(n)` is told of
    each article done (the caller's progress bar)."""
    topic = Topic(folder.name)
    for record in read_articles(folder / "articles.jsonl"):
        add_article(topic, record)
        advance(1)
    return topic


def load_topic(
    folder: Path, cache_folder: Path | None, advance: Callable[[int], None]
) -> tuple[Topic, bool]:
    """The topic of `folder` (from the cache when it holds it) and whether it was cached.
    References are always read afresh: they are small and not derived."""
    references = read_references(folder / "timelines.jsonl")
    path = entry_path(folder, cache_folder) if cache_folder else None
    if path is not None and path.is_file():
        topic: Topic = pickle.loads(path.read_bytes())  # noqa: S301 - written by this module
        topic.references = references
        return topic, True
    topic = normalize(folder, advance)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        partial.write_bytes(pickle.dumps(topic, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)  # a run stopped halfway leaves no half entry behind
    topic.references = references
    return topic, False
