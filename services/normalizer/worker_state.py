"""The worker's local state belongs to one log, like every other copy.

Faust keeps table state and lock files under the worker data dir. The tables of this
project live in memory and are rebuilt from their changelog topic at every start, but a
data dir left by a worker of another log (a wiped broker, another cluster) must not be
taken for this one's: the log it was built from is recorded beside it and checked at start.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from services.platform.kafka.log_identity import LogIdentity

log = logging.getLogger(__name__)

IDENTITY_FILE = "log-identity.json"


def recorded_identity(data_dir: Path) -> LogIdentity | None:
    try:
        return LogIdentity(**json.loads((data_dir / IDENTITY_FILE).read_text()))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None


def adopt_log(data_dir: Path, identity: LogIdentity) -> bool:
    """Make `data_dir` belong to `identity`'s log; True when state of another log (or of
    an unrecorded one) was wiped so that the tables rebuild from this log's changelog."""
    kept = recorded_identity(data_dir)
    if kept == identity:
        return False
    wiped = data_dir.exists() and any(data_dir.iterdir())
    if wiped:
        built_from = kept.describe() if kept else "a log it did not record"
        log.warning(
            "worker state in %s was built from %s, the broker serves %s: wiping it so the "
            "tables rebuild from this log",
            data_dir, built_from, identity.describe(),
        )  # fmt: skip
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    record = {"cluster_id": identity.cluster_id, "topic_id": identity.topic_id}
    (data_dir / IDENTITY_FILE).write_text(json.dumps(record))
    return wiped


def forget_dead_workers(data_dir: Path, alive: Callable[[int], bool]) -> list[Path]:
    """Remove the `worker-<pid>` dirs of workers that no longer run: each start makes its
    own, and a data dir kept between runs would otherwise gather one per start."""
    removed = []
    for path in data_dir.glob("worker-*"):
        pid = path.name.removeprefix("worker-")
        if path.is_dir() and pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
