"""The worker's data dir is kept for its own log and wiped for another one."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.normalizer.worker_state import adopt_log, forget_dead_workers, recorded_identity
from services.platform.kafka.log_identity import LogIdentity

THIS = LogIdentity("ClusterAAAAAAAAAAAAAAA", "TopicAAAAAAAAAAAAAAAAA")
OTHER = LogIdentity("ClusterBBBBBBBBBBBBBBB", "TopicAAAAAAAAAAAAAAAAA")


def test_state_of_the_same_log_is_kept(tmp_path: Path) -> None:
    assert adopt_log(tmp_path / "faust", THIS) is False
    (tmp_path / "faust" / "worker-1").mkdir()
    assert adopt_log(tmp_path / "faust", THIS) is False
    assert (tmp_path / "faust" / "worker-1").is_dir()


@pytest.mark.parametrize("kept", [OTHER, None])
def test_state_of_another_or_unknown_log_is_wiped(
    tmp_path: Path, kept: LogIdentity | None, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "faust"
    if kept:
        adopt_log(data_dir, kept)
    (data_dir / "worker-1").mkdir(parents=True)
    assert adopt_log(data_dir, THIS) is True
    assert not (data_dir / "worker-1").exists()
    assert recorded_identity(data_dir) == THIS
    [line] = [r.getMessage() for r in caplog.records if "wiping" in r.getMessage()]
    assert THIS.describe() in line


def test_dirs_of_workers_that_no_longer_run_are_removed(tmp_path: Path) -> None:
    for pid in (11, 22):
        (tmp_path / f"worker-{pid}").mkdir()
    (tmp_path / "worker-notapid").mkdir()
    removed = forget_dead_workers(tmp_path, alive=lambda pid: pid == 22)
    assert removed == [tmp_path / "worker-11"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["worker-22", "worker-notapid"]
