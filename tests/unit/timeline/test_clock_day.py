"""A clock time belongs to the day its own clause names, else to the article's day, never
to whatever date came last; in every supported language and at several offsets. The
article is published on Thursday 2025-11-20 on its own clock, half an hour after local
midnight or half an hour before the next one."""

from datetime import datetime, time, timedelta, timezone

import pytest

from services.timeline.normalize import normalize

OFFSETS = [timedelta(hours=-10), timedelta(hours=-5), timedelta(0), timedelta(hours=5, minutes=30),
           timedelta(hours=9)]  # fmt: skip
LOCAL_TIMES = [time(0, 30), time(23, 30)]

CASES = [
    # The day named after the time, in its clause.
    ("en", "The board will report at 11 a.m. on Monday.", "11 a.m.", "2025-11-24T11:00"),
    # ... not the evening named in the sentence before.
    (
        "en",
        "It said on Wednesday evening that it would act. The board will report at 11 a.m. "
        "on Monday.",
        "11 a.m.",
        "2025-11-24T11:00",
    ),
    # No day in its clause: the article's day, not two weeks back.
    ("en", "Two weeks ago the vote was called. Results are expected by 11 p.m.", "11 p.m.",
     "2025-11-20T23:00"),
    ("en", "The museum reopens tomorrow at 7:30.", "7:30", "2025-11-21T07:30"),
    ("en", "The polls closed at 8 p.m. on 18 November.", "8 p.m.", "2025-11-18T20:00"),
    ("fr", "Mardi vers 10 heures, le maire a parlé.", "10 heures", "2025-11-18T10:00"),
    ("fr", "Le conseil a voté le 3 octobre. La séance reprend à 14 heures.", "14 heures",
     "2025-11-20T14:00"),
    ("es", "El viernes a las 8 se votará la ley.", "8", "2025-11-21T08:00"),
    ("de", "Die Sitzung beginnt am Donnerstag um 14 Uhr.", "14 Uhr", "2025-11-20T14:00"),
    ("de", "Übermorgen um 8 tagt der Ausschuss.", "8", "2025-11-22T08:00"),
    ("de", "Gestern um 9 Uhr begann der Streik.", "9 Uhr", "2025-11-19T09:00"),
]  # fmt: skip


@pytest.mark.parametrize("offset", OFFSETS, ids=str)
@pytest.mark.parametrize("local", LOCAL_TIMES, ids=str)
@pytest.mark.parametrize(("language", "text", "mention", "value"), CASES)
def test_a_clock_time_takes_the_day_of_its_clause(
    offset: timedelta, local: time, language: str, text: str, mention: str, value: str
) -> None:
    published = datetime(2025, 11, 20, local.hour, local.minute, tzinfo=timezone(offset))
    found = {m.text: m.timex_value for m in normalize(text, published, language)}
    assert found.get(mention) == value


def test_that_afternoon_is_the_afternoon_of_the_day_talked_about() -> None:
    text = "The treaty was signed on 9 June 1815. That afternoon the delegates left."
    published = datetime(2025, 11, 20, 8, tzinfo=timezone(timedelta(0)))
    found = [(m.text, m.timex_value) for m in normalize(text, published)]
    assert found == [("9 June 1815", "1815-06-09"), ("That afternoon", "1815-06-09TAF")]


def test_at_night_is_the_night_of_no_day_in_particular() -> None:
    published = datetime(2025, 11, 20, 8, tzinfo=timezone(timedelta(0)))
    found = [(m.text, m.timex_value) for m in normalize("They moved only at night.", published)]
    assert found == [("night", "XXXX-XX-XXTNI")]
