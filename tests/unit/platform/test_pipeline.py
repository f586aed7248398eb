from __future__ import annotations

import socket

import pytest

from services.platform.errors import EnvironmentProblemError
from services.platform.kafka.local_broker import free_port
from services.platform.ops.pipeline import ensure_ports_free, timeline_table
from services.platform.settings import Settings


def test_a_busy_port_stops_the_run_before_it_starts() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        busy = listener.getsockname()[1]
        settings = Settings(query_port=busy, ingest_port=free_port())
        with pytest.raises(EnvironmentProblemError, match=f"127.0.0.1:{busy} is in use"):
            ensure_ports_free(settings)
    # Every default port may be taken on a shared host: all three are picked here.
    ensure_ports_free(
        Settings(query_port=free_port(), ingest_port=free_port(), worker_port=free_port())
    )


def test_table_shortens_midnight_times() -> None:
    item = {
        "start": "2014-01-01T00:00:00Z",
        "end": "2015-01-01T00:00:00Z",
        "granularity": "year",
        "anchor": "explicit",
        "mention": "2014",
        "timex_value": "2014",
    }
    row = [cell for column in timeline_table([item]).columns for cell in column.cells]
    assert row == ["2014-01-01", "2015-01-01", "year", "explicit", "2014", "2014"]
