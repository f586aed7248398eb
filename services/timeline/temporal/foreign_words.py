"""Helpers that turn the German, French and Spanish word tables into patterns."""

from __future__ import annotations

import re


def alternatives(words: dict[str, int] | dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def lower(m: re.Match[str], group: str) -> str:
    return m[group].lower()


def trigger_words_of(words: dict[str, int] | dict[str, str]) -> frozenset[str]:
    return frozenset(part for word in words for part in re.findall(r"\w+", word.lower()))
