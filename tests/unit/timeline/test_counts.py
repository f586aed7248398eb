"""A number right before a plural noun counts it; a preposition or an article before it
makes it a year that modifies the noun. In every supported language."""

import pytest

from .helpers import pairs


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The club sold 1850 tickets across 30 towns.", []),
        ("en", "Police said 2000 protesters marched.", []),
        ("en", "The 1998 elections were close.", [("1998", "1998")]),
        ("en", "In 1990 elections were held.", [("1990", "1990")]),
        ("en", "The treaty was signed in 1850.", [("1850", "1850")]),
        ("de", "Damals arbeiteten 1990 Beschäftigte im Werk.", []),
        ("de", "Im Jahr 1990 arbeiteten dort viele Beschäftigte.", [("1990", "1990")]),
        ("fr", "Le club compte 1850 adhérents.", []),
        ("fr", "La loi date de 1850.", [("1850", "1850")]),
        ("es", "La ciudad tenía 1850 habitantes.", []),
        ("es", "La ley es de 1850.", [("1850", "1850")]),
    ],
)
def test_counts_before_plural_nouns_are_no_years(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, language=language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The eight-year war ended.", [("eight-year", "P8Y")]),
        ("They signed the two-week truce.", [("two-week", "P2W")]),
        ("It lasted the two weeks.", [("the two weeks", "P2W")]),
    ],
)
def test_an_adjectival_length_leaves_the_article_to_its_noun(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected


def test_an_approximator_belongs_to_the_length() -> None:
    assert pairs("The march took some 19 days.") == [("some 19 days", "P19D")]
    assert pairs("It lasted roughly four years.") == [("roughly four years", "P4Y")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Early in 1914 the alliance held.", [("Early in 1914", "1914")]),
        ("The temple was built ca. 466 BC.", [("ca. 466 BC", "BC0466")]),
        ("It fell in the middle of the 9th century.", [("the middle of the 9th century", "08")]),
    ],
)
def test_modifiers_belong_to_the_expression(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_in_the_summer_offensive_the_article_is_the_nouns() -> None:
    text = "In 1918 the army prepared. The Spring Offensive failed, and the summer campaign too."
    assert pairs(text) == [("1918", "1918"), ("Spring", "1918-SP"), ("summer", "1918-SU")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices may fall in the weeks ahead.", [("the weeks ahead", "PXW")]),
        ("Over the years the town grew.", [("the years", "PXY")]),
        ("It was a 3 year long siege.", [("3 year long", "P3Y")]),
    ],
)
def test_vague_and_adjectival_lengths(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
