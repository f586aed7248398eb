"""The fast decoder gives the rows of the pydantic models, and refuses what they refuse."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from services.query.projector import decode
from services.query.rows import rows_of, span_class
from services.query.timeline_codec import decode_rows
from services.timeline.events import ArticleTimeline
from services.timeline.mentions import Granularity
from tests.unit.query.factories import timeline

Mutation = dict[str, Any]


def valid() -> dict[str, Any]:
    """A timeline as the normalizer writes it: UTC instants with and without fractions."""
    found = timeline("art-1", [(0, 1), (2, 5), (-400, 30)], url="https://example.com/a")
    data: dict[str, Any] = json.loads(found.model_dump_json())
    data["incidents"][1]["start"] = "2024-01-03T10:15:00.250000Z"
    data["incidents"][2]["mention"] = None
    return data


def both(data: dict[str, Any]) -> tuple[object, object]:
    """What each path makes of the JSON: its rows, or the type of its refusal."""
    raw = json.dumps(data).encode()
    try:
        reference: object = rows_of(ArticleTimeline.model_validate_json(raw))
    except ValidationError:
        reference = ValidationError
    try:
        fast: object = decode_rows(raw)
    except ValidationError:
        fast = ValidationError
    return reference, fast


def at(data: dict[str, Any], where: str, value: object) -> dict[str, Any]:
    """`data` with the field at `where` ("title", "incidents.1.start") set to `value`;
    the value DELETE removes the field."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    *path, last = where.split(".")
    target: Any = copy
    for step in path:
        target = target[int(step)] if step.isdigit() else target[step]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return copy


DELETE = object()
CASES = [
    ("title", "Another headline"),
    ("url", "HTTP://Example.COM"),  # pydantic normalizes it: the row holds its form
    ("url", "not a url"),
    ("url", DELETE),
    ("published_at", "2024-01-01T05:30:00+05:30"),
    ("published_at", "2024-01-01T05:30:00+05:60"),  # fromisoformat takes it, pydantic not
    ("published_at", "2024-01-01T00:00:00"),  # naive
    ("published_at", "2024-01-01t00:00:00z"),
    ("published_at", "2024-01-01 00:00:00Z"),
    ("published_at", "2024-01-01T00:00:00.1234567Z"),  # pydantic truncates, msgspec rounds
    ("published_at", "2024-W01-1T00:00:00Z"),
    ("timezone", "Europe/Berlin"),
    ("timezone", "Mars/Olympus"),
    ("timezone", "localtime"),
    ("timezone", ""),
    ("language", "de"),
    ("language", "de\n"),  # `$` in Python's re matches before a final newline
    ("language", "DE"),
    ("article_id", "art-1\n"),
    ("article_id", "x" * 129),
    ("article_id", ""),
    ("extra", 1),
    ("incidents", []),
    ("revision", DELETE),
    ("incidents.0.article_id", "-bad"),
    ("incidents.0.start", "2024-01-01T00:00:00+00:00"),
    ("incidents.0.start", "2024-02-30T00:00:00Z"),
    ("incidents.0.start", "2024-01-01T24:00:00Z"),
    ("incidents.0.start", "2024-01-01T00:00:60Z"),
    ("incidents.0.end", "2024-01-02T00:00:00.5Z"),
    ("incidents.0.end", 1704153600),
    ("incidents.0.granularity", "fortnight"),
    ("incidents.0.granularity", Granularity.CENTURY.value),
    ("incidents.0.anchor", "publication"),
    ("incidents.0.timex_type", None),
    ("incidents.0.timex_type", "date"),
    ("incidents.0.char_start", "7"),  # pydantic's lax mode takes a numeric string
    ("incidents.0.char_start", 7.0),
    ("incidents.0.char_start", -1),
    ("incidents.0.char_start", True),
    ("incidents.0.mention", 5),
    ("incidents.0.sentence", "Ünïcödé \u2028 sentence"),
    ("incidents.0.unknown", "x"),
    ("incidents.0.incident_id", DELETE),
]


def test_a_timeline_as_the_normalizer_writes_it_gives_the_models_rows() -> None:
    reference, fast = both(valid())
    assert reference != ValidationError
    assert fast == reference


@pytest.mark.parametrize(("where", "value"), CASES, ids=[f"{w}={v!r}"[:60] for w, v in CASES])
def test_any_change_gives_the_models_rows_or_their_refusal(where: str, value: object) -> None:
    reference, fast = both(at(valid(), where, value))
    assert fast == reference


def test_an_undecodable_record_goes_the_projectors_error_path() -> None:
    assert decode(b"art-1", json.dumps(at(valid(), "language", "de\n")).encode()) is None
    assert decode(b"art-1", b"{not json") is None
    assert decode(b"art-1", json.dumps(valid()).encode()) == decode_rows(
        json.dumps(valid()).encode()
    )


@pytest.mark.parametrize(
    ("seconds", "micros", "expected"),
    [
        (0, 0, 0),
        (1, 0, 0),
        (2, 0, 1),
        (2, 1, 2),
        (86400, 0, 17),
        (1 << 33, 0, 33),
        (1 << 33, 1, 34),
        (1 << 38, 1, 39),  # a float of its length has lost the microsecond
    ],
)
def test_the_span_class_rounds_the_length_up_to_whole_seconds_exactly(
    seconds: int, micros: int, expected: int
) -> None:
    start = datetime(1000, 1, 1, tzinfo=UTC)  # 2**38 s: about 8,700 years
    assert span_class(start, start + timedelta(seconds=seconds, microseconds=micros)) == expected
