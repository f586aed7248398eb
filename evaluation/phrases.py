"""Where value errors concentrate: paired timexes grouped by phrase, with the shapes of
the gold and system values, so that a convention the gold follows (or breaks) shows."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from services.normalizer.timeml import Timex

_NUMBER_WORD = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
)


def phrase_key(text: str) -> str:
    """'Two years ago' and 'three years ago' are one phrase: 'Q years ago'."""
    key = re.sub(r"\d+", "N", " ".join(text.lower().split()).strip(" ,.;:'\""))
    return _NUMBER_WORD.sub("Q", key)


def value_shape(value: str) -> str:
    """'1998-W32' -> '9999-W99': the granularity and form of a value, not its date."""
    return re.sub(r"\d", "9", value)


@dataclass
class PhraseRow:
    phrase: str
    paired: int = 0
    wrong: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    system: Counter[str] = field(default_factory=Counter)


def phrase_rows(pairs: Iterable[tuple[Timex, Timex]], limit: int) -> list[PhraseRow]:
    """The `limit` phrases (keyed on the gold text) with the most wrong values."""
    rows: dict[str, PhraseRow] = {}
    for gold, system in pairs:
        key = phrase_key(gold.text)
        row = rows.setdefault(key, PhraseRow(key))
        row.paired += 1
        row.wrong += gold.value != system.value
        row.gold[value_shape(gold.value)] += 1
        row.system[value_shape(system.value)] += 1
    ranked = sorted(rows.values(), key=lambda row: (-row.wrong, -row.paired, row.phrase))
    return [row for row in ranked if row.wrong][:limit]
