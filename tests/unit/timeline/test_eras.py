"""Years before the common era."""

import pytest

from .helpers import pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 499 BC the tyrant fell.", [("499 BC", "BC0499")]),
        ("Carthage fell in 146 B.C. Rome ruled.", [("146 B.C.", "BC0146")]),
        ("Having crossed in April 480 BC, the army marched.", [("April 480 BC", "BC0480-04")]),
        ("A congress met in late autumn of 481 BC.", [("late autumn of 481 BC", "BC0481-FA")]),
        ("The Ionian Revolt (499-493 BC)", [("499", "BC0499"), ("493 BC", "BC0493")]),
        ("It lasted from 499 to 493 BC.", [("499", "BC0499"), ("493 BC", "BC0493")]),
        ("It was founded in the 9th century BC.", [("the 9th century BC", "BC08")]),
    ],
)
def test_years_before_the_era(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The station BCTV aired 480 programs.",  # an era marker must stand as its own word
        "Rooms 480 to 490 BC.",  # a span before the era counts down: 480 is no such year
    ],
)
def test_no_era_year(text: str) -> None:
    assert not [v for _, v in pairs(text) if v.startswith("BC0499") or v.startswith("BC0480")]


def test_a_story_told_before_the_era_counts_its_years_down() -> None:
    text = (
        "In 480 BC the Persians crossed into Europe. In September, the fleets met. "
        "They passed the winter in Thessaly. The next spring, the war resumed. On 27 August "
        "the city fell."
    )
    assert pairs(text) == [
        ("480 BC", "BC0480"),
        ("September", "BC0480-09"),
        ("the winter", "BC0480-WI"),
        ("The next spring", "BC0479-SP"),
        ("27 August", "BC0479-08-27"),
    ]


def test_a_date_of_the_era_ends_the_story_before_it() -> None:
    text = "In 480 BC the Persians came. In 1821, Greece rose. In March, the revolt spread."
    assert pairs(text)[-1] == ("March", "1821-03")


def test_the_following_year_before_the_era_counts_down() -> None:
    text = "In 492 BC Mardonius marched. The following year, Darius sent envoys."
    assert pairs(text) == [("492 BC", "BC0492"), ("The following year", "BC0491")]
