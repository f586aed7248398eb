import pytest

from services.timeline.mentions import TimexType

from .helpers import at, found, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the fourth quarter.", [("the fourth quarter", "2025-Q4")]),
        ("Third-quarter profit rose.", [("Third-quarter", "2025-Q3")]),
        ("Sales rose in the first half of 2024.", [("the first half of 2024", "2024-H1")]),
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
        ("He is now in charge.", "PRESENT_REF", TimexType.DATE),
        ("He recently resigned.", "PAST_REF", TimexType.DATE),
        ("It will change in the future.", "FUTURE_REF", TimexType.DATE),
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
