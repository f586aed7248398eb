"""The held-out histories' scorer pairs by overlap and counts values, misses and extras."""

import json
from pathlib import Path

from evaluation.histories import HISTORIES, score


def _write(path: Path, text: str, gold: list[tuple[str, str]]) -> Path:
    spans = []
    for phrase, value in gold:
        start = text.index(phrase)
        spans.append({"text": phrase, "start": start, "end": start + len(phrase), "value": value})
    record = {"id": "h", "language": "en", "published_at": "2026-03-10T09:00:00+00:00",
              "text": text, "gold": spans}  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_pairs_by_overlap_and_compares_values(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "h.jsonl",
        "It began on 3 June 1862. After that nothing happened.",
        [("3 June 1862", "1862-06-03"), ("nothing", "2000")],
    )
    tally = score(path)
    assert (tally.gold, tally.paired, tally.right) == (2, 1, 1)
    assert any("missed 'nothing'" in line for line in tally.wrong)


def test_a_wrong_value_is_reported(tmp_path: Path) -> None:
    tally = score(_write(tmp_path / "h.jsonl", "It began on 3 June 1862.", [("3 June", "1999")]))
    assert (tally.paired, tally.right) == (1, 0)
    assert tally.f1(tally.right) == 0.0


def test_the_ten_histories_have_consistent_gold() -> None:
    lines = HISTORIES.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10
    for line in lines:
        history = json.loads(line)
        for gold in history["gold"]:
            assert history["text"][gold["start"] : gold["end"]] == gold["text"]
