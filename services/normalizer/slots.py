"""Worker slots: each running worker holds the lowest free slot of its machine, and its
static group membership (group.instance.id) is named after it.

A worker killed and replaced frees its slot (the kernel drops the lock with the process),
the replacement takes the same slot, hence the same instance id, and the group hands it the
partitions at once instead of after the session timeout. Two workers side by side hold two
slots, so their ids never clash.
"""

from __future__ import annotations

import fcntl
import hashlib
import socket
from pathlib import Path
from typing import IO

MAX_SLOTS = 1024


class NoFreeSlotError(RuntimeError):
    """Every slot is held (more than MAX_SLOTS workers on one machine?)."""


def slots_dir(worker_data_dir: Path) -> Path:
    # Beside the data dir, not in it: a worker of another log wipes the data dir whole.
    return worker_data_dir.with_name(f"{worker_data_dir.name}-slots")


def claim_slot(worker_data_dir: Path) -> tuple[int, IO[str]]:
    """The lowest free slot and its locked file (keep it open as long as the slot is held)."""
    folder = slots_dir(worker_data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for slot in range(MAX_SLOTS):
        handle = (folder / f"slot-{slot}.lock").open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return slot, handle
    msg = f"all {MAX_SLOTS} worker slots in {folder} are held"
    raise NoFreeSlotError(msg)


def instance_id(worker_data_dir: Path, slot: int) -> str:
    """Unique per machine, deployment (its data dir) and slot; stable across restarts."""
    where = hashlib.sha256(str(worker_data_dir.resolve()).encode()).hexdigest()[:8]
    return f"{socket.gethostname()}-{where}-slot-{slot}"
