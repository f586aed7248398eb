"""Which way an expression without a year or week points, decided by the verb around it."""

from datetime import datetime

import pytest

from services.timeline.temporal.context import Context

from .helpers import PUBLISHED, at, pairs


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The verb before the expression governs it; a participle after it does not.
        (
            "Qantas will double its flights by August in markets untouched by the crisis.",
            at(1998, 2, 13),
            [("August", "1998-08")],
        ),
        # Without any cue a date months ahead is the one before: news reports the past.
        (
            "Investigators have been searching for him since shortly after the Oct. 23 slaying.",
            at(1999, 5, 6),
            [("Oct. 23", "1998-10-23")],
        ),
        (
            "The index is near its record high set on Aug. 6.",
            at(1998, 2, 6),
            [("Aug. 6", "1997-08-06")],
        ),
        # An initial is not the end of a sentence, so "will" still reaches the date.
        (
            "Mr. Schwarz will succeed Daniel P. Davison Feb. 1, soon after Mr. Davison retires.",
            at(1989, 10, 26),
            [("Feb. 1", "1990-02-01")],
        ),
        # An intention ("agreed to", "a program to") points ahead of the verb.
        (
            "Thermo agreed to purchase the line for $22 million in February.",
            at(1989, 10, 30),
            [("February", "1990-02")],
        ),
        (
            "It is part of a program to pay down the loan by February.",
            at(1989, 10, 30),
            [("February", "1990-02")],
        ),
        # An -ed adjective after an article is no past verb.
        (
            "The split would be paid on a still unspecified date in March.",
            at(1989, 10, 27),
            [("March", "1990-03")],
        ),
        # A passive future with an adverb in it is still a future.
        (
            "He added that a ceremony would still be held at the summit on April 24.",
            at(1999, 2, 10),
            [("April 24", "1999-04-24")],
        ),
    ],
)
def test_dates_follow_the_governing_verb(
    text: str, published: datetime, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published on a Monday (2025-12-15).
        ("On Tuesday, the league plans to hold a news conference.", "2025-12-16"),
        ("The father would be traveling to the United States Thursday.", "2025-12-18"),
        ("The blasts next to the embassy on Friday killed dozens.", "2025-12-12"),
        ("Relatives will look for ways around Wednesday's ruling.", "2025-12-10"),
        (
            "The bullet that tore through his window could not be stopped Friday night.",
            "2025-12-12",
        ),
    ],
)
def test_weekdays_follow_the_governing_verb(text: str, expected: str) -> None:
    assert [value for _, value in pairs(text)][-1] == expected


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Prices rose in the United States in May.", "past"),  # "United" is no verb
        ("Demand will need support in May.", "future"),  # "need" is no past form
        ("He has been on patrol since May.", "past"),
        ("Talks begin in May.", "none"),
    ],
)
def test_tense_cues(text: str, tense: str) -> None:
    ctx = Context(text=text, published_at=PUBLISHED)
    start = text.index("May")
    assert ctx.tense(start, start + 3) == tense


@pytest.mark.parametrize(
    ("text", "month", "value"),
    [
        ("The banks extended the loans through January.", "January", "1990-01"),
        ("The strike lasted through June.", "June", "1989-06"),
    ],
)
def test_deadline_month_a_few_months_ahead_is_the_coming_one(
    text: str, month: str, value: str
) -> None:
    assert pairs(text, at(1989, 10, 27)) == [(month, value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published on a Monday (2025-12-15).
        # "agreed to" + a noun agrees to a thing: the date is the agreement's, in the past.
        ("The rebels agreed to the truce on Friday.", "2025-12-12"),
        # "agreed to" + a verb: what is to be done lies ahead.
        ("The rebels agreed to disarm on Friday.", "2025-12-19"),
        # An intention after a date that opens the sentence is the verb it modifies.
        ("On Friday, the government planned to pay the debt.", "2025-12-12"),
        ("The team planned to leave on Thursday.", "2025-12-18"),
        ("Organizers planned a rally on Friday.", "2025-12-19"),
        # A participle after its noun describes it: the service was to be on a past Saturday.
        ("A service planned at the university for Saturday was canceled.", "2025-12-13"),
        ("Trading is to resume in Paris Tuesday.", "2025-12-16"),
        # "could not" and "could be located" tell what failed, not what may come.
        ("The minister could not be reached Friday.", "2025-12-12"),
        ("Neither he nor his aides could be located Wednesday.", "2025-12-10"),
        # A plan in the past perfect was overtaken: its day has passed.
        ("The offer had been due to expire Friday.", "2025-12-12"),
    ],
)
def test_the_verb_the_expression_modifies_decides(text: str, expected: str) -> None:
    assert [value for _, value in pairs(text)][-1] == expected
