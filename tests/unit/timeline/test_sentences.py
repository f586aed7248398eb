"""Sentence boundaries in en, de, fr and es: capitals of any script, opening punctuation,
abbreviations per language, and offsets that index the text exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.timeline.sentences import sentence_at, sentence_starts


def split(text: str, language: str) -> list[str]:
    starts = sentence_starts(text, language)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


CASES: list[tuple[str, list[str]]] = [
    (
        "en",
        [
            "Talks began on Dec. 13 in the U.S. capital.",
            "Then they ended.",
            "Dr. Smith came on Jan. 5 with Daniel P. Davison.",
            '"It is over."',
            "(Reuters) 2,000 people left.",
            "Why?",
            "Wages rose to $12.51.",
            "The idea was Gen. Powell's.",
            "''It is over,'' he said.",
            "Nobody knows!",
        ],
    ),
    (
        "de",
        [
            "Der Zug kam um 14 Uhr an.",
            "Über 300 Menschen warteten.",
            "Ärzte waren z. B. vor Ort.",
            "Dr. Müller sagte, am 3. Oktober sei der 2. Weltkrieg Thema.",
            "„Wir sind bereit“, sagte Fr. Schulz.",
            "Nr. 5 fehlte bzw. kam später.",
            "Er wurde 1990 geboren.",
            "Öl wurde teurer.",
        ],
    ),
    (
        "fr",
        [
            "Le train est arrivé.",
            "« Nous sommes prêts », a dit M. Dupont.",
            "Élise est venue le 5 janv. à Paris avec Mme Martin.",
            "Où est-il ?",
            "« C'est fini. »",
            "Ensuite, rien.",
            "À midi, tout était calme.",
        ],
    ),
    (
        "es",
        [
            "El tren llegó.",
            "¿Qué pasó después?",
            "¡Nadie lo sabe!",
            "El Sr. García habló con la Dra. Pérez sobre EE. UU. ayer.",
            "Él dijo que sí.",
            "Fue al mar.",
            "Ésta es la última.",
        ],
    ),
]


@pytest.mark.parametrize(("language", "sentences"), CASES, ids=[c[0] for c in CASES])
def test_each_language_splits_where_a_reader_would(language: str, sentences: list[str]) -> None:
    assert split(" ".join(sentences), language) == sentences


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Feier ist am 3. Oktober."),
        ("fr", "Il est venu le 5 janv. à Paris."),
        ("es", "Lo dijo el Sr. García."),
        ("en", "It was at 3 p.m. on Jan. 5."),
    ],
)
def test_abbreviations_end_no_sentence(language: str, text: str) -> None:
    assert split(text, language) == [text]


def test_a_line_break_ends_a_sentence_even_after_an_abbreviation() -> None:
    assert split("Berlin, 3. Okt.\nder Tag begann.", "de") == ["Berlin, 3. Okt.", "der Tag begann."]


def test_a_number_with_a_period_is_a_german_ordinal_but_an_english_end() -> None:
    assert split("Sie kamen am 3. März.", "de") == ["Sie kamen am 3. März."]
    assert split("The score was 3. March came.", "en") == ["The score was 3.", "March came."]


def test_sentence_at_keeps_opening_punctuation_and_offsets() -> None:
    text = "Le train est arrivé. « Nous sommes prêts », a dit M. Dupont."
    starts = sentence_starts(text, "fr")
    assert starts == [0, text.index("«")]
    assert sentence_at(text, starts, text.index("Dupont")) == text[text.index("«") :]


def test_an_unknown_language_uses_every_language_abbreviations() -> None:
    assert split("Il Dr. Rossi è arrivato. Òggi piove.", "it") == [
        "Il Dr. Rossi è arrivato.",
        "Òggi piove.",
    ]


@given(st.text(alphabet=st.sampled_from(list("aÄé ¿«».!?\n1Z»“„")), max_size=80))
def test_starts_are_increasing_offsets_of_the_text(text: str) -> None:
    starts = sentence_starts(text, "de")
    assert starts[0] == 0
    assert all(0 < b <= len(text) for b in starts[1:])
    assert starts == sorted(set(starts))
