"""Fast start: building the `newstimeline` parser loads none of the heavy libraries, and
`normalize` loads only the normalizer. Each check runs in a fresh interpreter, since this
test process has long imported everything."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("faust", "fastapi", "dateparser", "aiokafka", "uvicorn", "starlette", "rich")

PARSER_ONLY = """
import json, sys
from services.cli import build_parser
build_parser().format_help()
sys.stdout.write(json.dumps([0, sorted(sys.modules)]))
"""

NORMALIZE_EMPTY = """
import io, json, sys
from services.cli import main
sys.stdin = io.StringIO("")
status = main(["normalize", "--jsonl"])
sys.stdout.write(json.dumps([status, sorted(sys.modules)]))
"""


def run_fresh(code: str) -> tuple[int, list[str]]:
    """The status `code` reports and the modules loaded when it ends."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    status, modules = json.loads(done.stdout)
    return status, modules


def top_level(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_building_the_parser_imports_no_heavy_library() -> None:
    _, modules = run_fresh(PARSER_ONLY)
    loaded = top_level(modules)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    assert "pydantic" not in loaded  # settings and events load with the handler using them


def test_normalize_loads_the_normalizer_but_not_dateparser_or_services() -> None:
    status, modules = run_fresh(NORMALIZE_EMPTY)
    loaded = top_level(modules)
    assert status == 0
    assert "services.timeline.normalize" in modules
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
