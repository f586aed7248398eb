"""What the chaos test does to the stack while articles go in: kills and a broker restart,
each at a given share of the batches posted, from a thread of its own."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.faults.stack import Stack


@dataclass
class Progress:
    """How many batches the client has posted, and which chaos steps have begun: the
    client waits at each step's share until the step has begun, so the harm lands while
    articles are still going in (not after the last batch)."""

    total: int
    shares: list[float] = field(default_factory=list)
    posted: int = 0
    begun: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def advance(self, deadline_s: float = 300.0) -> None:
        with self.changed:
            self.posted += 1
            self.changed.notify_all()
            due = sum(1 for share in self.shares if share * self.total <= self.posted)
            self.changed.wait_for(lambda: self.begun >= due, deadline_s)

    def wait_for(self, share: float, deadline_s: float = 600.0) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.posted >= share * self.total, deadline_s)

    def begin(self) -> None:
        with self.changed:
            self.begun += 1
            self.changed.notify_all()


def kill(stack: Stack, name: str) -> None:
    process = stack.services[name].process
    assert process is not None
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


def cli(env: dict[str, str], *args: str) -> str:
    """`newstimeline ARGS` with `env` (naming a local broker of the test's own); its output."""
    command = [sys.executable, "-m", "services.cli", *args]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@dataclass
class Chaos:
    """Actions at shares of the run; `log` says what happened when, for the report."""

    stack: Stack
    progress: Progress
    log: list[str] = field(default_factory=list)
    error: BaseException | None = None
    _started: float = field(default_factory=time.monotonic)
    _background: list[threading.Thread] = field(default_factory=list)

    def note(self, what: str) -> None:
        self.log.append(f"{time.monotonic() - self._started:6.1f} s  {what}")

    def kill_worker(self, n: int) -> None:
        kill(self.stack, "worker")
        self.note(f"worker SIGKILLed ({n})")
        self.progress.begin()
        self.stack.start("worker")

    def restart_broker(self) -> None:
        """The client waits until the broker is down; the start runs in a thread of its
        own, so the client and the rest of the plan go on while the broker is away."""
        self.note("broker stopping (newstimeline kafka stop)")
        cli(self.stack.env, "kafka", "stop")
        self.note("broker stopped")
        self.progress.begin()

        def restart() -> None:
            try:
                cli(self.stack.env, "kafka", "start")
                self.note("broker started (newstimeline kafka start)")
            except BaseException as exc:
                self.error = exc

        self._background.append(threading.Thread(target=restart, daemon=True))
        self._background[-1].start()

    def kill_query(self) -> None:
        kill(self.stack, "query")
        self.note("query SIGKILLed")
        self.progress.begin()
        self.stack.start("query")
        self.note("query answers again")

    def plan(self, worker_kills: int) -> list[tuple[float, Callable[[], None]]]:
        """Worker kills spread over the run; the broker restart and the query kill between."""
        steps: list[tuple[float, Callable[[], None]]] = [
            ((n + 1) / (worker_kills + 2), functools.partial(self.kill_worker, n + 1))
            for n in range(worker_kills)
        ]
        steps += [(0.45, self.restart_broker), (0.8, self.kill_query)]
        return sorted(steps, key=lambda step: step[0])

    def run(self, worker_kills: int) -> threading.Thread:
        steps = self.plan(worker_kills)
        self.progress.shares = [share for share, _ in steps]

        def act() -> None:
            try:
                for share, action in steps:
                    self.progress.wait_for(share)
                    action()  # calls progress.begin() once the harm is done
                for thread in self._background:
                    thread.join(300)
            except BaseException as exc:  # reported by the test, not lost in the thread
                self.error = exc
                self.progress.begun = len(steps)  # let the client go on to the end

        thread = threading.Thread(target=act, daemon=True)
        thread.start()
        return thread
