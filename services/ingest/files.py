"""Reading articles from .json and .jsonl files and folders, each with its location."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True)
class Item:
    """One raw article, or the reason it could not even be read, at file:line."""

    location: str
    raw: Any = None
    error: str | None = None


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders become their .json/.jsonl files, sorted, recursively."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            msg = f"no such file or folder: {path}"
            raise FileNotFoundError(msg)
    return files


def read_items(path: Path) -> Iterator[Item]:
    if path.suffix == ".jsonl":
        yield from _read_lines(path)
    else:
        yield from _read_document(path)


def _read_lines(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _decode(f"{path}:{number}", line)


def _read_document(path: Path) -> Iterator[Item]:
    item = _decode(f"{path}:1", path.read_text(encoding="utf-8"))
    if isinstance(item.raw, list):
        # An array's items have no line of their own; their index stands in for it.
        for index, raw in enumerate(item.raw):
            yield Item(f"{path}[{index}]", raw)
    else:
        yield item


def _decode(location: str, text: str) -> Item:
    try:
        return Item(location, json.loads(text))
    except json.JSONDecodeError as exc:
        return Item(location, error=f"not valid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Item(location, error="not valid JSON: nested too deeply")
