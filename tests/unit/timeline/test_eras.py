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
