"""`newstimeline reset`: refuses without --yes, deletes every local copy with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.cli import main


@pytest.fixture
def local_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    broker = tmp_path / "state" / "kafka"
    (broker / "data").mkdir(parents=True)
    (broker / "data" / "meta.properties").write_text("cluster.id=AAAAAAAAAAAAAAAAAAAAAA\n")
    database = tmp_path / "var" / "timeline.sqlite3"
    database.parent.mkdir()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").write_text("rows")
    worker = tmp_path / "var" / "faust"
    (worker / "worker-1").mkdir(parents=True)
    monkeypatch.setenv("NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR", str(broker))
    monkeypatch.setenv("NEWSTIMELINE_DATABASE_PATH", str(database))
    monkeypatch.setenv("NEWSTIMELINE_WORKER_DATA_DIR", str(worker))
    monkeypatch.setenv("NEWSTIMELINE_RUN_PID_FILE", str(tmp_path / "var" / "run.pid"))
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    return [broker, database, worker]


def test_without_yes_nothing_is_deleted(
    local_copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["reset"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "newstimeline reset: refusing to delete broker data, read model and worker state "
        "without --yes"
    )
    assert all(path.exists() for path in local_copies)


def test_with_yes_every_local_copy_is_deleted(
    local_copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["reset", "--yes"]) == 0
    assert not any(path.exists() for path in local_copies)
    assert f"deleted {local_copies[0]}" in capsys.readouterr().out
    assert main(["reset", "--yes"]) == 0
    assert capsys.readouterr().out.strip() == "nothing to delete"
