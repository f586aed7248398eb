"""The one RFC 3339 reader: an offset is required, and the commands refuse the same text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import AwareDatetime, TypeAdapter

from services.cli.args import parse_time
from services.cli.normalize import parse_published_at
from services.platform.errors import UsageError
from services.platform.rfc3339 import format_moment, parse


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2025-12-15T08:00:00Z", datetime(2025, 12, 15, 8, tzinfo=UTC)),
        ("2025-12-15t08:00:00.5z", datetime(2025, 12, 15, 8, 0, 0, 500000, tzinfo=UTC)),
        ("2025-12-15 08:00+01:00", datetime(2025, 12, 15, 8, tzinfo=timezone(timedelta(hours=1)))),
    ],
)
def test_rfc3339_times_with_an_offset_are_read(text: str, moment: datetime) -> None:
    assert parse(text) == moment


@pytest.mark.parametrize("text", ["2025-12-15T08:00:00", "2025-12-15", "1765785600", "soon"])
def test_times_without_an_offset_or_not_rfc3339_are_refused_everywhere(text: str) -> None:
    with pytest.raises(ValueError, match="RFC 3339 time with an offset"):
        parse(text)
    with pytest.raises(UsageError, match=r"^--since '"):
        parse_time(text, "--since")
    with pytest.raises(UsageError, match=r"^--published-at '"):
        parse_published_at(text)


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(1, 1, 2),  # noqa: DTZ001 - naive bounds; the zone is drawn apart
        max_value=datetime(9999, 12, 30),  # noqa: DTZ001 - as above
        timezones=st.timedeltas(
            min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)
        ).map(timezone),
    )
)
def test_moments_are_written_as_pydantic_writes_them(moment: datetime) -> None:
    # The normalize command writes mentions without importing pydantic, in the JSON the
    # APIs write with it: 'Z' for UTC, an offset's seconds dropped, microseconds when set.
    assert format_moment(moment) == TypeAdapter(AwareDatetime).dump_python(moment, mode="json")


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_moment(datetime(2025, 12, 15))  # noqa: DTZ001 - the case under test


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2025-13-01T00:00:00Z", "month must be in 1..12"), ("2025-02-30T00:00:00Z", "day is out")],
)
def test_a_time_of_the_right_shape_out_of_range_names_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=rf"^'{text}': {reason}.*e\.g\. "):
        parse(text)
