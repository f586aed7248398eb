"""Sentences parsed once: their text, words, word counts and word set.

A sentence is repeated by every incident of its article that names a day, and a kept book
(the query service keeps one per read-model version) serves every request after the first;
parsing is then a dictionary lookup instead of a regular expression per incident.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from .text import words


class Parsed(NamedTuple):
    """One sentence as the summarizer reads it."""

    text: str  # whitespace collapsed
    tokens: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]  # each word's count, in order of first occurrence
    word_set: frozenset[str]


def parse(sentence: str) -> Parsed:
    text = " ".join(sentence.split())
    tokens = tuple(words(text))
    return Parsed(text, tokens, tuple(Counter(tokens).items()), frozenset(tokens))


class SentenceBook:
    """Parsed sentences by their raw text; a miss parses and keeps the sentence."""

    def __init__(self) -> None:
        self._parsed: dict[str, Parsed] = {}

    def parse(self, sentence: str) -> Parsed:
        found = self._parsed.get(sentence)
        if found is None:
            found = self._parsed[sentence] = parse(sentence)
        return found

    def __len__(self) -> int:
        return len(self._parsed)
