"""Ten short histories of our own, in English, French and German, with gold values: a
held-out check of narrative time, asides, clock times and counts. Never tuned on: a rule is
written from linguistics and the development sets, then this check reports what it does.

Pairing as TempEval-3 does it, on characters: each gold expression pairs with the first
system mention still unpaired that overlaps it; a value is right when it is equal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from services.timeline.normalize import normalize

HISTORIES = Path(__file__).with_name("histories") / "histories.jsonl"


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    paired: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        if not hits:
            return 0.0
        precision, recall = hits / self.system, hits / self.gold
        return 200 * precision * recall / (precision + recall)


def _histories(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def score(path: Path = HISTORIES) -> Tally:
    tally = Tally()
    for history in _histories(path):
        text, gold = str(history["text"]), history["gold"]
        assert isinstance(gold, list)
        published = datetime.fromisoformat(str(history["published_at"]))
        mentions = normalize(text, published, str(history["language"]))
        tally.gold += len(gold)
        tally.system += len(mentions)
        unpaired = list(mentions)
        for expected in gold:
            match = next(
                (m for m in unpaired
                 if m.char_start < expected["end"] and expected["start"] < m.char_end),
                None,
            )  # fmt: skip
            if match is None:
                tally.wrong.append(f"{history['id']}: missed {expected['text']!r}")
                continue
            unpaired.remove(match)
            tally.paired += 1
            if match.timex_value == expected["value"]:
                tally.right += 1
            else:
                tally.wrong.append(
                    f"{history['id']}: {match.text!r} {match.timex_value}"
                    f" (gold {expected['text']!r} {expected['value']})"
                )
        tally.wrong += [f"{history['id']}: extra {m.text!r} {m.timex_value}" for m in unpaired]
    return tally


def report(tally: Tally) -> str:
    lines = [
        f"gold {tally.gold}, system {tally.system}, paired {tally.paired}, values right"
        f" {tally.right}",
        f"relaxed F1 {tally.f1(tally.paired):.2f}, value F1 {tally.f1(tally.right):.2f}",
        *tally.wrong,
    ]
    return "\n".join(lines)
