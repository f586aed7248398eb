"""Worker slots: the lowest free one, freed with its holder, named stably."""

from __future__ import annotations

from pathlib import Path

from services.normalizer.slots import claim_slot, instance_id


def test_slots_are_taken_lowest_first_and_freed_on_close(tmp_path: Path) -> None:
    data = tmp_path / "faust"
    first, first_lock = claim_slot(data)
    second, second_lock = claim_slot(data)
    assert (first, second) == (0, 1)
    first_lock.close()  # what the kernel does when the holder dies
    again, again_lock = claim_slot(data)
    assert again == 0
    assert not data.exists()  # the locks live beside the data dir, which may be wiped
    second_lock.close()
    again_lock.close()


def test_instance_ids_differ_by_slot_and_deployment(tmp_path: Path) -> None:
    one, other = tmp_path / "a" / "faust", tmp_path / "b" / "faust"
    assert instance_id(one, 0) == instance_id(one, 0)
    assert len({instance_id(one, 0), instance_id(one, 1), instance_id(other, 0)}) == 3
