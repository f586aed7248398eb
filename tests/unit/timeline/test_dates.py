from datetime import datetime

import pytest

from services.timeline.mentions import Granularity

from .helpers import at, found, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on Dec. 13 in the capital.", [("Dec. 13", "2025-12-13")]),
        ("It happened on 13 December 2024.", [("13 December 2024", "2024-12-13")]),
        ("It happened on December 13, 2024.", [("December 13, 2024", "2024-12-13")]),
        ("The file is dated 2024-12-13.", [("2024-12-13", "2024-12-13")]),
        ("The form is dated 12/13/2024.", [("12/13/2024", "2024-12-13")]),
        ("He arrived Monday, Oct. 6, in Paris.", [("Monday, Oct. 6", "2025-10-06")]),
        ("Sales fell in March 2024.", [("March 2024", "2024-03")]),
        ("Sales fell in March.", [("March", "2025-03")]),
        ("Prices rose in late November.", [("late November", "2025-11")]),
        ("The plan starts next April.", [("next April", "2026-04")]),
        ("A hearing is set for the week of Dec. 1.", [("the week of Dec. 1", "2025-W49")]),
    ],
)
def test_calendar_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_day_without_year_far_in_the_future_is_read_as_last_year() -> None:
    assert pairs("Prices peaked on Dec. 20.", at(2026, 1, 5)) == [("Dec. 20", "2025-12-20")]


@pytest.mark.parametrize(
    "text",
    [
        "You may go now or march later.",
        "He came second.",
        "They sat down.",
        "The share costs $27 and rose 50% while the 737 flew.",
        "Drive down Route 66 or call 555-2014.",
        "Some 1,200 people and 1999 shares.",
    ],
)
def test_traps_are_not_dates(text: str) -> None:
    assert [
        m
        for m in found(text)
        if m.timex_type.value in {"DATE", "TIME"} and m.timex_value[0].isdigit()
    ] == []


def test_we_is_not_wednesday() -> None:
    assert pairs("We said we would come.") == []


def test_bare_year_is_the_whole_year() -> None:
    (mention,) = found("The 2014 siege shocked the city.")
    assert (mention.start, mention.end, mention.granularity) == (
        at(2014, 1, 1),
        at(2015, 1, 1),
        Granularity.YEAR,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was built in the 1990s.", [("the 1990s", "199")]),
        ("A song from the '90s played.", [("the '90s", "199")]),
        ("They met in '58 at school.", [("'58", "1958")]),
        ("It dates from the 19th century.", [("the 19th century", "18")]),
        ("Sales rose in fiscal 2024.", [("fiscal 2024", "2024")]),
    ],
)
def test_years_decades_centuries(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_decade_interval() -> None:
    (mention,) = found("It was built in the 1990s.")
    assert (mention.start, mention.end, mention.granularity) == (
        at(1990, 1, 1),
        at(2000, 1, 1),
        Granularity.DECADE,
    )


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # The nearest January, two months ahead: a closing that is yet to come.
        ("The closing, which is anticipated, is set for January.", at(2025, 11, 2), "2026-01"),
        # A month just behind publication, even with a future cue far away in the sentence.
        ("Found adrift in late November, the sailor will testify.", at(2026, 1, 6), "2025-11"),
        # A passive future is a future cue, though its participle ends in -ed.
        ("A pilot will be named for the flight in December.", at(2026, 3, 4), "2026-12"),
        # Far ahead and no future cue: news reports the past, so last year's.
        ("Sales slumped in September.", at(2026, 3, 1), "2025-09"),
    ],
)
def test_bare_month_is_the_nearest_one_unless_tense_pulls_it(
    text: str, published: datetime, value: str
) -> None:
    assert [m.timex_value for m in found(text, published)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The summit meets on April 24 and 25, 2026.",
            [("April 24", "2026-04-24"), ("25, 2026", "2026-04-25")],
        ),
        ("Talks were held on Dec. 3-4.", [("Dec. 3", "2025-12-03"), ("4", "2025-12-04")]),
        # A count after the range is not a day.
        ("It passed on Dec. 1 to 5 people's dismay.", [("Dec. 1", "2025-12-01")]),
    ],
)
def test_a_second_day_shares_the_month_and_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Throughout 1915-17, losses grew.", [("1915", "1915"), ("17", "1917")]),
        ("Eastern Theater 1861–1863", [("1861", "1861"), ("1863", "1863")]),
        ("The 2009-2010 season ended.", [("2009", "2009"), ("2010", "2010")]),
        (
            "The battle (14 August-24 August) was lost.",
            [("14 August", "2025-08-14"), ("24 August", "2025-08-24")],
        ),
        (
            "It was fought on 6-7 January 1916.",
            [("6", "1916-01-06"), ("7 January 1916", "1916-01-07")],
        ),
        (
            "It took place on 31 May-1 June 1916.",
            [("31 May", "1916-05-31"), ("1 June 1916", "1916-06-01")],
        ),
        ("In April and June 1955, he struck.", [("April", "1955-04"), ("June 1955", "1955-06")]),
        ("The talks ran May 3-5.", [("May 3", "2025-05-03"), ("5", "2025-05-05")]),
    ],
)
def test_spans_and_lists_of_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call 1961-20 for details.",  # the second number is smaller: no span of years
        "The 1990-1 count.",  # a single digit after the dash is no year
        "Sales of 1,915-17 units.",
    ],
)
def test_numbers_with_dashes_that_are_no_spans(text: str) -> None:
    assert [v for _, v in pairs(text) if v.startswith("19")] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The target is '95.", at(1989, 10, 30), [("'95", "1995")]),  # within ten years ahead
        ("The class of '99 met.", at(2025, 12, 15), [("'99", "1999")]),
    ],
)
def test_two_digit_years_in_any_century(
    text: str, published: datetime, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, published) == expected


def test_a_two_digit_year_in_a_story_takes_the_story_century() -> None:
    text = "In October 1917, the army called up the '99 boys."
    assert pairs(text) == [("October 1917", "1917-10"), ("'99", "1899")]
