from __future__ import annotations

from services.normalizer.ledger import METADATA_LIMIT, Ledger


def test_low_mark_advances_over_consecutive_done_offsets_only() -> None:
    ledger = Ledger(low=3)
    for offset in (5, 6, 9, 3):
        ledger.resolve(offset)
    assert ledger.low == 4
    assert [o for o in range(12) if ledger.pending(o)] == [4, 7, 8, 10, 11]
    assert ledger.encode() == "5-6,9"
    ledger.resolve(4)
    assert (ledger.low, ledger.encode()) == (7, "9")


def test_encoding_round_trips_and_tolerates_foreign_metadata() -> None:
    ledger = Ledger.decode(10, "12-14,20,junk,3")
    assert ledger == Ledger(10, {12, 13, 14, 20})
    assert Ledger.decode(10, ledger.encode()) == ledger


def test_overlong_ledgers_drop_their_highest_ranges() -> None:
    ledger = Ledger(0, set(range(1, 10_000, 2)))
    text = ledger.encode()
    assert 0 < len(text) <= METADATA_LIMIT
    kept = Ledger.decode(0, text)
    assert kept.done < ledger.done
    assert min(kept.done) == 1


def test_pending_between_counts_what_pending_says_of_each_offset() -> None:
    ledger = Ledger(low=3)
    for offset in (5, 6, 9):
        ledger.resolve(offset)
    for first, end in [(0, 12), (0, 0), (4, 9), (7, 8), (10, 12), (20, 25), (6, 3)]:
        expected = sum(1 for o in range(first, end) if ledger.pending(o))
        assert ledger.pending_between(first, end) == expected, (first, end)
