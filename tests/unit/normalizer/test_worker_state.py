"""The worker's data dir is kept for its own log and wiped for another one."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.normalizer.worker_state import adopt_log, recorded_identity
from services.platform.log_identity import LogIdentity

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
