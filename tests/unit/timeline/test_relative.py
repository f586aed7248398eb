import pytest

from services.timeline.mentions import TimexType

from .helpers import at, found, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left yesterday.", [("yesterday", "2025-12-14")]),
        ("He leaves tomorrow.", [("tomorrow", "2025-12-16")]),
        ("Talks resumed today.", [("today", "2025-12-15")]),
        ("Shots rang out last night.", [("last night", "2025-12-14TNI")]),
        ("He spoke this morning.", [("this morning", "2025-12-15TMO")]),
        ("Shares slid by mid-afternoon yesterday.", [("mid-afternoon yesterday", "2025-12-14TAF")]),
        ("The judge will rule at midday.", [("midday", "2025-12-15T12:00")]),
        ("It closed two days ago.", [("two days ago", "2025-12-13")]),
        ("Prices fell last week.", [("last week", "2025-W50")]),
        ("Prices fell earlier this month.", [("earlier this month", "2025-12")]),
        ("Rates rise next year.", [("next year", "2026")]),
        ("Rates fell last year.", [("last year", "2024")]),
    ],
)
def test_relative_to_publication(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_next_year_in_late_december() -> None:
    assert pairs("The law takes effect next year.", at(2025, 12, 31, 23)) == [("next year", "2026")]


def test_weekday_equal_to_publication_weekday_is_that_day() -> None:
    assert pairs("The minister resigned on Monday.") == [("Monday", "2025-12-15")]


def test_weekday_in_past_tense_is_before_publication() -> None:
    assert pairs("The minister said Friday that he resigned.") == [("Friday", "2025-12-12")]


def test_weekday_in_future_tense_is_after_publication() -> None:
    assert pairs("The minister will resign on Friday.") == [("Friday", "2025-12-19")]


def test_later_is_relative_to_the_date_mentioned_before() -> None:
    assert pairs("The storm hit on March 3, 2024. Two days later the river rose.") == [
        ("March 3, 2024", "2024-03-03"),
        ("Two days later", "2024-03-05"),
    ]


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before() -> None:
    text = "Profit rose in the third quarter, up from $5 million a year earlier."
    assert pairs(text, at(2025, 10, 20)) == [
        ("the third quarter", "2025-Q3"),
        ("a year earlier", "2024-Q3"),
    ]


def test_past_duration_reaches_back_from_publication() -> None:
    (mention,) = found("Prices rose over the past three months.")
    assert (mention.timex_value, mention.start, mention.end) == (
        "P3M",
        at(2025, 9, 15, 8),
        at(2025, 12, 15, 8),
    )


def test_the_next_day_follows_the_date_mentioned_before() -> None:
    assert pairs("The vote was on May 4, 2024. The next day, protests began.") == [
        ("May 4, 2024", "2024-05-04"),
        ("The next day", "2024-05-05"),
    ]


def test_weekend_in_past_tense_is_the_last_one() -> None:
    assert pairs("Protests grew over the weekend.") == [("the weekend", "2025-W50-WE")]


def test_weekday_with_part_of_day_keeps_the_day_value_and_the_part_interval() -> None:
    (mention,) = found("Shots were fired Friday night.")
    assert (mention.timex_value, mention.start, mention.end) == (
        "2025-12-12",
        at(2025, 12, 12, 20),
        at(2025, 12, 13, 6),
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met Friday evening.", "2025-12-12TEV"),
        ("They met Friday afternoon.", "2025-12-12TAF"),
    ],
)
def test_weekday_evening_or_afternoon_is_a_time_of_that_day(text: str, value: str) -> None:
    (mention,) = found(text)
    assert (mention.timex_type, mention.timex_value) == (TimexType.TIME, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened three years ago.", [("three years ago", "2022")]),
        ("It opened several years ago.", [("several years ago", "PAST_REF")]),
        ("Prices rose in recent years.", [("recent years", "PAST_REF")]),
        ("Prices rose in recent weeks.", [("recent weeks", "PXW")]),
        ("It is the worst crisis this century.", [("this century", "20")]),
    ],
)
def test_offsets_and_vague_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Organizers planned a rally on Friday.",
        "The union is planning to strike on Friday.",
        "The minister could arrive as early as Friday.",
    ],
)
def test_weekday_after_a_plan_is_the_coming_one(text: str) -> None:
    assert [m.timex_value for m in found(text)] == ["2025-12-19"]


def test_a_closing_day_keeps_the_quarter_a_year_earlier_refers_to() -> None:
    text = "Profit rose in the third quarter ended Sept. 30. It fell in the year-ago quarter."
    assert pairs(text)[-1] == ("the year-ago quarter", "2024-Q3")


def test_a_longer_stretch_ends_the_quarter_a_year_earlier_refers_to() -> None:
    text = "Profit rose in the third quarter. For the nine months, sales rose from a year earlier."
    assert pairs(text)[-1] == ("a year earlier", "2024")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He fled to Florida in June 1998 and returned to Cuba later that year.",
            [("June 1998", "1998-06"), ("later that year", "1998")],
        ),
        (
            "In March, it got an offer. The following month, it put itself up for sale.",
            [("March", "2025-03"), ("The following month", "2025-04")],
        ),
        (
            "Imports were $37 million in 1988, a small share of the total that year.",
            [("1988", "1988"), ("that year", "1988")],
        ),
    ],
)
def test_that_year_and_the_following_month_lean_on_the_time_mentioned_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected


def test_the_current_fiscal_year_is_this_year() -> None:
    assert pairs("Sales in the current fiscal year will rise.") == [
        ("the current fiscal year", "2025")
    ]


def test_the_year_period_after_a_quarter_is_that_quarter_of_the_year() -> None:
    text = "Profit rose in the third quarter. It earned $2 million in the 2024 quarter."
    assert pairs(text, at(2025, 10, 20)) == [
        ("the third quarter", "2025-Q3"),
        ("the 2024 quarter", "2024-Q3"),
    ]


def test_the_year_period_without_a_quarter_before_is_just_the_year() -> None:
    assert pairs("Sales fell in the 2024 period.", at(2025, 10, 20)) == [("2024", "2024")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The case is for today's youth what the war was for their parents.", []),
        ("I would have chosen the people of tomorrow.", []),
        ("Today's vote was close.", [("Today", "2025-12-15")]),
    ],
)
def test_today_in_general_is_no_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_previous_or_following_weekday_counts_from_the_day_talked_about() -> None:
    text = "Shares fell Friday from the previous Friday and rose the following Monday."
    assert pairs(text, at(1989, 10, 30)) == [
        ("Friday", "1989-10-27"),
        ("the previous Friday", "1989-10-20"),
        ("the following Monday", "1989-10-23"),
    ]
