"""Fast start: building the `newstimeline` parser loads none of the heavy libraries, and
`normalize` pays only for what it uses (issue 23). Each check runs in a fresh interpreter,
since this test process has long imported everything, so that an import added at the top
of a module on the command's path fails here rather than slowing every start unseen."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from services.cli import build_parser, command_names, parser_for

HEAVY = ("faust", "fastapi", "dateparser", "aiokafka", "uvicorn", "starlette", "rich")

PARSER_ONLY = """
import json, sys
from services.cli import build_parser
build_parser().format_help()
sys.stdout.write(json.dumps({"status": 0, "modules": sorted(sys.modules)}))
"""
# The command's entry point on the JSON line in argv[1], then what the run imported and how
# many of the language's patterns it compiled.
NORMALIZE_ONE_LINE = """
import io, json, sys
sys.stdin = io.StringIO(sys.argv[1] + "\\n")
from services.cli import main
status = main(["normalize", "--jsonl"])
modules = sorted(sys.modules)
from services.timeline.temporal.languages import rules_for
rules = rules_for(json.loads(sys.argv[1])["language"])
compiled = sum("pattern" in vars(rule) for rule in rules)
report = {"status": status, "modules": modules, "compiled": compiled, "rules": len(rules)}
sys.stdout.write("\\n" + json.dumps(report))
"""
# The event models, and the other languages' tables: an English text needs neither.
MODELS = ("pydantic", "pydantic_core")
FOREIGN_TABLES = (
    "services.timeline.temporal.lexicon_foreign",
    "services.timeline.temporal.tables.lexical",
    "services.timeline.temporal.rules_foreign",
)
OTHER_COMMANDS = ("services.cli.worker", "services.cli.query", "services.cli.kafka")


def run_fresh(code: str, *args: str) -> dict[str, Any]:
    """What `code` reports on its last line of output, run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert report["status"] == 0
    return report


def normalize_one_line(text: str, language: str) -> dict[str, Any]:
    line = {"id": 1, "text": text, "published_at": "2025-12-15T08:00:00Z", "language": language}
    return run_fresh(NORMALIZE_ONE_LINE, json.dumps(line))


def loaded(report: dict[str, Any]) -> set[str]:
    """Every module imported, and the top-level package of each."""
    modules = set(report["modules"])
    return modules | {name.partition(".")[0] for name in modules}


def test_building_the_parser_imports_no_heavy_library() -> None:
    modules = loaded(run_fresh(PARSER_ONLY))
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))
    assert "pydantic" not in modules  # settings and events load with the handler using them


def test_an_english_text_loads_no_service_library_no_model_and_no_other_language() -> None:
    modules = loaded(normalize_one_line("It rained on Friday, Dec. 13, 2024.", "en"))
    assert "services.timeline.normalize" in modules
    unwanted = {*HEAVY, *MODELS, *FOREIGN_TABLES, *OTHER_COMMANDS}
    assert modules.isdisjoint(unwanted), sorted(modules & unwanted)


def test_a_german_text_builds_the_foreign_tables_but_loads_no_dateparser() -> None:
    modules = loaded(normalize_one_line("Am 13. Dezember 2024 regnete es.", "de"))
    assert set(FOREIGN_TABLES) <= modules
    assert modules.isdisjoint({*HEAVY, *MODELS})


def test_a_language_without_rules_of_its_own_does_load_dateparser() -> None:
    # The probe sees a lazy import when one happens: the checks above can fail.
    modules = loaded(normalize_one_line("Il 13 dicembre 2024 ha piovuto.", "it"))
    assert "dateparser" in modules


def test_a_short_text_compiles_only_the_patterns_its_words_trigger() -> None:
    report = normalize_one_line("It rained on Friday.", "en")
    assert 0 < report["compiled"] < report["rules"] / 2


@pytest.mark.parametrize(
    ("argv", "commands"),
    [
        (["normalize", "--jsonl"], {"normalize"}),
        (["annotate-timeml", "in", "out"], {"annotate-timeml"}),
        (["ingest-api"], None),  # a command of the ingest module: the whole parser
        (["feeds"], None),  # a module whose command has another name
        (["--version"], None),
        ([], None),
    ],
)
def test_a_command_is_parsed_by_its_own_module_alone_else_by_the_whole_parser(
    argv: list[str], commands: set[str] | None
) -> None:
    expected = command_names(build_parser()) if commands is None else commands
    assert command_names(parser_for(argv)) == expected


def test_the_command_alone_parses_as_the_whole_parser_does() -> None:
    argv = ["normalize", "--jsonl", "--language", "de", "--document-type", "narrative"]
    assert parser_for(argv).parse_args(argv) == build_parser().parse_args(argv)
