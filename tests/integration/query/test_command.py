"""`newstimeline query` as a subprocess, on the broker that KAFKA_BOOTSTRAP_SERVERS names."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from services.platform.settings import Settings
from tests.polling import eventually, poll
from tests.unit.query.factories import timeline


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=[1, 2], ids=["one process", "two API workers and a projector"])
def query_process(
    bootstrap: str, topic_settings: Settings, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    port = free_port()
    env = os.environ | {
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "NEWSTIMELINE_DATABASE_PATH": str(topic_settings.database_path),
        "NEWSTIMELINE_TOPICS__TIMELINES": topic_settings.topics.timelines,
        "NEWSTIMELINE_PROJECTOR_GROUP": topic_settings.projector_group,
    }
    cli = shutil.which("newstimeline", path=str(Path(sys.executable).parent))
    command = [cli] if cli else [sys.executable, "-m", "services.cli"]
    log = (tmp_path / "query.log").open("wb")
    args = ["query", "--port", str(port), "--workers", str(request.param)]
    process = subprocess.Popen(
        [*command, *args], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)  # the API workers and the projector stop with it
        log.close()
        poll(lambda: not session_processes(process.pid), 10, "the command's children to end")


def session_processes(session: int) -> list[str]:
    """Command lines of the processes still in the session (the command's children)."""
    listed = subprocess.run(
        ["ps", "-o", "sid=,args=", "-e"], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in listed.splitlines() if line.split(maxsplit=1)[0] == str(session)]


async def test_query_command_serves_what_the_topic_holds(
    query_process: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    tl = timeline("cmd", [(1, 2)])
    await producer.send_and_wait(
        topic_settings.topics.timelines, tl.model_dump_json().encode(), key=b"cmd"
    )
    async with httpx.AsyncClient(base_url=query_process, timeout=5) as http:

        async def projected() -> bool:
            try:
                response = await http.get("/v1/timeline", params={"article_id": "cmd"})
            except httpx.TransportError:
                return False  # not listening yet
            return response.status_code == 200 and len(response.json()["items"]) == 1

        async def ready() -> bool:
            return (await http.get("/readyz")).status_code == 200

        await eventually(projected, "the command's service to project the record")
        await eventually(ready, "the service to be ready")
