"""A real Apache Kafka broker (KRaft, one combined node) run from Maven Central's jars.

Machines without Docker still get the real broker the tests and `make run` need: Maven
resolves org.apache.kafka:kafka_2.13 into a cache outside git, the storage is formatted
with kafka.tools.StorageTool once (see local_storage), and kafka.Kafka runs detached with
its pid and bootstrap address recorded in a state file, so that later commands can find,
reuse or stop it. Stopping keeps the storage; `reset` deletes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka import local_storage
from services.platform.kafka.probe import broker_answers
from services.platform.settings import LocalKafkaSettings

POM = Path(__file__).with_name("pom.xml")
STATE_FILE = "broker.json"
# The brokers this process started, by pid. The broker outlives the call that started it
# (and often the process), so nothing holds its Popen; a Popen dropped while its child runs
# warns "subprocess N is still running" whenever the collector gets to it, which in a test
# session is in the middle of some unrelated test. Kept here until `stop_pid` reaps it.
_started: dict[int, subprocess.Popen[bytes]] = {}


class LocalKafkaError(EnvironmentProblemError):
    """The local broker could not be provisioned, started or reached."""


@dataclass(frozen=True)
class BrokerState:
    pid: int
    bootstrap: str
    log_file: str

    def to_json(self) -> str:
        return json.dumps(self.__dict__)


def missing_tools() -> list[str]:
    """Executables the local broker needs that are not on PATH."""
    return [tool for tool in ("java", "mvn") if shutil.which(tool) is None]


def resolve_jars(cfg: LocalKafkaSettings) -> Path:
    """Copy Kafka's runtime jars into the cache once; later calls reuse them."""
    libs = cfg.cache_dir / cfg.version / "libs"
    marker = libs / ".complete"
    if marker.exists():
        return libs
    if missing := missing_tools():
        msg = f"the local Kafka broker needs {' and '.join(missing)} (install Java 17 and Maven)"
        raise LocalKafkaError(msg)
    command = [
        "mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
        f"-Dkafka.version={cfg.version}", "-DincludeScope=runtime",
        f"-DoutputDirectory={libs}",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr)[-2000:]
        msg = f"Maven could not resolve Kafka {cfg.version}:\n{tail}"
        raise LocalKafkaError(msg)
    marker.touch()
    return libs


# Callers (tests, e2e fixtures) pick free ports through this module too.
free_port = local_storage.free_port


def server_properties(data_dir: Path, port: int, controller_port: int) -> str:
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{controller_port}",
        "listeners": f"PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": str(data_dir),
        # One node: internal topics cannot have more replicas than brokers.
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "6",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        # Tests and `make run` start consumers right away; a rebalance delay only slows them.
        "group.initial.rebalance.delay.ms": "0",
        "num.partitions": "6",
        "auto.create.topics.enable": "true",
        "log.retention.hours": "-1",
    }
    return "".join(f"{key}={value}\n" for key, value in props.items())


LOG4J = """log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File={log}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
"""


