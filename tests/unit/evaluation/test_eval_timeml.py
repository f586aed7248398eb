"""`python -m evaluation timeml` on one small gold document."""

from pathlib import Path

import pytest

from evaluation.commands import main
from tests.unit.normalizer.test_timeml import DOCUMENT


def test_eval_timeml_prints_the_scores_and_the_phrase_breakdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Gold says Friday is a week earlier than our reading: one wrong value, one right.
    (tmp_path / "doc.tml").write_text(
        DOCUMENT.replace('value="2025-12-12"', 'value="2025-12-05"'), encoding="utf-8"
    )
    assert main(["timeml", str(tmp_path), "--phrases", "5"]) == 0
    out = capsys.readouterr().out
    assert "value" in out
    assert "accuracy 50.00" in out
    assert "friday" in out
    assert "2024" not in out.split("Phrases with the most wrong values")[1]
