"""Which dead letters of one partition have been re-driven, in a committed offset.

Re-driving may leave some records behind (they would fail again), so "everything before
offset N" is not enough: the committed offset is the low mark (everything below it is
done) and its metadata lists the done offsets above it as ranges ("12-40,43"). Records
that stay are few, so the list stays short; should it outgrow what the broker keeps with
an offset, the highest ranges are dropped, which only means those records are checked
and sent again later (the worker skips a revision it has already published).
"""

from __future__ import annotations

from dataclasses import dataclass, field

METADATA_LIMIT = 3000  # characters; brokers keep 4096 by default (offset.metadata.max.bytes)


@dataclass
class Ledger:
    low: int = 0
    done: set[int] = field(default_factory=set)

    def pending(self, offset: int) -> bool:
        return offset >= self.low and offset not in self.done

    def pending_between(self, first: int, end: int) -> int:
        """How many offsets of [first, end) are still pending."""
        start = max(first, self.low)
        return max(end - start, 0) - sum(1 for offset in self.done if start <= offset < end)

    def resolve(self, offset: int) -> None:
        self.done.add(offset)
        while self.low in self.done:
            self.done.discard(self.low)
            self.low += 1
        self.done = {o for o in self.done if o >= self.low}

    def encode(self) -> str:
        text = ""
        for first, last in _ranges(sorted(self.done)):
            part = str(first) if first == last else f"{first}-{last}"
            candidate = f"{text},{part}" if text else part
            if len(candidate) > METADATA_LIMIT:
                break
            text = candidate
        return text

    @classmethod
    def decode(cls, low: int, metadata: str) -> Ledger:
        done: set[int] = set()
        for part in filter(None, metadata.split(",")):
            first, _, last = part.partition("-")
            try:
                done.update(range(int(first), int(last or first) + 1))
            except ValueError:
                continue  # metadata of someone else's making: it only costs a re-check
        return cls(low, {o for o in done if o >= low})


def _ranges(offsets: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for offset in offsets:
        if ranges and ranges[-1][1] == offset - 1:
            ranges[-1] = (ranges[-1][0], offset)
        else:
            ranges.append((offset, offset))
    return ranges
