"""German, French and Spanish: durations, clock times, parts of day, seasons and weekdays
with a modifier. Published on Monday 2025-12-15 (see helpers.PUBLISHED)."""

from datetime import UTC, datetime

import pytest

from services.timeline.mentions import Granularity, TimexType

from .helpers import found, pairs

Case = tuple[str, str, list[tuple[str, str]]]


def _check(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, language=language) == expected


DURATIONS: list[Case] = [
    ("de", "Das dauerte zwei Wochen.", [("zwei Wochen", "P2W")]),
    ("de", "Er saß drei Jahre in Haft.", [("drei Jahre", "P3Y")]),
    ("de", "Er lebt seit fünf Monaten hier.", [("fünf Monaten", "P5M")]),
    ("de", "Sie verhandelten 10 Tage lang.", [("10 Tage", "P10D")]),
    ("de", "Der Krieg dauert schon 1000 Tage.", [("1000 Tage", "P1000D")]),
    ("de", "Sie wartete mehr als zwei Jahre.", [("mehr als zwei Jahre", "P2Y")]),
    ("de", "Seit mehreren Jahren steigen die Mieten.", [("mehreren Jahren", "PXY")]),
    ("de", "Der Vertrag gilt für einen Monat.", [("einen Monat", "P1M")]),
    ("fr", "La grève a duré pendant trois jours.", [("trois jours", "P3D")]),
    ("fr", "Il vit ici depuis deux ans.", [("deux ans", "P2Y")]),
    ("fr", "Les travaux prendront quinze jours.", [("quinze jours", "P15D")]),
    ("fr", "Il est resté en prison pendant un jour.", [("un jour", "P1D")]),
    ("fr", "Il faudra plus de six mois.", [("plus de six mois", "P6M")]),
    ("es", "La huelga duró durante dos semanas.", [("dos semanas", "P2W")]),
    ("es", "Estuvo tres meses en prisión.", [("tres meses", "P3M")]),
    ("es", "Vive aquí desde hace dos años.", [("dos años", "P2Y")]),
    ("es", "Un plazo de 4 años.", [("4 años", "P4Y")]),
]
DURATION_TRAPS: list[Case] = [
    ("de", "Die Woche war lang.", []),  # a unit word without a number
    ("de", "Das kostet 14 Euro.", []),
    ("de", "Das Kind ist drei Jahre alt.", []),
    ("de", "Im Alter von 52 Jahren starb er.", []),
    ("de", "Die 90er Jahre waren wild.", []),
    ("de", "Seit 2019 Jahr für Jahr.", [("2019", "2019")]),
    ("fr", "Un jour, il reviendra.", []),
    ("fr", "Un homme de 52 ans a été arrêté.", []),
    ("fr", "Il a 40 ans.", []),
    ("es", "Un día, volverá.", []),
    ("es", "Un hombre de 45 años fue detenido.", []),
    ("es", "Tiene 30 años.", []),
    ("es", "Cuesta 14 euros.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), DURATIONS + DURATION_TRAPS)
def test_durations(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Vor zwei Wochen kam er.", [("Vor zwei Wochen", "2025-W49")]),
        ("fr", "Il y a deux ans, il partait.", [("Il y a deux ans", "2023")]),
        ("es", "Hace dos años llegó.", [("Hace dos años", "2023")]),
        ("de", "Vor einigen Jahren kam er.", []),
    ],
)
def test_ago_is_no_duration(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


def test_duration_since_reaches_back_from_publication() -> None:
    (mention,) = found("Er lebt seit fünf Monaten hier.", language="de")
    assert mention.timex_type is TimexType.DURATION
    assert mention.start == datetime(2025, 7, 15, 8, tzinfo=UTC)
    assert mention.end == datetime(2025, 12, 15, 8, tzinfo=UTC)
    assert mention.granularity is Granularity.MONTH


def test_plain_duration_floats() -> None:
    (mention,) = found("Das dauerte zwei Wochen.", language="de")
    assert (mention.timex_type, mention.start, mention.end) == (TimexType.DURATION, None, None)


CLOCK_TIMES: list[Case] = [
    ("de", "Er kam um 14 Uhr.", [("14 Uhr", "2025-12-15T14:00")]),
    ("de", "Beginn ist 14.30 Uhr.", [("14.30 Uhr", "2025-12-15T14:30")]),
    ("de", "Treffen um 14:30 im Rathaus.", [("14:30", "2025-12-15T14:30")]),
    ("de", "Um drei Uhr nachts und um 8 Uhr abends.", [
        ("drei Uhr nachts", "2025-12-15T03:00"), ("8 Uhr abends", "2025-12-15T20:00")]),
    ("de", "Gestern um 20 Uhr war es still.", [
        ("Gestern", "2025-12-14"), ("20 Uhr", "2025-12-14T20:00")]),
    ("fr", "Rendez-vous à 14 h.", [("14 h", "2025-12-15T14:00")]),
    ("fr", "Rendez-vous à 14h30.", [("14h30", "2025-12-15T14:30")]),
    ("fr", "Il viendra vers 20 heures.", [("20 heures", "2025-12-15T20:00")]),
    ("fr", "à trois heures de l'après-midi", [
        ("trois heures de l'après-midi", "2025-12-15T15:00")]),
    ("fr", "Il déjeune à midi.", [("midi", "2025-12-15T12:00")]),
    ("fr", "Hier à 9h, il est parti.", [("Hier", "2025-12-14"), ("9h", "2025-12-14T09:00")]),
    ("fr", "Lundi prochain à 9h.", [("Lundi prochain", "2025-12-22"), ("9h", "2025-12-22T09:00")]),
    ("fr", "Lundi, il a parlé à 9h.", [("Lundi", "2025-12-15"), ("9h", "2025-12-15T09:00")]),
    ("es", "Llegó a las 14.00.", [("14.00", "2025-12-15T14:00")]),
    ("es", "Llegó a las tres de la tarde.", [("tres de la tarde", "2025-12-15T15:00")]),
    ("es", "Cenó a las 9 de la noche.", [("9 de la noche", "2025-12-15T21:00")]),
    ("es", "Sonó a las 2 de la madrugada.", [("2 de la madrugada", "2025-12-15T02:00")]),
    ("es", "Abrió a la una y media de la tarde.", [
        ("una y media de la tarde", "2025-12-15T13:30")]),
    ("es", "El lunes a las 10.30 horas.", [
        ("lunes", "2025-12-15"), ("10.30 horas", "2025-12-15T10:30")]),
]  # fmt: skip
CLOCK_TRAPS: list[Case] = [
    ("de", "Der Kurs stieg um 14.30 Euro.", []),
    ("de", "Die Uhr tickt.", []),
    ("de", "Er kam um 14 Prozent voran.", []),
    ("fr", "Il a roulé pendant 3 h.", []),
    ("fr", "Il a dormi 24 heures.", []),
    ("fr", "Le Midi brûle.", []),
    ("es", "Escribió a las tres empresas.", []),
    ("es", "Subió a las 14.00 euros.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CLOCK_TIMES + CLOCK_TRAPS)
def test_clock_times(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


def test_clock_time_is_a_minute() -> None:
    (mention,) = found("Er kam um 14 Uhr.", language="de")
    assert mention.timex_type is TimexType.TIME
    assert mention.start == datetime(2025, 12, 15, 14, tzinfo=UTC)
    assert mention.granularity is Granularity.MINUTE


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Gestern Abend regnete es.", [("Gestern Abend", "2025-12-14TEV")]),
        ("de", "Heute Morgen regnete es.", [("Heute Morgen", "2025-12-15TMO")]),
        ("de", "Morgen Abend spielt er.", [("Morgen Abend", "2025-12-16TEV")]),
        ("de", "Er kommt morgen früh.", [("morgen früh", "2025-12-16TMO")]),
        ("de", "Letzte Nacht schlief er.", [("Letzte Nacht", "2025-12-14TNI")]),
        ("de", "Gestern Nachmittag kam er.", [("Gestern Nachmittag", "2025-12-14TAF")]),
        ("de", "Am Morgen kam er.", []),
        ("fr", "Hier soir, il pleuvait.", [("Hier soir", "2025-12-14TEV")]),
        ("fr", "Ce matin, il pleuvait.", [("Ce matin", "2025-12-15TMO")]),
        ("fr", "Il viendra demain matin.", [("demain matin", "2025-12-16TMO")]),
        ("fr", "Cet après-midi, il pleut.", [("Cet après-midi", "2025-12-15TAF")]),
        ("fr", "La nuit dernière fut calme.", [("La nuit dernière", "2025-12-14TNI")]),
        ("fr", "Ce soir-là, il pleuvait.", []),
        ("es", "Anoche llovió.", [("Anoche", "2025-12-14TNI")]),
        ("es", "Esta mañana llovió.", [("Esta mañana", "2025-12-15TMO")]),
        ("es", "Llegó ayer por la tarde.", [("ayer por la tarde", "2025-12-14TAF")]),
        ("es", "Llega mañana por la mañana.", [("mañana por la mañana", "2025-12-16TMO")]),
        ("es", "Trabaja por la mañana.", []),
        ("es", "Llegó el viernes por la mañana.", [("viernes", "2025-12-12")]),
    ],
)
def test_parts_of_day(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


def test_part_of_day_interval() -> None:
    (mention,) = found("Gestern Abend regnete es.", language="de")
    assert mention.timex_type is TimexType.TIME
    assert mention.start == datetime(2025, 12, 14, 18, tzinfo=UTC)
    assert mention.granularity is Granularity.PART_OF_DAY


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Im Sommer 2024 war es heiß.", [("Sommer 2024", "2024-SU")]),
        ("de", "Im Winter schneit es.", [("Winter", "2025-WI")]),
        ("de", "Letzten Sommer war es heiß.", [("Letzten Sommer", "2025-SU")]),
        ("de", "Im vergangenen Winter fror es.", [("vergangenen Winter", "2024-WI")]),
        ("de", "Im kommenden Frühjahr wird gewählt.", [("kommenden Frühjahr", "2026-SP")]),
        ("de", "Nächsten Winter wird es kalt.", [("Nächsten Winter", "2026-WI")]),
        ("de", "Ron Winter sagte das.", []),
        ("fr", "En été, il fait chaud.", [("été", "2025-SU")]),
        ("fr", "L'hiver dernier fut doux.", [("L'hiver dernier", "2024-WI")]),
        ("fr", "À l'automne 2024, il partit.", [("l'automne 2024", "2024-FA")]),
        ("fr", "Au printemps prochain, on vote.", [("printemps prochain", "2026-SP")]),
        ("fr", "Cet hiver sera froid.", [("Cet hiver", "2025-WI")]),
        ("fr", "Il a été élu.", []),
        ("fr", "Les vacances d'été commencent.", []),
        ("es", "En verano hace calor.", [("verano", "2025-SU")]),
        ("es", "El próximo invierno será frío.", [("El próximo invierno", "2026-WI")]),
        ("es", "En el verano de 2024 llovió.", [("el verano de 2024", "2024-SU")]),
        ("es", "La primavera pasada llovió.", [("La primavera pasada", "2025-SP")]),
    ],
)
def test_seasons(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


def test_season_interval() -> None:
    (mention,) = found("Im Sommer 2024 war es heiß.", language="de")
    assert (mention.start, mention.end) == (
        datetime(2024, 6, 1, tzinfo=UTC),
        datetime(2024, 9, 1, tzinfo=UTC),
    )
    assert mention.granularity is Granularity.SEASON


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Nächsten Montag trifft er sie.", [("Nächsten Montag", "2025-12-22")]),
        ("de", "Am kommenden Freitag geht er.", [("kommenden Freitag", "2025-12-19")]),
        ("de", "Letzten Montag kam er.", [("Letzten Montag", "2025-12-08")]),
        ("de", "Am vergangenen Freitag kam er.", [("vergangenen Freitag", "2025-12-12")]),
        ("de", "Am Freitag kam er.", [("Freitag", "2025-12-12")]),
        ("fr", "Lundi prochain, il vient.", [("Lundi prochain", "2025-12-22")]),
        ("fr", "Il viendra jeudi prochain.", [("jeudi prochain", "2025-12-18")]),
        ("fr", "Lundi dernier, il est venu.", [("Lundi dernier", "2025-12-08")]),
        ("fr", "Vendredi, il est venu.", [("Vendredi", "2025-12-12")]),
        ("es", "El próximo lunes vendrá.", [("El próximo lunes", "2025-12-22")]),
        ("es", "Vendrá el jueves que viene.", [("el jueves que viene", "2025-12-18")]),
        ("es", "El lunes pasado vino.", [("El lunes pasado", "2025-12-08")]),
        ("es", "El pasado viernes vino.", [("El pasado viernes", "2025-12-12")]),
        ("es", "El lunes vino.", [("lunes", "2025-12-15")]),
    ],
)
def test_weekdays_with_modifier(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)


# Published on Monday 2025-12-15.
NEWS_FORMS: list[Case] = [
    ("de", "Er kam vorige Woche.", [("vorige Woche", "2025-W50")]),
    ("de", "Ende letzten Jahres stieg der Preis.", [("Ende letzten Jahres", "2024")]),
    ("de", "Anfang nächsten Monats beginnt es.", [("Anfang nächsten Monats", "2026-01")]),
    ("de", "Am Dienstagabend sprach er.", [("Dienstagabend", "2025-12-09TEV")]),
    ("de", "Die Wahl wird am Sonntag stattfinden.", [("Sonntag", "2025-12-21")]),
    ("fr", "Le week-end dernier, il a plu.", [("Le week-end dernier", "2025-W50-WE")]),
    ("fr", "La réunion se tiendra mardi.", [("mardi", "2025-12-16")]),
    ("fr", "Il partira jeudi à 9h15.", [("jeudi", "2025-12-18"), ("9h15", "2025-12-18T09:15")]),
    ("fr", "Il est parti jeudi à 9h15.", [("jeudi", "2025-12-11"), ("9h15", "2025-12-11T09:15")]),
    ("es", "El fin de semana pasado llovió.", [("El fin de semana pasado", "2025-W50-WE")]),
    ("es", "Las elecciones se celebrarán el domingo.", [("domingo", "2025-12-21")]),
    ("es", "Llegará el viernes a las 8.", [("viernes", "2025-12-19"), ("8", "2025-12-19T08:00")]),
    ("es", "Llegó el viernes a las 8.", [("viernes", "2025-12-12"), ("8", "2025-12-12T08:00")]),
    ("es", "Se firmará en marzo.", [("marzo", "2026-03")]),
]
NEWS_FORM_TRAPS: list[Case] = [
    ("de", "Er kam am Dienstag.", [("Dienstag", "2025-12-09")]),  # no future verb
    ("fr", "La caméra a filmé mardi.", [("mardi", "2025-12-09")]),  # "caméra" is no future
    ("es", "Escribió a las 8 empresas.", []),  # a noun after the number: no time
    ("de", "Das Wochenende war lang.", []),  # the bare unit names no weekend
]


@pytest.mark.parametrize(("language", "text", "expected"), NEWS_FORMS + NEWS_FORM_TRAPS)
def test_news_forms_in_de_fr_es(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _check(language, text, expected)
