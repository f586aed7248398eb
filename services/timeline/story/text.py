"""Sentences as bags of words: TF-IDF vectors, cosine similarity and token overlap."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]

# Words of letters only: numbers and punctuation say little about what happened, and a run of
# timestamps ("June 02, 2010 2:18 PM") must not pass for a sentence.
_WORD = re.compile(r"[^\W\d_]+")


def words(sentence: str) -> list[str]:
    """Lower-cased words of `sentence`."""
    return _WORD.findall(sentence.lower())


def inverse_document_frequency(documents: Sequence[Iterable[str]]) -> dict[str, float]:
    """Smoothed idf over `documents` (each an iterable of words)."""
    frequency: Counter[str] = Counter()
    for document in documents:
        frequency.update(set(document))
    total = len(documents)
    return {word: math.log((1 + total) / (1 + count)) + 1 for word, count in frequency.items()}


def tfidf(tokens: Sequence[str], idf: dict[str, float]) -> Vector:
    """Unit-length TF-IDF vector of `tokens`; words without an idf are left out."""
    vector = {w: n * idf[w] for w, n in Counter(tokens).items() if w in idf}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {w: v / norm for w, v in vector.items()} if norm else {}


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Unit-length sum of `vectors`."""
    total: dict[str, float] = {}
    for vector in vectors:
        for word, value in vector.items():
            total[word] = total.get(word, 0.0) + value
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {w: v / norm for w, v in total.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit-length vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets."""
    union = len(a | b)
    return len(a & b) / union if union else 1.0
