from decimal import Decimal

from evaluation.scoring import Counts, metrics, pair, percent, tokens
from services.normalizer.timeml import Timex


def timex(text: str, part: str, value: str = "X", kind: str = "DATE", nth: int = 0) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Timex(start, start + len(part), part, kind, value)


def test_one_hyphen_splits_a_word_two_do_not() -> None:
    text = "In 2012-13 and on 1998-08-07."
    words = [text[s:e] for s, e in tokens(text)]
    assert words == ["In", "2012", "-", "13", "and", "on", "1998-08-07", "."]


def test_overlap_is_on_tokens_not_characters() -> None:
    text = "It was the 1990s."
    gold = [timex(text, "1990s")]
    system = [timex(text, "1990")]
    assert len(pair(text, gold, system)) == 1


def test_pairing_is_one_to_one_left_to_right() -> None:
    text = "Friday morning and evening"
    gold = [timex(text, "Friday morning and evening")]
    system = [timex(text, "Friday"), timex(text, "evening")]
    pairs = pair(text, gold, system)
    assert [(g.text, s.text) for g, s in pairs] == [("Friday morning and evening", "Friday")]


def test_system_timex_starting_inside_gold_pairs_with_it() -> None:
    text = "in the past two months"
    gold = [timex(text, "the past two months")]
    system = [timex(text, "two months")]
    assert len(pair(text, gold, system)) == 1


def test_counts_strict_relaxed_type_and_value() -> None:
    text = "On Friday, late last year, and in 1998."
    gold = [
        timex(text, "Friday", "1998-08-07"),
        timex(text, "late last year", "1997"),
        timex(text, "1998", "1998"),
    ]
    system = [
        timex(text, "Friday", "1998-08-07"),
        timex(text, "last year", "1997"),
        timex(text, "1998", "P1998Y", "DURATION"),
        timex(text, "On", "X"),
    ]
    counts = Counts()
    counts.add(text, gold, system)
    assert (counts.gold, counts.system, counts.relaxed, counts.strict) == (3, 4, 3, 2)
    assert (counts.type_equal, counts.value_equal) == (2, 2)
    figures = metrics(counts)
    assert figures["relaxed_precision"] == Decimal("75.00")
    assert figures["relaxed_recall"] == Decimal("100.00")
    assert figures["relaxed_f1"] == Decimal("85.71")
    assert figures["value_accuracy"] == Decimal("66.67")
    assert figures["value_f1"] == Decimal("57.14")


def test_blank_timexes_are_dropped() -> None:
    counts = Counts()
    counts.add("a  b", [Timex(1, 2, " ", "DATE", "X")], [])
    assert counts.gold == 0


def test_rounding_is_half_away_from_zero() -> None:
    assert percent(0.123450) == Decimal("12.35")
    assert percent(0.5) == Decimal("50.00")
