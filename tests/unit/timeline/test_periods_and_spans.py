import pytest

from services.timeline.mentions import TimexType

from .helpers import at, found, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the fourth quarter.", [("the fourth quarter", "2025-Q4")]),
        ("Third-quarter profit rose.", [("Third-quarter", "2025-Q3")]),
        ("Sales rose in the first half of 2024.", [("the first half of 2024", "2024-H1")]),
        ("Costs fell in the last half of 2023.", [("the last half of 2023", "2023-H2")]),
        (
            "Orders will slow in the first two quarters of 2026.",
            [("the first two quarters of 2026", "2026-H1")],
        ),
        ("Its reach grew in the last half of the '90s.", [("the '90s", "199")]),
        ("It will take the next couple of years.", [("the next couple of years", "P2Y")]),
        ("It opened last summer.", [("last summer", "2025-SU")]),
        ("It will open this winter.", [("this winter", "2025-WI")]),
        ("Shops close on Christmas Day.", [("Christmas Day", "2025-12-25")]),
        ("It ended at 3:30 p.m. Friday.", [("3:30 p.m. Friday", "2025-12-12T15:30")]),
    ],
)
def test_periods(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_clock_time_zone_moves_the_interval_not_the_value() -> None:
    (mention,) = found("It ended at 10 a.m. EST today.")
    assert mention.timex_value == "2025-12-15T10:00"
    assert mention.start == at(2025, 12, 15, 15)


@pytest.mark.parametrize(
    ("text", "value", "timex_type"),
    [
        ("The siege lasted 17 hours.", "PT17H", TimexType.DURATION),
        ("The talks lasted two weeks.", "P2W", TimexType.DURATION),
        ("It took a decade.", "P10Y", TimexType.DURATION),
        ("He signed a five-year contract.", "P5Y", TimexType.DURATION),
        ("The paper is printed daily.", "P1D", TimexType.SET),
        ("The board meets every week.", "P1W", TimexType.SET),
        ("It costs $5 a day.", "P1D", TimexType.SET),
        ("The fair opens each June.", "XXXX-06", TimexType.SET),
        ("The shop closes on Sundays.", "XXXX-WXX-7", TimexType.SET),
        ("The choir sings Friday evenings.", "XXXX-WXX-5TEV", TimexType.SET),
        ("He is now in charge.", "PRESENT_REF", TimexType.DATE),
        ("He recently resigned.", "PAST_REF", TimexType.DATE),
        ("It will change in the future.", "FUTURE_REF", TimexType.DATE),
        ("Margins will stay thin in the near term.", "FUTURE_REF", TimexType.DATE),
        ("It will be built at a later date.", "FUTURE_REF", TimexType.DATE),
        ("He paid the then-current price.", "PAST_REF", TimexType.DATE),
    ],
)
def test_durations_sets_and_references(text: str, value: str, timex_type: TimexType) -> None:
    (mention,) = found(text)
    assert (mention.timex_value, mention.timex_type) == (value, timex_type)
    assert not mention.anchorable


def test_floating_duration_has_no_interval() -> None:
    (mention,) = found("The siege lasted 17 hours.")
    assert mention.start is None
    assert mention.granularity is None


def test_the_year_is_the_current_year_unless_a_fiscal_year_ends() -> None:
    assert pairs("Sales for the full year rose.") == [("the full year", "2025")]
    assert pairs("In the year ended March 31, sales rose.") == [
        ("the year", "P1Y"),
        ("March 31", "2025-03-31"),
    ]


@pytest.mark.parametrize(
    ("month", "value"),
    [
        ("Sept. 30", "2025-Q3"),
        ("July 31", "2025-Q2"),
        ("Aug. 31", "2025-Q3"),
        ("Jan. 31", "2024-Q4"),
    ],
)
def test_quarter_ended_month_is_the_calendar_quarter_of_its_middle_month(
    month: str, value: str
) -> None:
    text = f"In the quarter ended {month}, profit rose."
    assert pairs(text, at(2025, 10, 20))[0] == ("the quarter", value)


def test_fiscal_quarter_keeps_its_number_when_its_end_is_given() -> None:
    text = (
        "Profit rose in the fiscal-first quarter. For the quarter ended Sept. 30, "
        "sales rose from a year earlier. During the quarter, it hired."
    )
    assert [v for _, v in pairs(text, at(1989, 10, 26))][:4] == [
        "1989-Q1",
        "1989-Q1",
        "1989-09-30",
        "1988-Q1",
    ]
    assert pairs(text, at(1989, 10, 26))[-1] == ("the quarter", "1989-Q1")


def test_year_ago_quarter_shifts_the_quarter_under_discussion() -> None:
    text = "Third-quarter profit rose from the year-ago quarter."
    assert pairs(text, at(2025, 10, 20)) == [
        ("Third-quarter", "2025-Q3"),
        ("the year-ago quarter", "2024-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("It took 2 1/2 years.", "P2Y6M"), ("It took 5 1/2 hours.", "PT5H30M")],
)
def test_fractional_durations_use_the_next_smaller_unit(text: str, value: str) -> None:
    assert [m.timex_value for m in found(text)] == [value]


def test_two_digit_decade_is_the_latest_begun_by_publication() -> None:
    assert pairs("Prices peaked in the '80s.", at(1989, 10, 1)) == [("the '80s", "198")]


def test_payable_date_points_forward() -> None:
    assert pairs("The dividend is payable Jan. 2.", at(2025, 11, 2)) == [("Jan. 2", "2026-01-02")]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith, 52 years old, retired.",
        "She spoke on CBS's 60 Minutes.",
        "He said on ABC's This Week that",
        "It was high noon.",
    ],
)
def test_ages_titles_and_idioms_are_not_temporal(text: str) -> None:
    assert pairs(text) == []