def _java(libs: Path, heap: str, *args: str) -> list[str]:
    return [
        "java", f"-Xmx{heap}", f"-Xms{heap}", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-cp", f"{libs}/*", *args,
    ]  # fmt: skip


def read_state(cfg: LocalKafkaSettings) -> BrokerState | None:
    path = cfg.state_dir / STATE_FILE
    try:
        return BrokerState(**json.loads(path.read_text()))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); look at its state to tell.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def running(cfg: LocalKafkaSettings, timeout_s: float = 5.0) -> BrokerState | None:
    """The recorded broker, if its process lives and it answers a metadata request."""
    state = read_state(cfg)
    if state and pid_alive(state.pid) and broker_answers(state.bootstrap, timeout_s):
        return state
    return None


def _log_tail(log_file: Path, lines: int = 30) -> str:
    """The end of the broker's log and of the JVM's own output (where startup errors such
    as a bad heap size or a missing class land, before log4j is up)."""
    parts = []
    for path in (log_file, log_file.with_name("jvm.out")):
        try:
            text = path.read_text(errors="replace").strip()
        except FileNotFoundError:
            continue
        if text:
            parts.append(f"--- {path.name}\n" + "\n".join(text.splitlines()[-lines:]))
    return "\n".join(parts) or "(no log written)"


def _format_storage(libs: Path, cfg: LocalKafkaSettings, props: Path, log: Path) -> None:
    """Format the KRaft storage, only when there is none: formatting is what wipes a log."""
    if local_storage.stored_cluster_id(cfg.state_dir) is not None:
        return
    cluster_id = local_storage.new_cluster_id()
    log4j = f"-Dlog4j.configuration=file:{log.with_name('log4j.properties')}"
    command = _java(libs, "256m", log4j, "kafka.tools.StorageTool", "format", "-t", cluster_id,
                    "-c", str(props))  # fmt: skip
    with log.open("ab") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        msg = f"formatting KRaft storage failed:\n{_log_tail(log)}"
        raise LocalKafkaError(msg)


def _await_broker(proc: subprocess.Popen[bytes], bootstrap: str, cfg: LocalKafkaSettings,
                  log: Path) -> None:  # fmt: skip
    deadline = time.monotonic() + cfg.start_timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            msg = f"the Kafka JVM exited with {proc.returncode}; its log ends:\n{_log_tail(log)}"
            raise LocalKafkaError(msg)
        if broker_answers(bootstrap, 2.0):
            return
        time.sleep(0.5)
    stop_pid(proc.pid)
    msg = f"Kafka did not answer within {cfg.start_timeout_s:.0f}s; its log ends:\n{_log_tail(log)}"
    raise LocalKafkaError(msg)


def start(cfg: LocalKafkaSettings) -> BrokerState:
    """Start the broker on its kept storage and ports (formatted and chosen at the first
    start), or return the one already running."""
    if state := running(cfg):
        return state
    libs = resolve_jars(cfg)
    data_dir = local_storage.data_dir(cfg.state_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    ports = local_storage.ports_for(cfg.state_dir)
    local_storage.ensure_ports_free(ports)
    props = cfg.state_dir / "server.properties"
    props.write_text(server_properties(data_dir, ports.port, ports.controller_port))
    log = cfg.state_dir / "server.log"
    log4j = cfg.state_dir / "log4j.properties"
    log4j.write_text(LOG4J.format(log=log))
    _format_storage(libs, cfg, props, log)
    command = _java(libs, cfg.heap, f"-Dlog4j.configuration=file:{log4j}", "kafka.Kafka",
                    str(props))  # fmt: skip
    proc = spawn_detached(command, cfg.state_dir / "jvm.out")
    bootstrap = ports.bootstrap
    _await_broker(proc, bootstrap, cfg, log)
    state = BrokerState(pid=proc.pid, bootstrap=bootstrap, log_file=str(log))
    (cfg.state_dir / STATE_FILE).write_text(state.to_json())
    return state


def spawn_detached(command: list[str], output: Path) -> subprocess.Popen[bytes]:
    """Start `command` in a session of its own (a Ctrl-C to the starter does not reach it),
    its output appended to `output`; kept in `_started` until `stop_pid` reaps it."""
    with output.open("ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    _started[proc.pid] = proc
    return proc


def stop_pid(pid: int, timeout_s: float = 30.0) -> None:
    """SIGTERM lets Kafka close its logs cleanly; SIGKILL only past the deadline."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not pid_alive(pid):  # a zombie counts as gone (pid_alive), then is reaped
                _reap(pid)
                return
            time.sleep(0.2)


def _reap(pid: int) -> None:
    if (proc := _started.get(pid)) is not None:
        if proc.poll() is not None:
            del _started[pid]
        return
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def stop(cfg: LocalKafkaSettings) -> bool:
    """Stop the recorded broker; False when none was recorded as running."""
    state = read_state(cfg)
    if state is None:
        return False
    stop_pid(state.pid)
    (cfg.state_dir / STATE_FILE).unlink(missing_ok=True)
    return True
