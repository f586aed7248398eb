"""Sentence boundaries, so each incident can carry the sentence it comes from."""

from __future__ import annotations

import bisect
import re

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by white space and an
# upper-case letter, digit or opening quote, or at a line break. Abbreviations such as
# "Dec. 13" or "U.S. officials" do not end one because a lower-case word or digit follows.
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n+""")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Nov|Dec|No|vs|U\.S|U\.N|U\.K|a\.m|p\.m|Inc|Corp|Co|Ltd|Jr|Sr)\.|\b[A-Z]\.)$"
)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin, always starting with 0."""
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATIONS.search(text[max(0, match.start() - 6) : match.start()]):
            continue
        starts.append(match.end())
    return starts


def sentence_at(text: str, starts: list[int], offset: int) -> str:
    """The stripped sentence that holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return text[starts[index] : end].strip()