def test_month_with_relative_year_is_one_expression() -> None:
    assert pairs("It began in June last year.") == [("June last year", "2024-06")]


def test_clock_time_with_a_date() -> None:
    assert pairs("The offer expires at 5 p.m. EST Nov. 9.", at(2025, 11, 2)) == [
        ("5 p.m. EST Nov. 9", "2025-11-09T17:00")
    ]


def test_election_day() -> None:
    assert pairs("Voters go to the polls on Election Day.", at(2026, 10, 1)) == [
        ("Election Day", "2026-11-03")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant opened in nineteen eighty-four.", [("nineteen eighty-four", "1984")]),
        ("March nineteen ninety-one. A flood.", [("March nineteen ninety-one", "1991-03")]),
        (
            "It froze in the winter of nineteen seventy-nine.",
            [("the winter of nineteen seventy-nine", "1979-WI")],
        ),
    ],
)
def test_spoken_years_take_their_month_or_season(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A minute and a half later, a pilot called.", [("A minute and a half", "PT1M30S")]),
        ("The trial lasted two and a half years.", [("two and a half years", "P2Y6M")]),
        ("They talked for an hour and a half.", [("an hour and a half", "PT1H30M")]),
    ],
)
def test_and_a_half_is_half_the_unit_more(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_an_amount_in_the_sentence_before_does_not_make_a_rate() -> None:
    found_here = found("Profit was $2 million in 1989. Over a minute, shares fell.")
    assert [(m.text, m.timex_type.value) for m in found_here][-1] == ("a minute", "DURATION")


@pytest.mark.parametrize(
    "phrase",
    ["the quarter a year ago", "the corresponding period last year", "last year's quarter"],
)
def test_reported_quarter_a_year_back(phrase: str) -> None:
    text = f"Third-quarter sales fell from {phrase}."
    assert pairs(text, at(1989, 11, 1))[-1] == (phrase, "1988-Q3")


def test_that_quarter_is_the_reported_quarter() -> None:
    text = "It lost money in the third quarter. Results for that quarter included a charge."
    assert pairs(text, at(1989, 11, 1))[-1] == ("that quarter", "1989-Q3")


def test_forecast_quarter_and_adjective_span_leave_the_reported_quarter() -> None:
    text = (
        "Third-quarter profit fell, ending a two-year boom. Analysts expect the slump "
        "will continue into the fourth quarter. In the year-ago period, it earned more."
    )
    assert pairs(text, at(1989, 10, 26))[-1] == ("the year-ago period", "1988-Q3")


def test_quarter_dated_by_its_end() -> None:
    text = "In the second quarter ended Oct. 31, 1988, it lost money."
    assert pairs(text, at(1989, 10, 27))[0] == ("the second quarter", "1988-Q2")


def test_term_as_an_adjective_is_no_reference() -> None:
    assert found("It cut its short-term debt and long-term costs.") == []


def test_latest_fiscal_year_is_the_last_one_closed() -> None:
    assert pairs("Sales fell in the latest fiscal year.", at(1989, 10, 27)) == [
        ("the latest fiscal year", "1988")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They marched (19:00-03:00hrs).",
            [("19:00", "2025-12-15T19:00"), ("03:00hrs", "2025-12-15T03:00")],
        ),
        ("He won in 2:08:44 flat.", [("2:08:44", "PT2H8M44S")]),
        ("The flight took 1:05:00.", [("1:05:00", "PT1H5M")]),
    ],
)
def test_colon_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bell rang at 14:35:20.",  # a clock time to the second, not a length
        "The mix was 12:30:45:10 by weight.",  # four numbers joined by colons are a ratio
        "The score was 3-2 at 1:05:00a.",
    ],
)
def test_colon_forms_that_are_no_durations(text: str) -> None:
    assert not [v for _, v in pairs(text) if v.startswith("PT")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks went on for years.", [("years", "PXY")]),
        ("The city fell within days.", [("days", "PXD")]),
        ("It grew for the first time in years.", [("years", "PXY")]),
        ("Ukraine was ruled from Moscow for centuries.", [("centuries", "PXY")]),
    ],
)
def test_plural_units_as_vague_lengths(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "His car was seen in the days before the shooting.",  # points at a time, no length
        "They met for days later in the year.",
        "He believes in years of service.",  # a unit that measures a noun: no length
    ],
)
def test_plural_units_that_are_no_vague_lengths(text: str) -> None:
    assert not [v for _, v in pairs(text) if v.startswith("PX")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They meet twice a year.", [("twice a year", "P1Y")]),
        ("Prices rise three times a week.", [("three times a week", "P1W")]),
        ("It resumes within two to three weeks.", [("two to three weeks", "P2W")]),
        ("It will take between 12 and 18 months.", [("12 and 18 months", "P12M")]),
        # A comparative measures a length; it points at no date.
        ("The vote came a month earlier than planned.", [("a month", "P1M")]),
    ],
)
def test_frequencies_spans_of_lengths_and_comparatives(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected
    assert all(m.timex_type in {TimexType.SET, TimexType.DURATION} for m in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "Profit rose 10 and 20 years ago.",  # "and" joins lengths only after "between"
        "He scored twice a minute before the end.",  # no 'a' unit: "a minute before"
    ],
)
def test_no_span_of_lengths(text: str) -> None:
    assert not [m for m in found(text) if " and " in m.text or m.text.startswith("twice")]
