"""The article's own clock: every rule family, in every language, counts on the local date and
time of the publication, and every interval is that local span converted to UTC.

The article is published on Thursday 2025-11-20 on its own clock, half an hour after local
midnight or half an hour before the next one, at six offsets: at -05:00 23:30 is already
Friday in UTC, at +01:00 00:30 is still Wednesday, so a UTC calendar would be a day off.
Expected spans are written as local wall-clock times and converted here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from services.timeline.normalize import normalize

OFFSETS = {
    "-10:00": timedelta(hours=-10),
    "-05:00": timedelta(hours=-5),
    "+00:00": timedelta(0),
    "+01:00": timedelta(hours=1),
    "+05:30": timedelta(hours=5, minutes=30),
    "+09:00": timedelta(hours=9),
}
LOCAL_TIMES = {"after-midnight": time(0, 30), "before-midnight": time(23, 30)}

# (mention, TimeML value, local start, local end) on the calendar of Thursday 2025-11-20.
Expected = tuple[str, str, str, str]
Case = tuple[str, str, list[Expected]]

YESTERDAY = ("2025-11-19T00:00", "2025-11-20T00:00")
TUESDAY = ("2025-11-18T00:00", "2025-11-19T00:00")
TOMORROW = ("2025-11-21T00:00", "2025-11-22T00:00")
LAST_WEEK = ("2025-W46", "2025-11-10T00:00", "2025-11-17T00:00")
NEXT_MONTH = ("2025-12", "2025-12-01T00:00", "2026-01-01T00:00")
LAST_YEAR = ("2024", "2024-01-01T00:00", "2025-01-01T00:00")
MORNING = ("2025-11-20TMO", "2025-11-20T06:00", "2025-11-20T12:00")
EVENING_BEFORE = ("2025-11-19TEV", "2025-11-19T18:00", "2025-11-19T22:00")
AT_THREE = ("2025-11-20T15:00", "2025-11-20T15:00", "2025-11-20T15:01")
TODAY = ("2025-11-20", "2025-11-20T00:00", "2025-11-21T00:00")
SUMMER = ("2025-SU", "2025-06-01T00:00", "2025-09-01T00:00")
THIS_WEEK = ("2025-W47", "2025-11-17T00:00", "2025-11-24T00:00")
MARCH = ("2025-03", "2025-03-01T00:00", "2025-04-01T00:00")

CASES: list[Case] = [
    # explicit dates
    ("en", "It fell on November 18.", [("November 18", "2025-11-18", *TUESDAY)]),
    ("de", "Es geschah am 18. November.", [("18. November", "2025-11-18", *TUESDAY)]),
    ("fr", "Cela s'est passé le 18 novembre.", [("18 novembre", "2025-11-18", *TUESDAY)]),
    ("es", "Ocurrió el 18 de noviembre.", [("18 de noviembre", "2025-11-18", *TUESDAY)]),
    ("it", "È successo il 18 novembre 2025.", [("18 novembre 2025", "2025-11-18", *TUESDAY)]),
    # weekdays
    ("en", "The vote took place on Tuesday.", [("Tuesday", "2025-11-18", *TUESDAY)]),
    (
        "en",
        "They will meet on Saturday.",
        [("Saturday", "2025-11-22", "2025-11-22T00:00", "2025-11-23T00:00")],
    ),
    ("de", "Er kam letzten Dienstag.", [("letzten Dienstag", "2025-11-18", *TUESDAY)]),
    ("fr", "Il est venu mardi dernier.", [("mardi dernier", "2025-11-18", *TUESDAY)]),
    ("es", "Vino el martes pasado.", [("el martes pasado", "2025-11-18", *TUESDAY)]),
    # relative days and "two days ago"
    ("en", "It rained yesterday.", [("yesterday", "2025-11-19", *YESTERDAY)]),
    ("en", "They meet tomorrow.", [("tomorrow", "2025-11-21", *TOMORROW)]),
    ("en", "He left two days ago.", [("two days ago", "2025-11-18", *TUESDAY)]),
    ("de", "Es regnete gestern.", [("gestern", "2025-11-19", *YESTERDAY)]),
    ("de", "Er kam vor zwei Tagen.", [("vor zwei Tagen", "2025-11-18", *TUESDAY)]),
    ("fr", "Il a plu hier.", [("hier", "2025-11-19", *YESTERDAY)]),
    ("fr", "Ils se réunissent demain.", [("demain", "2025-11-21", *TOMORROW)]),
    ("fr", "Il est parti il y a deux jours.", [("il y a deux jours", "2025-11-18", *TUESDAY)]),
    ("es", "Llovió ayer.", [("ayer", "2025-11-19", *YESTERDAY)]),
    ("es", "Se fue hace dos días.", [("hace dos días", "2025-11-18", *TUESDAY)]),
    ("it", "Ha piovuto ieri.", [("ieri", "2025-11-19", *YESTERDAY)]),
    ("it", "Si incontrano domani.", [("domani", "2025-11-21", *TOMORROW)]),
    (
        "en",
        "They met the day before yesterday.",
        [("the day before yesterday", "2025-11-18", *TUESDAY)],
    ),
    ("de", "Es regnete vorgestern.", [("vorgestern", "2025-11-18", *TUESDAY)]),
    ("fr", "Il a plu avant-hier.", [("avant-hier", "2025-11-18", *TUESDAY)]),
    ("es", "Llovió anteayer.", [("anteayer", "2025-11-18", *TUESDAY)]),
    ("it", "Piove oggi.", [("oggi", *TODAY)]),
    # this / last / next week, month, year; a year ago; the weekend
    ("en", "Talks continue this week.", [("this week", *THIS_WEEK)]),
    ("de", "Diese Woche regnet es.", [("Diese Woche", *THIS_WEEK)]),
    ("fr", "Cette semaine il pleut.", [("Cette semaine", *THIS_WEEK)]),
    ("es", "Esta semana llueve.", [("Esta semana", *THIS_WEEK)]),
    ("en", "Sales doubled from a year ago.", [("a year ago", *LAST_YEAR)]),
    (
        "en",
        "It snowed over the weekend.",
        [("the weekend", "2025-W46-WE", "2025-11-15T00:00", "2025-11-17T00:00")],
    ),
    ("en", "Prices rose last week.", [("last week", *LAST_WEEK)]),
    ("en", "It opens next month.", [("next month", *NEXT_MONTH)]),
    ("en", "Sales fell last year.", [("last year", *LAST_YEAR)]),
    ("de", "Die Preise stiegen letzte Woche.", [("letzte Woche", *LAST_WEEK)]),
    ("de", "Es öffnet nächsten Monat.", [("nächsten Monat", *NEXT_MONTH)]),
    ("de", "Der Umsatz fiel letztes Jahr.", [("letztes Jahr", *LAST_YEAR)]),
    ("fr", "Les prix ont augmenté la semaine dernière.", [("la semaine dernière", *LAST_WEEK)]),
    ("fr", "Il ouvre le mois prochain.", [("le mois prochain", *NEXT_MONTH)]),
    ("es", "Los precios subieron la semana pasada.", [("la semana pasada", *LAST_WEEK)]),
    ("es", "Abre el próximo mes.", [("el próximo mes", *NEXT_MONTH)]),
    ("es", "Las ventas cayeron el año pasado.", [("el año pasado", *LAST_YEAR)]),
    # months without a year
    ("de", "Es geschah im März.", [("März", *MARCH)]),
    ("fr", "Il a neigé en mars.", [("mars", *MARCH)]),
    ("es", "Nevó en marzo.", [("marzo", *MARCH)]),
    (
        "it",
        "Accadde nel marzo 2024.",
        [("marzo 2024", "2024-03", "2024-03-01T00:00", "2024-04-01T00:00")],
    ),
    # parts of day
    (
        "en",
        "They met Friday evening.",
        [("Friday evening", "2025-11-14TEV", "2025-11-14T18:00", "2025-11-14T22:00")],
    ),
    ("en", "It rained this morning.", [("this morning", *MORNING)]),
    (
        "en",
        "They vote tonight.",
        [("tonight", "2025-11-20TNI", "2025-11-20T20:00", "2025-11-21T06:00")],
    ),
    ("de", "Es regnete heute Morgen.", [("heute Morgen", *MORNING)]),
    ("de", "Er kam gestern Abend.", [("gestern Abend", *EVENING_BEFORE)]),
    ("fr", "Il a plu ce matin.", [("ce matin", *MORNING)]),
    ("fr", "Il est venu hier soir.", [("hier soir", *EVENING_BEFORE)]),
    ("es", "Llovió esta mañana.", [("esta mañana", *MORNING)]),
    ("es", "Llegó anoche.", [("anoche", "2025-11-19TNI", "2025-11-19T20:00", "2025-11-20T06:00")]),
    # clock times
    ("en", "They met at 3 p.m. today.", [("3 p.m. today", *AT_THREE)]),
    ("de", "Sie trafen sich heute um 15 Uhr.", [("heute", *TODAY), ("15 Uhr", *AT_THREE)]),
    (
        "fr",
        "Ils se sont vus aujourd'hui à 15 heures.",
        [("aujourd'hui", *TODAY), ("15 heures", *AT_THREE)],
    ),
    (
        "es",
        "Se vieron hoy a las tres de la tarde.",
        [("hoy", *TODAY), ("tres de la tarde", *AT_THREE)],
    ),
    # seasons and quarters
    ("en", "It was hot last summer.", [("last summer", *SUMMER)]),
    ("de", "Es war heiß letzten Sommer.", [("letzten Sommer", *SUMMER)]),
    (
        "de",
        "Im Winter 2024 schneite es.",
        [("Winter 2024", "2024-WI", "2024-12-01T00:00", "2025-03-01T00:00")],
    ),
    ("fr", "Il faisait chaud l'été dernier.", [("l'été dernier", *SUMMER)]),
    ("es", "Hizo calor el verano pasado.", [("el verano pasado", *SUMMER)]),
    (
        "en",
        "In the third quarter, profit fell.",
        [("the third quarter", "2025-Q3", "2025-07-01T00:00", "2025-10-01T00:00")],
    ),
]

# Durations that reach back from the publication: the stretch ends at the publication instant.
REACHING_BACK: list[tuple[str, str, str, str, timedelta]] = [
    (
        "en",
        "Prices rose over the past three days.",
        "the past three days",
        "P3D",
        timedelta(days=3),
    ),
    ("en", "Prices rose over the past week.", "the past week", "P1W", timedelta(weeks=1)),
    ("de", "Die Preise steigen seit drei Tagen.", "drei Tagen", "P3D", timedelta(days=3)),
    ("fr", "Les prix augmentent depuis trois jours.", "trois jours", "P3D", timedelta(days=3)),
    ("es", "Los precios suben desde hace tres días.", "tres días", "P3D", timedelta(days=3)),
]


def _published(offset: str, moment: str) -> datetime:
    return datetime.combine(date(2025, 11, 20), LOCAL_TIMES[moment], timezone(OFFSETS[offset]))


def _utc(local: str, offset: str) -> datetime:
    return datetime.fromisoformat(local).replace(tzinfo=timezone(OFFSETS[offset])).astimezone(UTC)


# Every (offset, moment) of one case is checked in one test: a failure lists those that differ.
CLOCKS = [(offset, moment) for offset in OFFSETS for moment in LOCAL_TIMES]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_rules_count_on_the_local_calendar(
    language: str, text: str, expected: list[Expected]
) -> None:
    got = {
        clock: [
            (m.text, m.timex_value, m.start, m.end)
            for m in normalize(text, _published(*clock), language)
        ]
        for clock in CLOCKS
    }
    assert got == {
        clock: [
            (mention, value, _utc(start, clock[0]), _utc(end, clock[0]))
            for mention, value, start, end in expected
        ]
        for clock in CLOCKS
    }


@pytest.mark.parametrize(
    ("language", "text", "mention", "value", "length"),
    REACHING_BACK,
    ids=[c[1] for c in REACHING_BACK],
)
def test_durations_reaching_back_end_at_the_publication(
    language: str, text: str, mention: str, value: str, length: timedelta
) -> None:
    got = {}
    for clock in CLOCKS:
        (found,) = normalize(text, _published(*clock), language)
        got[clock] = (found.text, found.timex_value, found.start, found.end)
    assert got == {
        clock: (mention, value, _published(*clock) - length, _published(*clock)) for clock in CLOCKS
    }


@pytest.mark.parametrize(
    ("published", "language", "text", "value"),
    [
        # Monday in Tokyo, still Sunday in UTC: this week is the new one.
        ("2025-11-24T00:30+09:00", "en", "Talks continue this week.", "2025-W48"),
        ("2025-11-24T00:30+09:00", "de", "Die Preise stiegen letzte Woche.", "2025-W47"),
        # Sunday night in New York, already Monday in UTC: this week is the old one.
        ("2025-11-23T23:30-05:00", "fr", "Cette semaine il pleut.", "2025-W47"),
        # The first of the month in Berlin, still the last of the previous one in UTC.
        ("2025-12-01T00:30+01:00", "en", "Prices rose earlier this month.", "2025-12"),
        ("2026-01-01T00:30+01:00", "es", "Las ventas cayeron el año pasado.", "2025"),
        # New Year's Eve in Honolulu, already New Year's Day in UTC.
        ("2025-12-31T23:30-10:00", "de", "Der Umsatz fiel letztes Jahr.", "2024"),
        ("2025-12-31T23:30-10:00", "en", "It opens next month.", "2026-01"),
    ],
)
def test_weeks_months_and_years_turn_on_the_local_calendar(
    published: str, language: str, text: str, value: str
) -> None:
    (mention,) = normalize(text, datetime.fromisoformat(published), language)
    assert mention.timex_value == value
