"""`newstimeline normalize --jsonl` timed as a whole process over a corpus: what a user
pays, interpreter start-up, imports and pattern compilation included."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from services.normalizer.timeml import Document

# A bounded wait: the 256 development documents take about a second.
DEADLINE_S = 300.0


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def command() -> list[str]:
    """The installed console script beside this interpreter (what `make setup` puts in the
    venv), or the same entry point through -m when the script is missing."""
    script = Path(sys.executable).with_name("newstimeline")
    if script.exists():
        return [str(script), "normalize", "--jsonl"]
    return [sys.executable, "-m", "services.cli", "normalize", "--jsonl"]


def write_lines(documents: Sequence[Document], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for document in documents:
            record = {
                "id": document.name,
                "text": document.text,
                "published_at": document.published_at.isoformat(),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(lines: Path, answers: Path, count: int, env: dict[str, str] | None = None) -> Timing:
    """One process over every line; fails loudly unless it answered each document."""
    cpu_before = _children_cpu()
    with lines.open("rb") as stdin, answers.open("wb") as stdout:
        began = time.perf_counter()
        subprocess.run(
            command(), stdin=stdin, stdout=stdout, env=env, check=True, timeout=DEADLINE_S
        )
        wall = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    answered = answers.read_text(encoding="utf-8").splitlines()
    if len(answered) != count or any('"error"' in line[:80] for line in answered):
        msg = f"expected {count} answers without errors, got {len(answered)}"
        raise RuntimeError(msg)
    return Timing(wall, cpu)


@contextmanager
def whole_process(documents: Sequence[Document]) -> Iterator[Callable[[], Timing]]:
    """A function that times one whole process over all `documents` as JSON lines on
    stdin. The lines are written once, before any timing, and one untimed run writes the
    project's bytecode even where PYTHONDONTWRITEBYTECODE is set (as in this machine's
    sessions): `pip install` compiles it, and compiling the sources again on every start
    would time a state no installation is in."""
    with tempfile.TemporaryDirectory(prefix="bench-normalizer-") as folder:
        lines, answers = Path(folder) / "documents.jsonl", Path(folder) / "answers.jsonl"
        write_lines(documents, lines)
        writing = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        run_once(lines, answers, len(documents), env=writing)
        yield lambda: run_once(lines, answers, len(documents))
