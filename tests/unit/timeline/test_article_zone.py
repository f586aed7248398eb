"""An article's IANA time zone: its calendar across daylight-saving changes, a zone written
beside a clock time, and refusal of zones that do not exist."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.timeline.events import ArticleSubmitted
from services.timeline.incidents import build_timeline
from services.timeline.normalize import normalize
from services.timeline.zones import zone_label, zone_of_label

from .helpers import at

# Monday after Europe left summer time (Sunday 2025-10-26, 03:00 CEST -> 02:00 CET).
BERLIN_MONDAY = datetime(2025, 10, 27, 9, 0, tzinfo=timezone(timedelta(hours=1)))
# Monday after New York began summer time (Sunday 2025-03-09, 02:00 EST -> 03:00 EDT).
NEW_YORK_MONDAY = datetime(2025, 3, 10, 12, 0, tzinfo=timezone(timedelta(hours=-4)))


def _span(
    text: str, published: datetime, zone: str | None, language: str = "en"
) -> tuple[str, datetime | None, datetime | None]:
    (mention,) = normalize(text, published, language, zone)
    return mention.timex_value, mention.start, mention.end


def test_a_day_when_summer_time_ends_lasts_25_hours() -> None:
    assert _span("Gestern regnete es.", BERLIN_MONDAY, "Europe/Berlin", "de") == (
        "2025-10-26",
        datetime(2025, 10, 25, 22, tzinfo=UTC),
        datetime(2025, 10, 26, 23, tzinfo=UTC),
    )


def test_without_the_zone_the_offset_of_publication_is_the_clock() -> None:
    assert _span("Gestern regnete es.", BERLIN_MONDAY, None, "de") == (
        "2025-10-26",
        datetime(2025, 10, 25, 23, tzinfo=UTC),
        datetime(2025, 10, 26, 23, tzinfo=UTC),
    )


def test_a_day_when_summer_time_begins_lasts_23_hours() -> None:
    assert _span("It snowed yesterday.", NEW_YORK_MONDAY, "America/New_York") == (
        "2025-03-09",
        datetime(2025, 3, 9, 5, tzinfo=UTC),
        datetime(2025, 3, 10, 4, tzinfo=UTC),
    )


def test_a_week_reaching_back_across_the_change_starts_at_the_same_local_time() -> None:
    value, start, end = _span("Prices rose over the past week.", BERLIN_MONDAY, "Europe/Berlin")
    assert value == "P1W"
    assert (start, end) == (datetime(2025, 10, 20, 7, tzinfo=UTC), at(2025, 10, 27, 8))


def test_hours_reaching_back_across_the_change_are_elapsed_time() -> None:
    sunday_morning = datetime(2025, 3, 9, 10, 0, tzinfo=timezone(timedelta(hours=-4)))
    value, start, end = _span(
        "Talks went on for the past ten hours.", sunday_morning, "America/New_York"
    )
    assert value == "PT10H"
    assert (start, end) == (at(2025, 3, 9, 4), at(2025, 3, 9, 14))


def test_the_zone_decides_the_publication_day() -> None:
    # 23:30 UTC on Sunday is already Monday in Tokyo.
    sunday_night_utc = datetime(2025, 11, 23, 23, 30, tzinfo=UTC)
    assert _span("It rained today.", sunday_night_utc, "Asia/Tokyo")[:1] == ("2025-11-24",)
    assert _span("It rained today.", sunday_night_utc, None)[:1] == ("2025-11-23",)


def test_new_year_on_the_local_calendar() -> None:
    just_after_midnight = datetime(2026, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    mentions = normalize("Last year ended yesterday.", just_after_midnight)
    assert [(m.text, m.timex_value) for m in mentions] == [
        ("Last year", "2025"),
        ("yesterday", "2025-12-31"),
    ]
    assert mentions[0].start == datetime(2024, 12, 31, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The polls closed at 3 p.m. EST today.", at(2025, 11, 20, 20)),
        ("The polls closed at 3 p.m. GMT today.", at(2025, 11, 20, 15)),
        ("The polls closed at 3 p.m. today.", at(2025, 11, 20, 14)),
    ],
)
def test_a_zone_written_after_the_time_overrides_the_article_clock(
    text: str, start: datetime
) -> None:
    published = datetime(2025, 11, 20, 18, tzinfo=timezone(timedelta(hours=1)))
    (mention,) = normalize(text, published)
    assert mention.timex_value == "2025-11-20T15:00"
    assert (mention.start, mention.end) == (start, start + timedelta(minutes=1))


@pytest.mark.parametrize("zone", ["Mars/Olympus", "localtime", "America", "../etc/passwd"])
def test_unknown_zones_are_refused(zone: str) -> None:
    with pytest.raises(ValueError, match=r"localtime|unknown IANA time zone"):
        normalize("today", BERLIN_MONDAY, "en", zone)


def _article(zone: str | None) -> ArticleSubmitted:
    return ArticleSubmitted(
        article_id="zone-1",
        revision="r1",
        source="Wire",
        title="Rain",
        body="Es regnete gestern Abend.",
        published_at=BERLIN_MONDAY,
        language="de",
        timezone=zone,
    )


def test_the_timeline_is_built_on_the_article_zone() -> None:
    (evening,) = [i for i in build_timeline(_article("Europe/Berlin")).incidents if i.mention]
    assert evening.timex_value == "2025-10-26TEV"
    assert (evening.start, evening.end) == (at(2025, 10, 26, 17), at(2025, 10, 26, 21))


def test_the_event_refuses_an_unknown_zone() -> None:
    with pytest.raises(ValueError, match="timezone"):
        _article("Europe/Atlantis")


def test_an_articles_clock_is_named_by_its_zone_else_its_offset() -> None:
    india = datetime.fromisoformat("2026-11-20T01:30:00+05:30")
    assert zone_label(india) == "+05:30"
    assert zone_label(india, "Asia/Kolkata") == "Asia/Kolkata"
    assert zone_label(datetime.fromisoformat("2026-11-20T01:30:00+00:00")) == "UTC"
    assert zone_of_label("-03:00").utcoffset(None) == timedelta(hours=-3)
    assert zone_of_label("+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert india.astimezone(zone_of_label(zone_label(india))) == india
