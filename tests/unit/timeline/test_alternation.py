"""Alternations grouped by first character match what the plain alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.timeline.temporal.alternation import by_first_character
from services.timeline.temporal.lexicon import MONTH_WORD, NUMBER_WORD, UNIT_WORD

LETTERS = "abAB"
WORDS = st.lists(st.text(LETTERS, min_size=2, max_size=4), min_size=1, max_size=8)
# Branches as the lexicon writes them: a quantifier, a class or a group after the first
# letter, and a tail ("\b" or "b") that can send re back into the alternation.
SUFFIXES = st.sampled_from(["", "?", "b?", "[ab]", "(?:a|bb)", r"\.?", r"\s+a"])


def found(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(
    heads=WORDS,
    suffixes=st.lists(SUFFIXES, min_size=8, max_size=8),
    tail=st.sampled_from(["", r"\b", "b", "(?!a)"]),
    flags=st.sampled_from(["", "(?i)"]),
    data=st.data(),
)
def test_grouped_finds_what_the_plain_alternation_finds(
    heads: list[str], suffixes: list[str], tail: str, flags: str, data: st.DataObject
) -> None:
    words = [head.lower() + suffix for head, suffix in zip(heads, suffixes, strict=False)]
    # Texts made of the words' own letters, so that branches compete for the same place.
    pieces = st.sampled_from([*heads, *(head.lower() for head in heads), " ", ".", "a", "b"])
    text = data.draw(st.lists(pieces, max_size=10).map("".join))
    plain = f"{flags}(?:{'|'.join(words)}){tail}"
    grouped = f"{flags}{by_first_character(*words)}{tail}"
    assert found(grouped, text) == found(plain, text)


@pytest.mark.parametrize("words", [("?a",), (r"\dx",), ("a*",), ("a{2}",), ("May", "mai"), ("",)])
def test_alternatives_that_could_change_the_winner_are_refused(words: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match=r"alternative|case"):
        by_first_character(*words)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (NUMBER_WORD, "a couple of", "a couple of"),
        (NUMBER_WORD, "twenty", "twenty"),
        (UNIT_WORD, "centuries", "centuries"),
        (MONTH_WORD, "Sept.", "Sept."),
        (MONTH_WORD, "MAY", "MAY"),
    ],
)
def test_the_lexicon_alternations_still_read_their_words(
    pattern: str, text: str, expected: str
) -> None:
    match = re.match(pattern, text)
    assert match is not None
    assert match.group() == expected
