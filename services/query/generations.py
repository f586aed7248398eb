"""Read model files rebuilt beside the served one, and the atomic swap between them.

The served path (settings.database_path) becomes a symlink to the current generation,
`<name>.gen<N>`, after the first rebuild. SQLite names its -wal and -shm files after the
file a symlink points to, so a swap (os.replace of the link) never pairs a new database
with an old write-ahead log; open connections keep reading the old file until they notice
that the path names another one (store.moved, Reader.conn).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SIDECARS = ("", "-wal", "-shm", "-journal")


def generations(served: Path) -> list[Path]:
    """The generation files of `served`, oldest first."""
    found = served.parent.glob(f"{served.name}.gen*")
    return sorted((p for p in found if p.name[len(served.name) + 4 :].isdigit()), key=_number)


def _number(path: Path) -> int:
    return int(path.name.rsplit(".gen", 1)[1])


def is_generation(path: Path, served: Path) -> bool:
    return path.parent == served.parent.resolve() and path in {
        p.resolve() for p in generations(served)
    }


def next_generation(served: Path) -> Path:
    existing = generations(served)
    number = _number(existing[-1]) + 1 if existing else 1
    return served.with_name(f"{served.name}.gen{number}")


def swap_in(served: Path, target: Path) -> Path | None:
    """Point `served` at `target` atomically; returns the file it named before."""
    before = served.resolve() if served.exists() else None
    link = served.with_name(f".{served.name}.link-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(target.name)
    os.replace(link, served)
    return before


def sync_file(path: Path) -> None:
    """Flush `path` to the disk (a rebuild writes its file without syncs, then this once)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_directory(path: Path) -> None:
    """Flush the directory entries of `path`'s folder (a swapped link survives a power cut)."""
    fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_database(path: Path, *, sidecars_only: bool = False) -> None:
    """Delete a replaced file with its SQLite sidecars (only those when the path itself
    now names the link to the new generation)."""
    for suffix in SIDECARS[1:] if sidecars_only else SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def forget(replaced: Path, served: Path) -> None:
    """Delete what a swap left behind of the file `replaced`: all of it when it was a
    generation, its sidecars when it was the plain file the link replaced. Processes
    still reading it keep their open descriptors until they let go."""
    if replaced == served.parent.resolve() / served.name:
        remove_database(replaced, sidecars_only=True)
    elif is_generation(replaced, served) and replaced != served.resolve():
        remove_database(replaced)
