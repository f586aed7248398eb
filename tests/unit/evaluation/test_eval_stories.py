"""`python -m evaluation stories` on a tiny Timeline17-style folder, and its protocol."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from evaluation.commands import main
from evaluation.timeline17 import Reference, read_references, untokenize
from evaluation.tls_scoring import PRF, TimelineScore, average, evaluator, score

ARTICLES = [
    (
        "n1",
        "2020-03-01",
        "Storm Ada hit the coast on March 1 , 2020 , flooding homes .\n"
        "Officials said the damage in the port was severe .\n",
    ),
    (
        "n2",
        "2020-03-02",
        "Storm Ada hit the coast on Sunday , flooding hundreds of homes .\n"
        "Rescue teams worked through the night in the port .\n",
    ),
    (
        "n3",
        "2020-03-05",
        "Repairs began on March 4 , 2020 , after the floods receded .\n"
        "Engineers said the sea wall repairs on March 4 would take months .\n",
    ),
    ("n4", "2020-03-04", "Volunteers joined the repairs on Wednesday , the council said .\n"),
    ("empty", "2020-03-03", ""),
]
REFERENCE = [
    ["2020-03-01", ["Storm Ada hits the coast , flooding homes in the port .\n"]],
    ["2020-03-04", ["Repairs begin on the sea wall after the floods recede .\n"]],
]
ROUGE_PERL = (
    shutil.which("perl") is not None
    and not subprocess.run(
        ["perl", "-MXML::DOM", "-e1"], check=False, capture_output=True
    ).returncode
)


def write_topic(root: Path) -> Path:
    folder = root / "storm"
    folder.mkdir(parents=True)
    lines = [
        json.dumps({"id": a, "collection": "storm_wire", "orig_id": a, "time": t, "text": x})
        for a, t, x in ARTICLES
    ]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "timelines.jsonl").write_text(json.dumps(REFERENCE) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "rouge",
    [
        "python",
        pytest.param(
            "perl", marks=pytest.mark.skipif(not ROUGE_PERL, reason="needs libxml-dom-perl")
        ),
    ],
)
def test_eval_stories_prints_the_topic_table(
    rouge: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["stories", str(write_topic(tmp_path)), "--rouge", rouge, "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "all topics" in out
    assert "leave one topic out" in out
    shipped, held_out, chosen = [ln for ln in out.splitlines() if ln.startswith("│ storm")]
    cells = [c.strip() for c in shipped.split("│") if c.strip()]
    assert cells[:2] == ["storm", "1"]
    assert cells[-1] == "1.000"  # both reference days found, and only they
    assert float(cells[4]) > 0.3  # AR-1 F: the summaries share the story's words
    assert held_out.split("│")[1].strip() == "storm"
    assert "0.25" in chosen  # no other topic to tune on: the shipped burst stays


def test_eval_stories_refuses_a_folder_without_topics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stories", str(tmp_path)]) == 2
    assert "no TOPIC/articles.jsonl" in capsys.readouterr().err
    assert main(["stories", str(tmp_path / "missing")]) == 2


def test_untokenize_restores_dates_and_punctuation() -> None:
    line = "-LRB- AP -RRB- `` It 's over , '' he said on August 29 , 1958 ."
    assert untokenize(line) == '(AP) "It\'s over," he said on August 29, 1958.'


def test_references_keep_the_last_entry_of_a_day(tmp_path: Path) -> None:
    path = tmp_path / "timelines.jsonl"
    days = [["2020-01-01", ["a .", "b ."]], ["2020-01-01", ["c ."]], ["2020-01-03", ["d .", "e ."]]]
    path.write_text(json.dumps(days) + "\n", encoding="utf-8")
    (reference,) = read_references(path)
    assert reference.days[date(2020, 1, 1)] == ("c .",)
    assert reference.sentences_per_date == 2  # (1 + 2) / 2 rounded as Python rounds


def test_a_perfect_timeline_scores_one_and_averages_take_f_from_p_and_r() -> None:
    reference = Reference({date(2020, 3, 1): ("Storm Ada hits the coast .",)})
    found = score(
        {date(2020, 3, 1): ["Storm Ada hits the coast ."]}, reference, evaluator("python")
    )
    assert found.rouge1.f1 == pytest.approx(1.0)
    assert found.dates.f1 == 1.0
    half = TimelineScore(PRF(1.0, 0.0), PRF(1.0, 0.0), PRF(1.0, 0.0))
    mean = average([found, half])
    assert mean.dates.precision == 1.0
    assert mean.dates.recall == 0.5
    assert mean.dates.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_ablation_scores_each_part_of_the_method(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    folder = str(write_topic(tmp_path))
    cache = str(tmp_path / "cache")
    assert main(["stories", folder, "--rouge", "python", "--ablation", "--cache", cache]) == 0
    out = capsys.readouterr().out
    table = out[out.index("The method's parts") :]
    rows = [line for line in table.splitlines() if line.startswith("│")]
    names = [row.split("│")[1].strip() for row in rows]
    assert names[0] == "the method before issue 24"
    assert names[-1] == "+ sentences naming the day alone first (not kept)"
    assert len(names) == 4
    assert all(len(row.split("│")) == 9 for row in rows)  # name, 3 shipped, 3 left out
    assert list((tmp_path / "cache").iterdir())  # the normalized topic was kept
