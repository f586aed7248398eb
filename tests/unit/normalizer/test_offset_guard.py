"""The offset guard's account: the commit point never passes a record not handled."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.normalizer.offset_guard import OffsetGuard


def test_in_order_records_move_the_commit_point() -> None:
    guard = OffsetGuard("articles")
    assert guard.begin(0, 10, now=0.0) == []
    for offset in range(10, 15):
        assert guard.handled(0, offset, now=1.0) == []
    assert guard.commit_point(0) == 15


def test_a_jump_is_a_gap_reported_once_and_the_commit_waits_for_it() -> None:
    guard = OffsetGuard("articles")
    guard.begin(0, 0, now=0.0)
    for offset in (0, 1, 2):
        guard.handled(0, offset, now=0.0)
    assert guard.handled(0, 4, now=1.0) == [3]
    assert guard.handled(0, 5, now=1.5) == []  # the same gap is not reported again
    assert guard.commit_point(0) == 3
    assert guard.due(0, now=2.0, grace_s=2.0) == []
    assert guard.due(0, now=3.0, grace_s=2.0) == [3]
    guard.handled(0, 3, now=3.5)  # healed
    assert guard.commit_point(0) == 6
    assert guard.due(0, now=9.0, grace_s=2.0) == []


def test_records_handled_before_the_seek_count_from_the_committed_offset() -> None:
    guard = OffsetGuard("articles")
    for offset in (7, 8, 9):  # delivered while the seek was in flight
        guard.handled(0, offset, now=0.0)
    assert guard.commit_point(0) is None  # nothing committed before the start is known
    assert guard.begin(0, 5, now=0.1) == [5, 6]
    guard.handled(0, 5, now=0.2)
    guard.handled(0, 6, now=0.2)
    assert guard.commit_point(0) == 10


def test_a_re_delivered_record_below_the_commit_point_changes_nothing() -> None:
    guard = OffsetGuard("articles")
    guard.begin(1, 3, now=0.0)
    guard.handled(1, 3, now=0.0)
    assert guard.handled(1, 2, now=0.0) == []
    assert guard.commit_point(1) == 4


def test_a_stalled_tail_is_seen_only_after_the_stall_time() -> None:
    guard = OffsetGuard("articles")
    guard.begin(2, 40, now=0.0)
    assert not guard.stalled(2, end=40, now=100.0, stall_s=10.0)  # nothing waits
    assert not guard.stalled(2, end=45, now=5.0, stall_s=10.0)
    assert guard.stalled(2, end=45, now=10.0, stall_s=10.0)
    guard.handled(2, 40, now=11.0)
    assert not guard.stalled(2, end=45, now=12.0, stall_s=10.0)


def test_a_revoked_partition_starts_anew() -> None:
    guard = OffsetGuard("articles")
    guard.begin(0, 0, now=0.0)
    guard.handled(0, 0, now=0.0)
    guard.forget(0)
    assert guard.commit_point(0) is None
    guard.begin(0, 50, now=1.0)
    assert guard.commit_point(0) == 50


@given(st.permutations(range(30)), st.integers(0, 29))
def test_the_commit_point_is_never_past_an_unhandled_record(order: list[int], cut: int) -> None:
    guard = OffsetGuard("articles")
    guard.begin(0, 0, now=0.0)
    done = order[:cut]
    for offset in done:
        guard.handled(0, offset, now=0.0)
    point = guard.commit_point(0)
    assert point is not None
    assert set(range(point)) <= set(done)
    assert point not in done


def test_a_gap_record_is_superseded_by_a_later_one_of_its_key() -> None:
    guard = OffsetGuard("articles")
    guard.begin(0, 0, now=0.0)
    guard.claim(0, 0, b"a")
    guard.handled(0, 0, now=0.0)
    guard.claim(0, 2, b"b")  # offset 1 (key b, an older revision) never came
    assert guard.superseded(0, 1, b"b")
    assert not guard.superseded(0, 1, b"c")
    assert not guard.superseded(0, 2, b"b")
    guard.handled(0, 2, now=0.0)
    guard.handled(0, 1, now=0.0)
    assert guard.commit_point(0) == 3
    assert guard.watches[0].keys == {}  # nothing kept below the commit point
