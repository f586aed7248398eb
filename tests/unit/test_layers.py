"""The floors of services/: each imports only from the floors below it, so a floor can be
read (and changed) without the ones above. Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "services"
# Floor -> the services.* packages it may import (itself included).
ALLOWED = {
    "timeline": {"timeline"},
    "platform": {"platform"},
    "contracts": {"contracts", "platform", "timeline"},
}


def imported_packages(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[1] for name in names if name.startswith("services.")}


@pytest.mark.parametrize("floor", sorted(ALLOWED))
def test_a_floor_imports_only_the_floors_below(floor: str) -> None:
    strays = {
        str(path.relative_to(SERVICES)): sorted(imported_packages(path) - ALLOWED[floor])
        for path in sorted((SERVICES / floor).rglob("*.py"))
    }
    assert {path: names for path, names in strays.items() if names} == {}
