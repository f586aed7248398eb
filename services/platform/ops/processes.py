"""Starting and stopping the services as child processes; used by `make run` and e2e tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx


class ServiceFailedError(RuntimeError):
    """A service exited, or did not answer before its deadline."""


@dataclass
class ServiceProcess:
    """One `newstimeline <command>` child process with its log file."""

    name: str
    args: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)

    def start(self) -> ServiceProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        command = [sys.executable, "-m", "services.cli", *self.args]
        self.process = subprocess.Popen(
            command, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout_s: float = 20.0) -> None:
        """SIGTERM for a clean shutdown (commit offsets, close producers), then SIGKILL."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self._log:
            self._log.close()


def wait_http_ok(service: ServiceProcess, url: str, deadline_s: float = 60.0) -> None:
    """Poll `url` until it answers 200, failing fast if the process dies."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if not service.alive():
            msg = f"{service.name} exited; its log ends:\n{service.log_tail()}"
            raise ServiceFailedError(msg)
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    msg = f"{service.name} did not answer {url} within {deadline_s:.0f}s:\n{service.log_tail()}"
    raise ServiceFailedError(msg)


def service_env(bootstrap: str, **extra: str) -> dict[str, str]:
    """The parent's environment with the chosen broker pinned, so every child uses it."""
    return {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, **extra}
