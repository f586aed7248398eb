"""`dlq discard` loses records for good: without a selection, or --all without --yes, it
refuses (exit 2, one line) before touching the broker."""

from __future__ import annotations

import pytest

from services.cli import main


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "say which records"),
        (["--all"], "add --yes"),
        (["--all", "--yes", "--offset", "0:1"], "not both"),
    ],
)
def test_discard_refuses_without_a_clear_selection(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dlq", "discard", *argv]) == 2
    assert says in capsys.readouterr().err
