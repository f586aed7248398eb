"""`newstimeline --version` reports the version that pyproject.toml declares."""

from __future__ import annotations

import tomllib

import pytest

from services.cli import main
from services.platform.settings import PROJECT_ROOT


def test_version_comes_from_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    declared = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["version"]
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"newstimeline {declared}"
