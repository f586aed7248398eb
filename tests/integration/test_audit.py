"""`newstimeline audit` on a live stack: a timeline deleted by a tombstone is found, --repair
publishes the bytes the worker published, and a second audit is clean."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from services.platform.kafka.local_broker import free_port
from services.platform.kafka.topic_reader import read_topic
from tests.faults.stack import Stack
from tests.faults.test_storm import event
from tests.kafka_helpers import consume, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]
ARTICLES = 20


def audit(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "services.cli", "audit", *args]
    return subprocess.run(
        command, env=stack.env, capture_output=True, text=True, timeout=120, check=False
    )


def test_audit_finds_a_deleted_timeline_and_repair_restores_it(
    bootstrap: str, tmp_path: Path
) -> None:
    stack = Stack.create(bootstrap, tmp_path)
    topics = stack.settings().topics
    try:
        stack.start("worker", "worker", "--port", str(free_port()))
        for n in range(ARTICLES):
            asyncio.run(produce(bootstrap, topics.articles, *event(n, 1)))
        asyncio.run(consume(bootstrap, topics.timelines, ARTICLES, deadline_s=180))
        clean = audit(stack, "--json")
        assert clean.returncode == 0, clean.stdout + clean.stderr
        assert json.loads(clean.stdout)["articles"] == ARTICLES

        victim = event(7, 1)[0]
        settings = stack.settings()
        timelines = asyncio.run(read_topic(settings, bootstrap, topics.timelines, "test"))
        original = next(r for r in timelines if r.key == victim)
        stack.services["worker"].stop()  # the repair, not the worker, must restore it
        asyncio.run(produce(bootstrap, topics.timelines, victim, None))
        found = audit(stack, "--json")
        assert found.returncode == 1
        findings = json.loads(found.stdout)["findings"]
        assert [(f["article_id"], f["problem"]) for f in findings] == [("storm-7", "missing")]

        repaired = audit(stack, "--repair")
        assert repaired.returncode == 1  # it found something; it also repaired it
        assert "repaired 1" in repaired.stdout
        again = audit(stack)
        assert again.returncode == 0, again.stdout
        latest = [
            r
            for r in asyncio.run(read_topic(settings, bootstrap, topics.timelines, "test"))
            if r.key == victim
        ]
        assert (latest[-1].value, list(latest[-1].headers)) == (
            original.value,
            list(original.headers),
        )
    finally:
        stack.stop_all()
