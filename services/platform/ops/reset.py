"""`newstimeline reset --yes`: stop what runs, then delete every local copy of the log.

Everything else keeps its data between runs; this is the one explicit way to wipe: the
local broker's storage (its cluster id, topics and records), the read model, the
worker's state and what `ingest-feed` remembers having published (else the next run would
skip every entry the wiped log no longer holds). A broker named by KAFKA_BOOTSTRAP_SERVERS
is not ours to wipe.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from services.platform.kafka import local_broker
from services.platform.settings import Settings

SQLITE_SIDECARS = ("", "-wal", "-shm", "-journal")

RUN_STOP_DEADLINE_S = 60.0


def stop_run(pid_file: Path, deadline_s: float = RUN_STOP_DEADLINE_S) -> bool:
    """SIGTERM the recorded `newstimeline run`, which stops its services and its broker;
    wait for it to exit. False when none was running."""
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return False
    if pid == os.getpid() or not local_broker.pid_alive(pid):
        pid_file.unlink(missing_ok=True)
        return False
    local_broker.stop_pid(pid, timeout_s=deadline_s)
    pid_file.unlink(missing_ok=True)
    return True


def local_copies(settings: Settings) -> list[Path]:
    """The files and folders that hold a copy of the log on this machine."""
    database = settings.database_path
    # After `replay projection` the path is a symlink to `<name>.gen<N>`: those files too.
    files = [database, *sorted(database.parent.glob(f"{database.name}.gen[0-9]*"))]
    return [
        settings.local_kafka.state_dir,
        *(Path(f"{path}{suffix}") for path in files for suffix in SQLITE_SIDECARS),
        settings.worker_data_dir,
        settings.feed_state_file,
    ]


def delete(path: Path) -> bool:
    if path.is_dir():
        shutil.rmtree(path)
        return True
    if path.exists():
        path.unlink()
        return True
    return False


def reset(settings: Settings) -> list[str]:
    """Stop, then delete; returns one line per thing done, for the operator."""
    done = []
    if stop_run(settings.run_pid_file):
        done.append("stopped `newstimeline run`")
    # Give a broker left running by itself (`kafka start`) the same clean stop.
    started = time.monotonic()
    if local_broker.stop(settings.local_kafka):
        done.append(f"stopped the local broker ({time.monotonic() - started:.1f} s)")
    done += [f"deleted {path}" for path in local_copies(settings) if delete(path)]
    if settings.kafka_bootstrap_servers:
        done.append(f"left {settings.kafka_bootstrap_servers} alone (not a local broker)")
    return done or ["nothing to delete"]
