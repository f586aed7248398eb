"""Every command group in services/cli/ is wired in, and a missing one stops the start."""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import pytest

import services.cli
from services.cli import COMMAND_MODULES, build_parser

PACKAGE = Path(services.cli.__file__).parent


def defines_register(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef) and n.name == "register" for n in tree.body)


def test_every_module_with_commands_is_listed_and_every_listed_module_exists() -> None:
    modules = {m.name for m in pkgutil.iter_modules([str(PACKAGE)])}
    with_commands = {name for name in modules if defines_register(PACKAGE / f"{name}.py")}
    assert set(COMMAND_MODULES) == with_commands


def test_a_missing_command_module_is_an_error_not_a_shorter_help(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services.cli, "COMMAND_MODULES", (*COMMAND_MODULES, "no_such_group"))
    with pytest.raises(ModuleNotFoundError, match="no_such_group"):
        build_parser()


def test_help_lists_a_command_of_every_group(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for command in ("kafka", "topics", "normalize", "ingest-feed", "dlq", "status", "replay"):
        assert f"    {command} " in out, command
