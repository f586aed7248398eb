"""`newstimeline kafka start|status|stop` from a shell, on a broker of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.platform.kafka.local_broker import missing_tools

pytestmark = pytest.mark.skipif(
    bool(missing_tools()), reason="the local broker needs Java and Maven on this machine"
)


def cli(state: Path, *args: str, heap: str = "256m") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR": str(state),
        "NEWSTIMELINE_LOCAL_KAFKA__HEAP": heap,
    }
    return subprocess.run(
        [sys.executable, "-m", "services.cli", "kafka", *args],
        env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def test_start_status_stop_status(tmp_path: Path) -> None:
    started = cli(tmp_path, "start")
    try:
        assert started.returncode == 0, started.stderr
        address = started.stdout.strip()
        assert address.startswith("127.0.0.1:")
        again = cli(tmp_path, "start")
        assert again.stdout.strip() == address, "a second start must reuse the broker"
        status = cli(tmp_path, "status")
        assert (status.returncode, status.stdout.strip()) == (0, address)
    finally:
        stopped = cli(tmp_path, "stop")
    assert stopped.returncode == 0
    assert cli(tmp_path, "status").returncode != 0


def test_a_dying_jvm_is_reported_with_its_log(tmp_path: Path) -> None:
    failed = cli(tmp_path, "start", heap="1k")
    assert failed.returncode == 1
    assert "the Kafka JVM exited" in failed.stderr
    assert "heap" in failed.stderr.lower()
