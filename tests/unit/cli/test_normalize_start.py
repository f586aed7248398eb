"""`newstimeline normalize` pays only for what it uses (issue 23): what a run imports is
read from sys.modules in a fresh interpreter, so an import added at the top of a module on
its path fails here rather than slowing every start unseen."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.cli import build_parser, command_names, parser_for
from services.cli.normalize import mention_json
from services.timeline.mentions import Mention
from services.timeline.normalize import normalize
from services.timeline.temporal.languages import FOREIGN, rules_for
from services.timeline.temporal.lexicon_foreign import LANGUAGES

# Runs the command's entry point on one JSON line, then prints every imported module.
PROBE = """
import io, json, sys
sys.stdin = io.StringIO(sys.argv[1] + "\\n")
from services.cli import main
status = main(["normalize", "--jsonl"])
modules = sorted(sys.modules)
from services.timeline.temporal.languages import rules_for
rules = rules_for(json.loads(sys.argv[1])["language"])
compiled = sum("pattern" in vars(rule) for rule in rules)
report = {"status": status, "modules": modules, "compiled": compiled, "rules": len(rules)}
sys.stdout.write(json.dumps(report) + "\\n")
"""
# The service stack, the contract models and the fallback parser: none serves an English
# (or German, French, Spanish) text.
HEAVY = ("pydantic", "pydantic_core", "dateparser", "fastapi", "starlette", "aiokafka", "faust")
FOREIGN_TABLES = (
    "services.timeline.temporal.lexicon_foreign",
    "services.timeline.temporal.tables.lexical",
    "services.timeline.temporal.rules_foreign",
)
OTHER_COMMANDS = ("services.cli.worker", "services.cli.query", "services.cli.kafka")


def run_probe(text: str, language: str) -> dict[str, Any]:
    line = {"id": 1, "text": text, "published_at": "2025-12-15T08:00:00Z", "language": language}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(line)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer, report = done.stdout.strip().splitlines()[-2:]
    assert json.loads(answer)["mentions"], "the probe normalized nothing"
    result: dict[str, Any] = json.loads(report)
    assert result["status"] == 0
    return result


def imported_by_a_run(text: str, language: str) -> set[str]:
    modules = set(run_probe(text, language)["modules"])
    return modules | {name.split(".")[0] for name in modules}


def test_an_english_run_imports_no_service_stack_no_dateparser_and_no_other_language() -> None:
    modules = imported_by_a_run("It rained on Friday, Dec. 13, 2024.", "en")
    assert not modules & {*HEAVY, *FOREIGN_TABLES, *OTHER_COMMANDS}


def test_a_german_run_builds_the_foreign_tables_but_imports_no_dateparser() -> None:
    modules = imported_by_a_run("Am 13. Dezember 2024 regnete es.", "de")
    assert set(FOREIGN_TABLES) <= modules
    assert not modules & set(HEAVY)


def test_a_language_without_rules_of_its_own_does_import_dateparser() -> None:
    # The probe sees a lazy import when one happens: the check above can fail.
    modules = imported_by_a_run("Il 13 dicembre 2024 ha piovuto.", "it")
    assert "dateparser" in modules


def test_a_short_text_compiles_only_the_patterns_its_words_trigger() -> None:
    report = run_probe("It rained on Friday.", "en")
    assert 0 < report["compiled"] < report["rules"] / 2


@pytest.mark.parametrize("language", ["en", *sorted(FOREIGN)])
def test_every_pattern_of_every_language_compiles(language: str) -> None:
    # Compiled on first use in a run, so a broken pattern must fail here, not in a run.
    for rule in rules_for(language):
        assert rule.pattern.pattern == rule.source


def test_the_languages_named_without_importing_them_are_those_with_a_lexicon() -> None:
    assert set(LANGUAGES) == FOREIGN


@pytest.mark.parametrize(
    "zone", [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
)
def test_mentions_are_written_as_the_pydantic_model_wrote_them(zone: timezone) -> None:
    text = "On Friday, Dec. 13, at 3 p.m., two weeks after the 2014 vote; every Monday since."
    mentions = normalize(text, datetime(2025, 12, 15, 8, tzinfo=zone))
    assert len(mentions) >= 4
    adapter = TypeAdapter(Mention)
    for mention in mentions:
        assert mention_json(mention) == adapter.dump_python(mention, mode="json")


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
