"""Languages without rules of our own get dateparser's dates, resolved the same way."""

from __future__ import annotations

from datetime import UTC, datetime

from services.timeline.normalize import normalize

PUBLISHED = datetime(2025, 12, 15, 8, tzinfo=UTC)
ITALIAN = "Il ministro ha parlato il 13 dicembre. Ieri sera, a marzo 2024, e nel 2014."


def test_italian_dates_keep_their_precision() -> None:
    got = [(m.text, m.timex_value, m.granularity) for m in normalize(ITALIAN, PUBLISHED, "it")]
    assert got == [
        ("13 dicembre", "2025-12-13", "day"),
        ("Ieri", "2025-12-14", "day"),
        ("marzo 2024", "2024-03", "month"),
        ("2014", "2014", "year"),
    ]


def test_spans_index_the_text_exactly() -> None:
    for mention in normalize(ITALIAN, PUBLISHED, "it"):
        assert ITALIAN[mention.char_start : mention.char_end] == mention.text


def test_same_input_same_mentions() -> None:
    assert normalize(ITALIAN, PUBLISHED, "it") == normalize(ITALIAN, PUBLISHED, "it")


def test_a_language_dateparser_does_not_know_still_gets_numeric_dates() -> None:
    [mention] = normalize("Rien le 13/12/2025.", PUBLISHED, "xx")
    assert mention.timex_value == "2025-12-13"


def test_english_is_untouched_by_the_fallback() -> None:
    # dateparser's search would read "We" as Wednesday; English never asks it.
    assert normalize("We met the minister.", PUBLISHED, "en") == []


def test_edge_particles_are_left_out_of_the_span() -> None:
    [mention] = normalize("O ministro falou em 13 de dezembro.", PUBLISHED, "pt")
    assert (mention.text, mention.timex_value) == ("13 de dezembro", "2025-12-13")
