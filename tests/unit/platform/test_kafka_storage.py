"""The local broker's kept storage: cluster ids, kept ports, a clear error on a taken port."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from services.platform.kafka import local_storage
from services.platform.kafka.local_storage import BrokerPorts, PortTakenError


def test_cluster_ids_never_start_with_a_dash_and_are_kafka_uuids() -> None:
    for _ in range(20_000):
        cluster_id = local_storage.new_cluster_id()
        assert cluster_id[0].isalpha(), cluster_id
        assert len(cluster_id) == 22
        assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16


def test_a_draw_that_would_start_with_a_dash_is_drawn_again() -> None:
    draws = iter([b"\xf8" + bytes(15), b"\xfc" + bytes(15), b"\x04" + bytes(15)])
    # 0xf8 encodes as '-', 0xfc as '_': both are redrawn; 0x04 gives 'B'.
    assert local_storage.new_cluster_id(lambda: next(draws)).startswith("B")


def test_ports_are_chosen_once_and_kept(tmp_path: Path) -> None:
    first = local_storage.ports_for(tmp_path)
    assert local_storage.ports_for(tmp_path) == first
    assert local_storage.read_ports(tmp_path) == first


def test_cluster_id_is_read_from_the_formatted_storage(tmp_path: Path) -> None:
    assert local_storage.stored_cluster_id(tmp_path) is None
    data = local_storage.data_dir(tmp_path)
    data.mkdir()
    (data / "meta.properties").write_text("version=1\ncluster.id=AbC-123_xyz\nnode.id=1\n")
    assert local_storage.stored_cluster_id(tmp_path) == "AbC-123_xyz"


def test_a_taken_port_is_named_with_what_to_do() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        taken = listener.getsockname()[1]
        ports = BrokerPorts(taken, local_storage.free_port())
        with pytest.raises(PortTakenError, match=f"port {taken} of the local broker is held"):
            local_storage.ensure_ports_free(ports)
    local_storage.ensure_ports_free(ports)
