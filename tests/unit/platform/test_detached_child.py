"""A detached child (the local broker) is kept, so it never warns mid-session, and reaped
when stopped."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from services.platform.kafka import local_broker


def test_a_running_detached_child_dropped_by_its_starter_does_not_warn(tmp_path: Path) -> None:
    # The unit tests turn warnings into errors: a collected Popen of a running child would
    # raise "subprocess N is still running" here.
    command = [sys.executable, "-c", "import time; time.sleep(60)"]
    pid = local_broker.spawn_detached(command, tmp_path / "out").pid
    gc.collect()
    assert local_broker.pid_alive(pid)
    local_broker.stop_pid(pid, timeout_s=10.0)
    assert not local_broker.pid_alive(pid)
    assert pid not in local_broker._started
