"""Starting and stopping the services as child processes: the one launcher of `newstimeline
run`, the e2e and fault tests and the benchmarks (what each service runs, the environment
they share, waiting until they answer)."""

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

from services.platform.kafka.local_storage import free_port
from services.platform.settings import Settings


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

    def restarted(self) -> ServiceProcess:
        """The same command, environment and log, started again."""
        return ServiceProcess(self.name, self.args, self.env, self.log_path).start()

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


# What each service runs, by kind; `newstimeline run`, the e2e and fault tests and the
# benchmarks all start their services from here.
COMMANDS: dict[str, list[str]] = {
    "worker": ["worker"],
    "query": ["query"],
    "ingest": ["ingest-api"],
}
PORT_VARIABLES = {
    "worker": "NEWSTIMELINE_WORKER_PORT",
    "query": "NEWSTIMELINE_QUERY_PORT",
    "ingest": "NEWSTIMELINE_INGEST_PORT",
}


def isolated_env(prefix: str, run: str, workdir: Path, **extra: str) -> dict[str, str]:
    """Settings for the services of one run that shares a broker with others: topics,
    consumer groups, files and ports of its own, named `prefix` and `run`."""
    return {
        "NEWSTIMELINE_TOPICS__ARTICLES": f"{prefix}.{run}.articles.v1",
        "NEWSTIMELINE_TOPICS__TIMELINES": f"{prefix}.{run}.timelines.v1",
        "NEWSTIMELINE_TOPICS__DEAD_LETTERS": f"{prefix}.{run}.articles.v1.dlq",
        "NEWSTIMELINE_TOPICS__PARTITIONS": "3",
        "NEWSTIMELINE_WORKER_GROUP": f"{prefix}-{run}-normalizer",
        "NEWSTIMELINE_PROJECTOR_GROUP": f"{prefix}-{run}-projector",
        "NEWSTIMELINE_DATABASE_PATH": str(workdir / f"{run}.sqlite3"),
        "NEWSTIMELINE_WORKER_DATA_DIR": str(workdir / f"{run}-faust"),
        "NEWSTIMELINE_CURSOR_KEY_FILE": str(workdir / f"{run}-cursor.key"),
        "NEWSTIMELINE_LOGS_DIR": str(workdir / f"{run}-logs"),
        "NEWSTIMELINE_FEED_STATE_FILE": str(workdir / f"{run}-feeds.json"),
        "NEWSTIMELINE_RUN_PID_FILE": str(workdir / f"{run}-run.pid"),
        **{variable: str(free_port()) for variable in PORT_VARIABLES.values()},
        **extra,
    }


def settings_from(env: dict[str, str]) -> Settings:
    """The settings the children read from `env`, read the same way."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return Settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)


@dataclass
class Stack:
    """The services of one run as child processes sharing one environment; `stop_all`
    ends whatever still runs."""

    bootstrap: str
    env: dict[str, str]
    logs: Path
    settings: Settings
    services: dict[str, ServiceProcess] = field(default_factory=dict)

    @classmethod
    def create(cls, bootstrap: str, logs: Path, **extra: str) -> Stack:
        """The parent's environment with the broker pinned and `extra` on top."""
        env = service_env(bootstrap, **extra)
        return cls(bootstrap, env, logs, settings_from(env))

    def url(self, kind: str) -> str:
        return self.settings.service_url(kind)

    @property
    def query_url(self) -> str:
        return self.url("query")

    @property
    def ingest_url(self) -> str:
        return self.url("ingest")

    @property
    def worker_url(self) -> str:
        return self.url("worker")

    def launch(self, name: str, kind: str | None = None, *args: str) -> ServiceProcess:
        """Start service `kind` (default: `name`) under `name`, without waiting for it."""
        command = [*COMMANDS[kind or name], *args]
        service = ServiceProcess(name, command, self.env, self.logs / f"{name}.log").start()
        self.services[name] = service
        return service

    def start(self, *names: str, deadline_s: float = 90.0) -> None:
        """Start the services `names` (each a kind) together, then wait until each
        answers /healthz."""
        started = [self.launch(name) for name in names]
        for service in started:
            wait_http_ok(service, f"{self.url(service.name)}/healthz", deadline_s)

    def restart(self, name: str) -> None:
        service = self.services[name]
        service.stop()
        self.services[name] = replacement = service.restarted()
        wait_http_ok(replacement, f"{self.url(name)}/healthz")

    def stop_all(self) -> None:
        for service in self.services.values():
            service.stop()
