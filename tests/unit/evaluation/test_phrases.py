from evaluation.phrases import phrase_key, phrase_rows, value_shape
from services.normalizer.timeml import Timex


def _pair(text: str, gold: str, system: str) -> tuple[Timex, Timex]:
    return Timex(0, len(text), text, "DATE", gold), Timex(0, len(text), text, "DATE", system)


def test_numbers_and_number_words_fold_into_one_phrase() -> None:
    assert phrase_key("Two years ago,") == phrase_key("three years ago") == "Q years ago"
    assert phrase_key("in 1998") == "in N"


def test_value_shape_keeps_form_and_granularity() -> None:
    assert value_shape("1998-W32") == "9999-W99"
    assert value_shape("1989-WXX") == "9999-WXX"


def test_rows_rank_phrases_by_wrong_values_and_drop_the_flawless() -> None:
    pairs = [
        _pair("last week", "1989-WXX", "1989-W43"),
        _pair("Last week", "1998-W32", "1998-W32"),
        _pair("last week", "1989-WXX", "1989-W42"),
        _pair("Friday", "1998-08-07", "1998-08-14"),
        _pair("today", "1998-08-07", "1998-08-07"),
    ]
    rows = phrase_rows(pairs, limit=5)
    assert [(row.phrase, row.wrong, row.paired) for row in rows] == [
        ("last week", 2, 3),
        ("friday", 1, 1),
    ]
    assert rows[0].gold == {"9999-WXX": 2, "9999-W99": 1}
    assert rows[0].system == {"9999-W99": 3}


def test_rows_stop_at_the_limit() -> None:
    pairs = [_pair(word, "A", "B") for word in ("today", "tomorrow", "tonight", "yesterday")]
    assert len(phrase_rows(pairs, limit=2)) == 2
