"""Sentences parsed once: their text, words, word counts and word set.

A sentence is repeated by every incident of its article that names a day, and a kept book
(the query service keeps one per read-model version) serves every request after the first;
parsing is then a dictionary lookup instead of a regular expression per incident.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from .furniture import is_furniture, strip_lead
from .text import Vector, inverse_document_frequency, tfidf, words


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
        self._readable: dict[str, Parsed | None] = {}

    def parse(self, sentence: str) -> Parsed:
        found = self._parsed.get(sentence)
        if found is None:
            found = self._parsed[sentence] = parse(sentence)
        return found

    def readable(self, sentence: Parsed) -> Parsed | None:
        """`sentence` as a summary may use it: without a dateline ahead of it, or None for
        a caption, a credit or a post (see furniture.py); remembered like the parse."""
        if sentence.text in self._readable:
            return self._readable[sentence.text]
        found: Parsed | None = None
        if not is_furniture(sentence.text):
            lead = strip_lead(sentence.text)
            found = sentence if lead == sentence.text else self.parse(lead)
        self._readable[sentence.text] = found
        return found

    def __len__(self) -> int:
        return len(self._parsed)


class Collection:
    """The sentences a story is told from, as the statistics TF-IDF weighs words by: each
    distinct sentence is one document. A sentence's vector depends only on the collection,
    so each is computed once, when the collection is made, however many stories read it."""

    def __init__(self, book: SentenceBook, sentences: Iterable[str]) -> None:
        self.book = book  # where the sentences are parsed
        parsed = (book.parse(s) for s in sentences)
        distinct = {s.text: s for s in parsed if s.text}
        self.idf = inverse_document_frequency([s.word_set for s in distinct.values()])
        self._vectors = {text: tfidf(s.counts, self.idf) for text, s in distinct.items()}

    def vector(self, sentence: Parsed) -> Vector:
        """The sentence's vector; one outside the collection (a lead cut from its dateline)
        is computed once too, and kept while the collection lives."""
        found = self._vectors.get(sentence.text)
        if found is None:
            found = self._vectors[sentence.text] = tfidf(sentence.counts, self.idf)
        return found
