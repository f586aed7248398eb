import argparse
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import TypeAdapter, ValidationError

from services.cli import main
from services.cli.normalize import mention_json, register
from services.ingest.submission import describe_errors, parse_article
from services.platform.errors import UsageError
from services.timeline.mentions import Mention
from services.timeline.normalize import normalize


def run(
    argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = args.handler(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_normalize_prints_one_json_object_per_mention(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        ["normalize", "--published-at", "2025-12-15T08:00:00Z"],
        "It rained on Dec. 13.",
        monkeypatch,
        capsys,
    )
    (line,) = out.splitlines()
    record = json.loads(line)
    assert status == 0
    assert record["timex_value"] == "2025-12-13"
    assert record["start"] == "2025-12-13T00:00:00Z"
    assert set(record) == {
        "text",
        "char_start",
        "char_end",
        "timex_type",
        "timex_value",
        "start",
        "end",
        "granularity",
    }


def test_normalize_refuses_a_published_at_without_offset(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UsageError, match="offset"):
        run(["normalize", "--published-at", "2025-12-15T08:00:00"], "x", monkeypatch, capsys)


def test_normalize_reads_the_calendar_of_the_timezone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["normalize", "--published-at", "2025-11-23T23:30:00Z", "--timezone", "Asia/Tokyo"]
    status, out, _ = run(argv, "It rained today.", monkeypatch, capsys)
    record = json.loads(out)
    assert status == 0
    assert (record["timex_value"], record["start"]) == ("2025-11-24", "2025-11-23T15:00:00Z")


def test_normalize_refuses_an_unknown_timezone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["normalize", "--published-at", "2025-11-23T23:30:00Z", "--timezone", "Mars/Base"]
    with pytest.raises(UsageError, match="--timezone: unknown IANA time zone 'Mars/Base'"):
        run(argv, "x", monkeypatch, capsys)


def test_jsonl_answers_every_line_in_order_and_reports_bad_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "a", "text": "Rain yesterday.", "published_at": "2025-12-15T08:00:00+00:00"},
        {"id": "b", "text": "Rain today.", "published_at": "2025-12-15T08:00:00"},
        {
            "id": "c",
            "text": "Regen gestern.",
            "published_at": "2025-12-15T08:00:00Z",
            "language": "de",
        },
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n"
    status, out, err = run(["normalize", "--jsonl"], stdin, monkeypatch, capsys)
    answers = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert [a.get("id") for a in answers] == ["a", "b", "c", None]
    assert answers[0]["mentions"][0]["timex_value"] == "2025-12-14"
    assert "error" in answers[1]
    assert "error" in answers[3]
    assert err.startswith("line 2: ")
    assert "line 4: " in err


def test_jsonl_lines_may_carry_a_timezone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"text": "Rain today.", "published_at": "2025-11-23T23:30:00Z"}
    lines = [
        {**base, "id": "tokyo", "timezone": "Asia/Tokyo"},
        {**base, "id": "x", "timezone": "X/Y"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    status, out, err = run(["normalize", "--jsonl"], stdin, monkeypatch, capsys)
    tokyo, bad = (json.loads(line) for line in out.splitlines())
    assert status == 2
    assert tokyo["mentions"][0]["timex_value"] == "2025-11-24"
    assert "unknown IANA time zone" in bad["error"]
    assert err.startswith("line 2: ")


def test_normalize_reads_italian_given_as_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["normalize", "--published-at", "2025-12-15T08:00:00Z", "--language", "it"]
    status, out, _ = run(argv, "L'attacco è avvenuto il 13 dicembre.", monkeypatch, capsys)
    assert status == 0
    assert [json.loads(line)["timex_value"] for line in out.splitlines()] == ["2025-12-13"]


@pytest.mark.parametrize("tag", ["EN", "en-US", "pt-BR", "it", "xx", "tlh", "en--US"])
def test_cli_and_api_accept_the_same_language_tags(
    tag: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    api_accepts = "language" not in describe_article_errors(language=tag)
    argv = ["normalize", "--published-at", "2025-12-15T08:00:00Z", "--language", tag]
    if api_accepts:
        status, _, _ = run(argv, "Rain on Monday.", monkeypatch, capsys)
        assert status == 0
    else:
        with pytest.raises(UsageError, match=r"^--language: "):
            run(argv, "Rain on Monday.", monkeypatch, capsys)


def describe_article_errors(**fields: str) -> str:
    raw = {"source": "S", "title": "T", "body": "B", "published_at": "2025-12-15T08:00:00Z"}
    try:
        parse_article({**raw, **fields})
    except ValidationError as exc:
        return describe_errors(exc)
    return ""


def test_bad_language_is_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["normalize", "--published-at", "2025-12-15T08:00:00Z", "--language", "xx"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "--language" in err
    assert "unknown language tag 'xx'" in err


STORY = "The fleet closed the harbour on 3 June 1862. On 12 June a ship was turned back."


@pytest.mark.parametrize(("kind", "value"), [("news", "2025-06-12"), ("narrative", "1862-06-12")])
def test_normalize_takes_the_document_type(
    kind: str, value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["normalize", "--published-at", "2025-12-15T08:00:00Z", "--document-type", kind]
    status, out, _ = run(argv, STORY, monkeypatch, capsys)
    assert status == 0
    assert json.loads(out.splitlines()[1])["timex_value"] == value


def test_jsonl_refuses_an_unknown_document_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = {"id": "a", "text": STORY, "published_at": "2025-12-15T08:00:00Z",
            "document_type": "poem"}  # fmt: skip
    status, out, err = run(["normalize", "--jsonl"], json.dumps(line), monkeypatch, capsys)
    assert status == 2
    assert "document_type" in err
    assert json.loads(out)["id"] == "a"


@pytest.mark.parametrize(
    "zone", [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
)
def test_mentions_are_written_as_the_pydantic_model_wrote_them(zone: timezone) -> None:
    # Mention is a dataclass, written without pydantic: the JSON must stay what it was.
    text = "On Friday, Dec. 13, at 3 p.m., two weeks after the 2014 vote; every Monday since."
    mentions = normalize(text, datetime(2025, 12, 15, 8, tzinfo=zone))
    assert len(mentions) >= 4
    adapter = TypeAdapter(Mention)
    for mention in mentions:
        assert mention_json(mention) == adapter.dump_python(mention, mode="json")
