"""TempEval-3 style scoring of TIMEX3 extraction and normalization.

Overlap is decided on tokens; pairing is one-to-one, greedy, left to right; figures are
micro-averaged over files and rounded half away from zero."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from services.normalizer.timeml import Timex

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\S")


def tokens(text: str) -> list[tuple[int, int]]:
    """Token spans; a word with exactly one hyphen is three tokens ('2012-13'), one with
    more stays whole ('1998-08-07')."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word.count("-") == 1 and len(word) > 1:
            cut = match.start() + word.index("-")
            spans += [(match.start(), cut), (cut, cut + 1), (cut + 1, match.end())]
        else:
            spans.append(match.span())
    return [(s, e) for s, e in spans if e > s]


def _token_range(timex: Timex, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    covered = [i for i, (s, e) in enumerate(spans) if s < timex.end and e > timex.start]
    return (covered[0], covered[-1]) if covered else None


def pair(text: str, gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Walk tokens left to right; a timex starting at a token pairs with the other side's
    timex that covers that token, if that one is still unpaired."""
    spans = tokens(text)
    sides = [
        [(r, t) for t in timexes if t.text.strip() and (r := _token_range(t, spans))]
        for timexes in (gold, system)
    ]
    paired: list[tuple[Timex, Timex]] = []
    used: set[tuple[int, int]] = set()
    starts = sorted({r[0] for side in sides for r, _ in side})
    for token in starts:
        for own, other in ((0, 1), (1, 0)):
            for rng, timex in sides[own]:
                if rng[0] != token or (own, id(timex)) in used:
                    continue
                match = next(
                    (
                        t
                        for r, t in sides[other]
                        if r[0] <= token <= r[1] and (other, id(t)) not in used
                    ),
                    None,
                )
                if match is not None:
                    used |= {(own, id(timex)), (other, id(match))}
                    paired.append((timex, match) if own == 0 else (match, timex))
    return paired


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_equal: int = 0
    value_equal: int = 0
    mismatches: list[tuple[Timex | None, Timex | None]] = field(default_factory=list)
    pairs: list[tuple[Timex, Timex]] = field(default_factory=list)

    def add(self, text: str, gold: Sequence[Timex], system: Sequence[Timex]) -> None:
        gold = [t for t in gold if t.text.strip()]
        system = [t for t in system if t.text.strip()]
        pairs = pair(text, gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.pairs += pairs
        for g, s in pairs:
            self.strict += g.text.strip() == s.text.strip()
            self.type_equal += g.type == s.type
            self.value_equal += g.value == s.value
            if g.value != s.value or g.type != s.type or g.text.strip() != s.text.strip():
                self.mismatches.append((g, s))
        gold_paired = {id(g) for g, _ in pairs}
        system_paired = {id(s) for _, s in pairs}
        self.mismatches += [(g, None) for g in gold if id(g) not in gold_paired]
        self.mismatches += [(None, s) for s in system if id(s) not in system_paired]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def percent(value: float) -> Decimal:
    """Percentage rounded half away from zero to two decimals, as the official scorer."""
    return Decimal(repr(value * 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def metrics(counts: Counts) -> dict[str, Decimal]:
    strict_p, strict_r = _ratio(counts.strict, counts.system), _ratio(counts.strict, counts.gold)
    relaxed_p, relaxed_r = (
        _ratio(counts.relaxed, counts.system),
        _ratio(counts.relaxed, counts.gold),
    )
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    type_accuracy = _ratio(counts.type_equal, counts.relaxed)
    value_accuracy = _ratio(counts.value_equal, counts.relaxed)
    figures = {
        "strict_precision": strict_p,
        "strict_recall": strict_r,
        "strict_f1": _f1(strict_p, strict_r),
        "relaxed_precision": relaxed_p,
        "relaxed_recall": relaxed_r,
        "relaxed_f1": relaxed_f1,
        "type_accuracy": type_accuracy,
        "value_accuracy": value_accuracy,
        "type_f1": relaxed_f1 * type_accuracy,
        "value_f1": relaxed_f1 * value_accuracy,
    }
    return {name: percent(value) for name, value in figures.items()}


def score(documents: Iterable[tuple[str, Sequence[Timex], Sequence[Timex]]]) -> Counts:
    """Micro-averaged counts over (text, gold, system) triples."""
    counts = Counts()
    for text, gold, system in documents:
        counts.add(text, gold, system)
    return counts
