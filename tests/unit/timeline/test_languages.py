import pytest

from services.timeline.temporal.languages import FOREIGN, rules_for
from services.timeline.temporal.lexicon_foreign import LANGUAGES

from .helpers import pairs


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Am 13. Dezember 2024 regnete es.", [("13. Dezember 2024", "2024-12-13")]),
        (
            "de",
            "Gestern und vor zwei Tagen.",
            [("Gestern", "2025-12-14"), ("vor zwei Tagen", "2025-12-13")],
        ),
        (
            "de",
            "Im März stiegen die Preise, letzte Woche fielen sie.",
            [("März", "2025-03"), ("letzte Woche", "2025-W50")],
        ),
        ("de", "Der Vertrag vom 12.11.2025 gilt.", [("12.11.2025", "2025-11-12")]),
        ("fr", "Le 13 décembre 2024, il pleuvait.", [("13 décembre 2024", "2024-12-13")]),
        (
            "fr",
            "Hier et il y a deux jours.",
            [("Hier", "2025-12-14"), ("il y a deux jours", "2025-12-13")],
        ),
        ("fr", "L'accord sera signé l'an prochain.", [("l'an prochain", "2026")]),
        ("es", "El 13 de diciembre de 2024 llovió.", [("13 de diciembre de 2024", "2024-12-13")]),
        ("es", "Ayer y hace dos días.", [("Ayer", "2025-12-14"), ("hace dos días", "2025-12-13")]),
        ("es", "Llegó el viernes por la mañana.", [("viernes", "2025-12-12")]),
    ],
)
def test_other_languages(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, language=language) == expected


def test_french_mars_needs_a_cue_to_be_march() -> None:
    assert pairs("La mission vers Mars est prête.", language="fr") == []


def test_german_morgen_capitalised_is_the_morning_not_tomorrow() -> None:
    assert pairs("Am Morgen kam er.", language="de") == []


def test_unknown_language_falls_back_to_numeric_dates() -> None:
    assert pairs("Report of 2024-12-13.", language="it") == [("2024-12-13", "2024-12-13")]


def test_the_languages_named_without_importing_them_are_those_with_a_lexicon() -> None:
    assert set(LANGUAGES) == FOREIGN


@pytest.mark.parametrize("language", ["en", *sorted(FOREIGN)])
def test_every_pattern_of_every_language_compiles(language: str) -> None:
    # A run compiles a pattern on first use, so a broken one must fail here, not in a run.
    for rule in rules_for(language):
        assert rule.pattern.pattern == rule.source
