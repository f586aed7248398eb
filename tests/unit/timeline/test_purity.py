"""The core reads no clock and does no I/O; its output depends only on its arguments."""

import ast
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.timeline.normalize import normalize

from .helpers import PUBLISHED

PACKAGE = Path(__file__).resolve().parents[3] / "services" / "timeline"
FORBIDDEN_MODULES = {
    "faust",
    "aiokafka",
    "fastapi",
    "sqlite3",
    "os",
    "socket",
    "time",
    "random",
    "subprocess",
}
FORBIDDEN_CALLS = {"now", "today", "utcnow", "time", "random", "uuid1", "uuid4", "getenv"}
PACKAGE_FILES = sorted(PACKAGE.rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: p.name)
def test_no_io_modules_and_no_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not _imports(tree) & FORBIDDEN_MODULES
    calls = {
        n.func.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
    }
    assert not calls & FORBIDDEN_CALLS


def test_naive_publication_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        normalize("today", datetime(2025, 12, 15))  # noqa: DTZ001


def test_offset_publication_time_is_read_on_its_own_clock() -> None:
    late_evening_in_new_york = datetime(2025, 12, 14, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    (mention,) = normalize("It rained today.", late_evening_in_new_york)
    assert mention.timex_value == "2025-12-14"
    assert (mention.start, mention.end) == (
        datetime(2025, 12, 14, 5, tzinfo=UTC),
        datetime(2025, 12, 15, 5, tzinfo=UTC),
    )


def test_deterministic() -> None:
    text = (
        "On Friday, two days after the Dec. 10 vote, the 2014 case and last week's talks resumed."
    )
    assert normalize(text, PUBLISHED) == normalize(text, PUBLISHED)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(list("abcdefghijklmnopqrstuvwxyzFMDTSWAQ0123456789 .,'-/:$%\n"))
        | st.sampled_from(
            ["Friday", " May ", "Dec. ", "2014", " last ", " year", " ago", "the ", "s ", "quarter"]
        ),
        max_size=60,
    ).map("".join),
    days=st.integers(min_value=-20000, max_value=20000),
    language=st.sampled_from(["en", "de", "fr", "es"]),
    offset_minutes=st.sampled_from([-600, -300, 0, 60, 330, 540]),
)
def test_any_text_gives_valid_spans(
    text: str, days: int, language: str, offset_minutes: int
) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))
    published = datetime(2000, 1, 1, tzinfo=zone) + timedelta(days=days, hours=days % 24)
    previous_end = 0
    for mention in normalize(text, published, language):
        assert 0 <= mention.char_start < mention.char_end <= len(text)
        assert text[mention.char_start : mention.char_end] == mention.text
        assert mention.char_start >= previous_end
        previous_end = mention.char_end
        if mention.start is not None and mention.end is not None:
            assert mention.start < mention.end
            assert mention.start.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "published",
    [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)],
    ids=["year-1", "year-9999"],
)
def test_calendar_edges_drop_mentions_instead_of_failing(published: datetime) -> None:
    text = "Tomorrow, yesterday, next week, a million years ago and the next 100000 years."
    for mention in normalize(text, published):
        assert text[mention.char_start : mention.char_end] == mention.text
