"""The local broker's storage: formatted once, then kept with its cluster id and its ports.

The articles topic is the system of record, so the storage outlives every broker process:
`kafka start` formats it only when there is none, and a restart listens on the ports it was
first given, so clients, state files and read models keep pointing at the same log.
Wiping is `newstimeline reset --yes`.
"""

from __future__ import annotations

import base64
import json
import socket
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from services.platform.errors import EnvironmentProblemError

PORTS_FILE = "ports.json"
META_PROPERTIES = "meta.properties"


class PortTakenError(EnvironmentProblemError):
    """A port the kept storage listens on is held by another process."""


@dataclass(frozen=True)
class BrokerPorts:
    """Where the broker listens, chosen at the first start and reused at every restart."""

    port: int
    controller_port: int

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"


def new_cluster_id(draw: Callable[[], bytes] = lambda: uuid.uuid4().bytes) -> str:
    """A random cluster id in Kafka's form (16 bytes, URL-safe base64 without padding)
    that starts with a letter: the storage tool reads an id starting with '-' as an option."""
    while True:
        candidate = base64.urlsafe_b64encode(draw()).decode().rstrip("=")
        if candidate[0].isalpha():
            return candidate


def data_dir(state_dir: Path) -> Path:
    return state_dir / "data"


def stored_cluster_id(state_dir: Path) -> str | None:
    """The cluster id the storage was formatted with, or None when it was never formatted."""
    try:
        text = (data_dir(state_dir) / META_PROPERTIES).read_text()
    except FileNotFoundError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "cluster.id":
            return value.strip()
    return None


def read_ports(state_dir: Path) -> BrokerPorts | None:
    try:
        return BrokerPorts(**json.loads((state_dir / PORTS_FILE).read_text()))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None


def keep_ports(state_dir: Path, ports: BrokerPorts) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / PORTS_FILE).write_text(json.dumps(asdict(ports)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    """Whether a listener could bind `port` now (as the JVM does, with SO_REUSEADDR, so that
    connections of an earlier broker lingering in TIME_WAIT do not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def ensure_ports_free(ports: BrokerPorts) -> None:
    for port in (ports.port, ports.controller_port):
        if not port_is_free(port):
            msg = (
                f"port {port} of the local broker is held by another process; the kept "
                f"storage listens there so that its address stays {ports.bootstrap}. Stop "
                "that process, or run `newstimeline reset --yes` to start over on new ports"
            )
            raise PortTakenError(msg)


def ports_for(state_dir: Path) -> BrokerPorts:
    """The kept ports, or new ones (kept from now on) at the first start."""
    if kept := read_ports(state_dir):
        return kept
    chosen = BrokerPorts(free_port(), free_port())
    keep_ports(state_dir, chosen)
    return chosen
