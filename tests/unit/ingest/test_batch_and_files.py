from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.ingest.batch import MAX_BATCH, BatchError, split_items, validate_items
from services.ingest.files import expand, read_items

GOOD = {"source": "S", "title": "T", "body": "B on Monday.", "published_at": "2025-01-01T00:00Z"}


def test_json_array_and_json_lines_split_alike() -> None:
    as_array = split_items(json.dumps([GOOD, GOOD]).encode(), "application/json")
    as_lines = split_items(
        (json.dumps(GOOD) + "\n\n" + json.dumps(GOOD)).encode(), "application/x-ndjson"
    )
    assert len(as_array) == 2
    assert len(as_lines) == 2


def test_batch_over_the_limit_is_refused() -> None:
    with pytest.raises(BatchError, match="at most 1000"):
        split_items(json.dumps([GOOD] * (MAX_BATCH + 1)).encode(), "application/json")


def test_each_item_gets_its_own_outcome() -> None:
    valid, refused = validate_items(
        [GOOD, {**GOOD, "published_at": "2025-01-01"}, GOOD], max_record_bytes=4 * 1024 * 1024
    )
    assert [index for index, _ in valid] == [0, 2]
    assert refused[0].index == 1
    assert "published_at" in refused[0].error


def test_files_report_bad_lines_with_location(tmp_path: Path) -> None:
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps(GOOD) + "\n{not json\n" + json.dumps(GOOD) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([GOOD, GOOD]))
    (tmp_path / "notes.txt").write_text("ignored")
    items = [item for path in expand([tmp_path]) for item in read_items(path)]
    assert [item.location.rsplit("/", 1)[-1] for item in items] == [
        "a.jsonl:1", "a.jsonl:2", "a.jsonl:3", "b.json[0]", "b.json[1]",
    ]  # fmt: skip
    assert items[1].error is not None
    assert items[1].error.startswith("not valid JSON")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        expand([tmp_path / "absent"])
