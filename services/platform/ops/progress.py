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

    def advance(self, count: int = 1, secondary: int = 0) -> None:
        """`count` more items of the current phase are done, holding `secondary` items of
        the kind whose rate is shown (records holding incidents, say)."""


class Silent:
    """A tracker that shows nothing."""

    def phase(self, name: str, total: int | None) -> None:
        return None

    def advance(self, count: int = 1, secondary: int = 0) -> None:
        return None


class RateColumn(ProgressColumn):
    """Items a second, with their unit: the items counted, or the secondary ones."""

    def __init__(self, unit: str, *, secondary: bool = False) -> None:
        super().__init__()
        self.unit, self.secondary = unit, secondary

    def render(self, task: Task) -> Text:
        if self.secondary:
            elapsed = float(task.finished_time or task.elapsed or 0.0)
            done = int(task.fields.get("secondary", 0))
            speed = done / elapsed if elapsed else 0.0
            return Text(f"{done:,} {self.unit}, {speed:,.0f}/s")
        rate = task.finished_speed or task.speed
        return Text(f"{rate:,.0f} {self.unit}/s" if rate else f"- {self.unit}/s")


class Bar:
    """A rich progress display, one bar a phase; use as a context manager."""

    def __init__(self, unit: str, secondary: str | None = None) -> None:
        extra = [RateColumn(secondary, secondary=True)] if secondary else []
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(unit),
            *extra,
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task: TaskID | None = None
        self._secondary = 0

    def phase(self, name: str, total: int | None) -> None:
        if self._task is not None:
            self._progress.stop_task(self._task)
        self._task = self._progress.add_task(name, total=total, secondary=0)
        self._secondary = 0

    def advance(self, count: int = 1, secondary: int = 0) -> None:
        if self._task is not None:
            self._secondary += secondary
            self._progress.update(self._task, advance=count, secondary=self._secondary)

    def __enter__(self) -> Bar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()
