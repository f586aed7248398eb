"""The README and the docs site name files and modules of this repository; when one moves,
the page that names it must move with it. (Links between pages are checked by the strict
site build; this checks what the build cannot see.)"""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
TOP_LEVEL = ("services", "bench", "evaluation", "tests", "schemas", "seeds", "docs")
PATH = re.compile(rf"`((?:{'|'.join(TOP_LEVEL)})/[\w./-]*)`")
MODULE = re.compile(r"\b((?:services|bench|evaluation)(?:\.\w+)+)(?!\w)(?<!\.md)")
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)#\s]+)")


def page_ids(pages: list[Path]) -> list[str]:
    return [str(page.relative_to(ROOT)) for page in pages]


@pytest.mark.parametrize("page", PAGES, ids=page_ids(PAGES))
def test_named_paths_exist(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    missing = [path for path in PATH.findall(text) if not (ROOT / path).exists()]
    assert not missing, f"{page.name} names paths that do not exist: {missing}"


def resolves(dotted: str) -> bool:
    """A module, or a module and one attribute of it (a function the page names)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:  # a name below a module that is not a package
            found = False
        if not found:
            continue
        rest = parts[cut:]
        return not rest or (len(rest) == 1 and hasattr(importlib.import_module(module), rest[0]))
    return False


@pytest.mark.parametrize("page", PAGES, ids=page_ids(PAGES))
def test_named_modules_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    missing = sorted({name for name in MODULE.findall(text) if not resolves(name)})
    assert not missing, f"{page.name} names modules that do not exist: {missing}"


def test_readme_links_resolve() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [link for link in LINK.findall(text) if not (ROOT / link).exists()]
    assert not missing, f"README.md links to files that do not exist: {missing}"


def test_readme_fits_on_a_few_screens() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= 250, f"README.md has {lines} lines; move detail to a page of docs/"
