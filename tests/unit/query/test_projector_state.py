"""The projector's phase as /readyz and /v1/admin/projector show it."""

from __future__ import annotations

from services.query.projector import ProjectorState


def test_a_rebuild_is_reported_until_it_has_caught_up() -> None:
    state = ProjectorState(started=True, phase="projecting", rebuilding=True)
    state.targets = state.highwaters = {0: 10, 1: 4}
    state.positions = {0: 3, 1: 4}
    assert (state.ready, state.describe()) == (False, "rebuilding from the start of the log")
    assert state.lag() == {0: 7, 1: 0}
    state.positions[0] = 10
    assert (state.ready, state.describe()) == (True, "projecting")


def test_a_projector_on_its_own_log_just_projects() -> None:
    state = ProjectorState(started=True, phase="projecting", targets={0: 2})
    assert (state.ready, state.describe()) == (False, "projecting")
