"""docker-compose.yml and the Dockerfile, checked by structure (no Docker engine here)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from services.platform.settings import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, Any] = COMPOSE["services"]
PRODUCT = ("ingest", "worker-1", "worker-2", "query")
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")


def kafka_env() -> dict[str, str]:
    return {k: str(v) for k, v in SERVICES["kafka"]["environment"].items()}


def test_kafka_is_the_official_image_at_the_local_broker_version() -> None:
    assert SERVICES["kafka"]["image"] == f"apache/kafka:{Settings().local_kafka.version}"


def test_kafka_listens_for_the_network_and_for_the_host() -> None:
    env = kafka_env()
    advertised = dict(item.split("://") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    internal = advertised[env["KAFKA_INTER_BROKER_LISTENER_NAME"]]
    host_side = [address for address in advertised.values() if address.startswith("127.0.0.1:")]
    assert internal.startswith("kafka:")
    (host_address,) = host_side
    assert f"{host_address}:{host_address.split(':')[1]}" in SERVICES["kafka"]["ports"]
    for name in (*PRODUCT, "topics"):
        assert SERVICES[name]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == internal


def test_topics_are_created_once_when_kafka_is_healthy() -> None:
    topics = SERVICES["topics"]
    assert topics["command"] == ["topics", "create"]
    assert topics["restart"] == "no"
    assert topics["depends_on"] == {"kafka": {"condition": "service_healthy"}}


@pytest.mark.parametrize("name", PRODUCT)
def test_each_service_has_a_healthcheck_and_waits_for_healthy_kafka(name: str) -> None:
    service = SERVICES[name]
    check = " ".join(service["healthcheck"]["test"])
    port = re.search(r"127\.0\.0\.1:(\d+)/healthz", check)
    assert port, check
    assert service["ports"][0].endswith(f":{port.group(1)}")
    assert service["depends_on"]["kafka"] == {"condition": "service_healthy"}
    assert service["depends_on"]["topics"] == {"condition": "service_completed_successfully"}


def test_two_workers_run_in_one_group() -> None:
    workers = [s for s in SERVICES.values() if s.get("command") == ["worker"]]
    assert len(workers) == 2
    assert all("NEWSTIMELINE_WORKER_GROUP" not in w["environment"] for w in workers)


def test_named_volumes_hold_kafka_data_and_the_read_model() -> None:
    assert set(COMPOSE["volumes"]) == {"kafka-data", "read-model"}
    assert f"kafka-data:{kafka_env()['KAFKA_LOG_DIRS']}" in SERVICES["kafka"]["volumes"]
    (mount,) = SERVICES["query"]["volumes"]
    volume, _, path = mount.partition(":")
    assert volume == "read-model"
    assert re.search(rf"NEWSTIMELINE_DATABASE_PATH={re.escape(path)}/\S+", DOCKERFILE)


def test_dockerfile_is_multi_stage_slim_non_root_and_runtime_only() -> None:
    stages = re.findall(r"^FROM (\S+)", DOCKERFILE, re.MULTILINE)
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)", DOCKERFILE, re.MULTILINE)
    assert len(stages) >= 2
    assert base
    assert "slim" in base.group(1)
    assert "COPY --from=build" in DOCKERFILE
    user = re.findall(r"^USER (\S+)", DOCKERFILE, re.MULTILINE)
    assert user
    assert user[-1] not in {"root", "0"}
    assert "requirements.lock" in DOCKERFILE
    assert "requirements-dev.lock" not in DOCKERFILE


def test_the_image_carries_the_pages_time_axis_at_the_makefiles_pin() -> None:
    # The vendor folder is git-ignored: the image must fetch vis-timeline itself.
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    pins = {
        name: re.search(rf"^{name} := (\S+)", makefile, re.MULTILINE)
        for name in ("VIS_TIMELINE", "VIS_TIMELINE_SHA512")
    }
    for name, found in pins.items():
        assert found
        assert f"ARG {name}={found.group(1)}" in DOCKERFILE
    assert "COPY --from=axis /axis/vendor ./services/query/static/vendor" in DOCKERFILE


def test_the_image_keeps_every_state_file_where_its_user_may_write() -> None:
    for name in ("CURSOR_KEY_FILE", "FEED_STATE_FILE", "RUN_PID_FILE", "WORKER_DATA_DIR"):
        assert re.search(rf"NEWSTIMELINE_{name}=/var/lib/newstimeline/\S+", DOCKERFILE)
