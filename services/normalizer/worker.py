"""The Faust worker process, with the service's bounded shutdown."""

from __future__ import annotations

from typing import Any

from faust.worker import Worker

from services.platform.shutdown import arm_exit_deadline


class BoundedWorker(Worker):
    """Faust's worker; SIGTERM or SIGINT also arms the exit deadline, so a worker whose
    broker is gone still ends in time (Faust would wait on its commits and flushes)."""

    def __init__(self, *args: Any, deadline_s: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline_s = deadline_s

    def _on_sigterm(self) -> None:
        arm_exit_deadline(self.deadline_s)
        super()._on_sigterm()

    def _on_sigint(self) -> None:
        arm_exit_deadline(self.deadline_s)
        super()._on_sigint()
