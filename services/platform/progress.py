"""Progress of the operators' long commands: a rich bar with a rate and an ETA on stderr.

The commands' cores report through the small `Tracker` protocol, so tests pass `Silent`.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class Tracker(Protocol):
    def phase(self, name: str, total: int | None) -> None:
        """Start counting a new phase (total None: unknown)."""

    def advance(self, count: int = 1) -> None:
        """`count` more items of the current phase are done."""


class Silent:
    """A tracker that shows nothing."""

    def phase(self, name: str, total: int | None) -> None:
        return None

    def advance(self, count: int = 1) -> None:
        return None


class RateColumn(ProgressColumn):
    """Items a second, with the unit the phase counts."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} {self.unit}/s" if speed else f"- {self.unit}/s")


class Bar:
    """A rich progress display, one bar a phase; use as a context manager."""

    def __init__(self, unit: str) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(unit),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task: TaskID | None = None

    def phase(self, name: str, total: int | None) -> None:
        if self._task is not None:
            self._progress.stop_task(self._task)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, count)

    def __enter__(self) -> Bar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()
