"""Narrative time: partial dates lean on the time the text is telling about."""

import pytest

from .helpers import pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date that names its year and opens its sentence starts a story.
        (
            "In March 1968, the offensive began. In May, it stalled.",
            [("March 1968", "1968-03"), ("May", "1968-05")],
        ),
        (
            "On 9 September 1914 the plan was outlined. On 7 August, troops invaded.",
            [("9 September 1914", "1914-09-09"), ("7 August", "1914-08-07")],
        ),
        # The story follows the partial dates placed in it.
        (
            "In 1941, Germany attacked. On June 22 the invasion began. Two weeks later it "
            "reached Smolensk.",
            [("1941", "1941"), ("June 22", "1941-06-22"), ("Two weeks later", "1941-W27")],
        ),
        (
            "By 1917 the army was exhausted. During the summer, mutinies spread. By the end "
            "of the year, the front held.",
            [("1917", "1917"), ("the summer", "1917-SU"), ("the end of the year", "1917")],
        ),
        (
            "In 1946 the truce failed. Later in the year, fighting resumed.",
            [("1946", "1946"), ("Later in the year", "1946")],
        ),
        (
            "In 1777 the army camped at Valley Forge. The next spring, it emerged.",
            [("1777", "1777"), ("The next spring", "1778-SP")],
        ),
        # A heading opens the story of the section under it.
        (
            "War in the north, 1775\n\nOn April 19, militia met the regulars.",
            [("1775", "1775"), ("April 19", "1775-04-19")],
        ),
    ],
)
def test_partial_dates_take_the_story_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year inside a clause places its own event only: "in March" is the news's.
        (
            "The company was founded in 1965. In March, it cut 300 jobs.",
            [("1965", "1965"), ("March", "2025-03")],
        ),
        # "Since 1949" reaches the present, so it frames no story.
        (
            "Since 1949, the alliance has grown. Its summit will be held in April.",
            [("1949", "1949"), ("April", "2026-04")],
        ),
        # "since" names the start of a state lasting to the time talked about.
        (
            "In 1941, Japan attacked. It had held Manchuria since 1931. In May, it struck.",
            [("1941", "1941"), ("1931", "1931"), ("May", "1941-05")],
        ),
        # A date before a noun names an event ("the Aug. 7, 1998, bombings").
        (
            "The Aug. 7, 1998, bombings killed 224. The suspect was caught in December.",
            [("Aug. 7, 1998", "1998-08-07"), ("December", "2025-12")],
        ),
    ],
)
def test_dates_that_frame_no_story(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_a_deictic_expression_leaves_the_story_alone() -> None:
    text = (
        "In 1975, the army collapsed. Thieu said he had been tricked two years ago. "
        "On 25 April, he left."
    )
    assert pairs(text) == [("1975", "1975"), ("two years ago", "2023"), ("25 April", "1975-04-25")]


def test_deictic_expressions_keep_the_publication_inside_a_story() -> None:
    text = "In 1941, the war widened. Last year historians met; today they agree."
    assert pairs(text) == [("1941", "1941"), ("Last year", "2024"), ("today", "2025-12-15")]


def test_a_quoted_today_keeps_the_story() -> None:
    text = 'In March 1968, he said: "We will win today." On 25 April, he left.'
    assert pairs(text)[-1] == ("25 April", "1968-04-25")


def test_a_month_after_a_dash_joins_the_span() -> None:
    assert pairs("The battle (August-September 1950) was won.") == [
        ("August", "1950-08"),
        ("September 1950", "1950-09"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 1942 the army regrouped. Then it launched its summer offensive.",
            [("1942", "1942"), ("summer", "1942-SU")],
        ),
        (
            "In 1776 the siege went on. It continued through the fall and winter.",
            [("1776", "1776"), ("the fall", "1776-FA"), ("winter", "1776-WI")],
        ),
    ],
)
def test_seasons_that_name_when_an_event_happened(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected


def test_a_season_as_a_noun_is_no_date() -> None:
    assert pairs("Winter said the fall in prices hurt.") == []


def test_clock_times_and_holidays_in_a_story_take_its_year() -> None:
    text = "In 2003, the war began at 9:34 p.m., March 19. By Christmas, it was over."
    assert pairs(text) == [
        ("2003", "2003"),
        ("9:34 p.m., March 19", "2003-03-19T21:34"),
        ("Christmas", "2003-12-25"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Im März 1968 begann die Offensive. Im Mai stockte sie.", "1968-05"),
        ("fr", "En mars 1968, l'offensive commença. Le 7 mai, elle cessa.", "1968-05-07"),
        ("es", "En marzo de 1968 empezó la ofensiva. En mayo se detuvo.", "1968-05"),
        ("de", "Seit 1990 wächst die Stadt. Im Mai kam der Minister.", "2025-05"),
    ],
)
def test_stories_in_de_fr_es(language: str, text: str, expected: str) -> None:
    assert pairs(text, language=language)[-1][1] == expected


def test_a_glance_back_leaves_the_story_where_it_was() -> None:
    text = (
        "In 1965, the Marines landed. He repeated a warning made two decades earlier. "
        "In May, the army was defeated."
    )
    assert pairs(text) == [("1965", "1965"), ("two decades earlier", "1945"), ("May", "1965-05")]
