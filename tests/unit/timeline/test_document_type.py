"""News or narrative, decided from the text; a narrative's story starts at any date that
names its year, and an aside far from the story does not move it."""

from datetime import UTC, datetime

import pytest

from services.timeline.normalize import normalize
from services.timeline.temporal.document_type import DocumentType, document_type

from .helpers import PUBLISHED, pairs

HISTORY = (
    "The blockade began on 3 June 1862 when the fleet closed the harbour. On 12 June the "
    "first ship was turned back. Raids followed in 1863 and 1864, and the port fell in "
    "1865."
)
NEWS = (
    "The council voted yesterday to raise fares from 2026. Today the mayor said the 1998 "
    "plan was outdated and that riders would pay more next week."
)


def test_a_text_of_far_years_without_deictic_words_is_a_narrative() -> None:
    assert document_type(HISTORY, 2025) is DocumentType.NARRATIVE


def test_a_report_anchored_to_its_publication_is_news() -> None:
    assert document_type(NEWS, 2025) is DocumentType.NEWS


def test_years_before_the_era_count_as_far() -> None:
    text = "In 480 BC the fleet sailed; in 479 BC it won; 478 BC and 477 BC were quiet."
    assert document_type(text, 2025) is DocumentType.NARRATIVE


def test_in_a_narrative_a_date_inside_a_clause_starts_the_story() -> None:
    found = dict(pairs(HISTORY))
    assert found["12 June"] == "1862-06-12"


def test_the_caller_may_say_the_document_type() -> None:
    text = "The fleet closed the harbour on 3 June 1862. On 12 June a ship was turned back."
    as_news = normalize(text, PUBLISHED, document_type=DocumentType.NEWS)
    as_story = normalize(text, PUBLISHED, document_type=DocumentType.NARRATIVE)
    assert as_news[1].timex_value == "2025-06-12"
    assert as_story[1].timex_value == "1862-06-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An aside far from the story that the text does not take up leaves it.
        (
            "In June 1862 the fleet closed the harbour. Letters published in 1998 show "
            "doubts. In August envoys were sent.",
            [("June 1862", "1862-06"), ("1998", "1998"), ("August", "1862-08")],
        ),
        # A year inside a clause that the text does not take up is an aside too.
        (
            "On 10 March 1975 the offensive began, ahead of a campaign planned for 1976. "
            "The town fell on 11 March. The capital fell on 30 April 1975.",
            [
                ("10 March 1975", "1975-03-10"),
                ("1976", "1976"),
                ("11 March", "1975-03-11"),
                ("30 April 1975", "1975-04-30"),
            ],
        ),
        # Taken up by the next year named, the far date moves the story.
        (
            "In June 1862 the fleet closed the harbour. In 1914 a new war began, and in "
            "1915 it spread. In August envoys were sent.",
            [("June 1862", "1862-06"), ("1914", "1914"), ("1915", "1915"), ("August", "1915-08")],
        ),
    ],
)
def test_asides(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, datetime(2025, 12, 15, tzinfo=UTC)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Revere rode on the night of April 18, 1775.",
         [("the night of April 18, 1775", "1775-04-18TNI")]),
        ("The attack came early in the morning of 29 April 1975.",
         [("early in the morning of 29 April 1975", "1975-04-29TMO")]),
        ("In May 1862 the fleet sailed. It struck on the night of 13 May.",
         [("May 1862", "1862-05"), ("the night of 13 May", "1862-05-13TNI")]),
        ("The city fell in the early morning hours of 30 April 1975.",
         [("the early morning hours of 30 April 1975", "1975-04-30TMO")]),
    ],
)  # fmt: skip
def test_a_part_of_day_of_a_date_is_one_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1862 the fleet sailed. The next year the blockade was lifted.",
         [("1862", "1862"), ("The next year", "1863")]),
        ("In May 1862 the fleet sailed. By the next month it was home.",
         [("May 1862", "1862-05"), ("the next month", "1862-06")]),
        # A preposition of extent keeps it a length.
        ("In 1862 the fleet sailed. Over the next year it fought.",
         [("1862", "1862"), ("the next year", "P1Y")]),
        # Outside a story it is the year to come, as a length from now.
        ("Prices will rise over the next year.", [("the next year", "P1Y")]),
    ],
)  # fmt: skip
def test_the_next_unit_in_a_story_is_a_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1940 France fell. In August of that year the air war began.",
         [("1940", "1940"), ("August of that year", "1940-08")]),
        ("The assembly met on June 20 of 1792.", [("June 20 of 1792", "1792-06-20")]),
        ("In March 1918 the offensive stalled; it had begun the previous April.",
         [("March 1918", "1918-03"), ("the previous April", "1917-04")]),
        ("In May 1918 the offensive stalled. It resumed the following April.",
         [("May 1918", "1918-05"), ("the following April", "1919-04")]),
    ],
)  # fmt: skip
def test_months_of_the_year_talked_about(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
