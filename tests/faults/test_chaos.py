"""Articles through the batch API while the stack is hurt: the worker SIGKILLed and
restarted, the broker restarted through the CLI, the query service SIGKILLed while it
projects. Afterwards every accepted article is in the read model exactly once, with one
publication incident; no incident id appears twice; and every article's incidents are
those a fresh build_timeline gives.

`make soak` runs the same with FAULTS_ARTICLES=10000 FAULTS_WORKER_KILLS=5.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.ingest.submission import parse_article, to_event
from services.query.times import to_key, to_rfc3339
from services.timeline.incidents import build_timeline
from tests.e2e.polling import timeline
from tests.faults.chaos import Chaos, Progress, cli
from tests.faults.stack import Stack
from tests.kafka_helpers import topic_size
from tests.polling import poll

pytestmark = pytest.mark.integration

ARTICLES = int(os.environ.get("FAULTS_ARTICLES", "2000"))
WORKER_KILLS = int(os.environ.get("FAULTS_WORKER_KILLS", "2"))
BATCH = 50
MONTHS = ("January", "March", "May", "July", "September", "November")


def article(n: int) -> dict[str, Any]:
    month, day = MONTHS[n % len(MONTHS)], n % 28 + 1
    return {
        "article_id": f"chaos-{n}",
        "source": f"wire-{n % 7}",
        "title": f"Report {n}",
        "body": f"Officials met on {month} {day}. Two days later the talks ended.",
        "published_at": f"2025-12-{n % 28 + 1:02d}T08:00:00Z",
    }


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    """A stack on a local broker of its own (its restart touches no other test)."""
    state = {
        "NEWSTIMELINE_LOCAL_KAFKA__STATE_DIR": str(tmp_path / "kafka"),
        "NEWSTIMELINE_LOCAL_KAFKA__HEAP": "384m",
    }
    bootstrap = start_broker(state)
    running = Stack.create(bootstrap, tmp_path, NEWSTIMELINE_PRODUCE_TIMEOUT_S="5", **state)
    try:
        yield running
    finally:
        running.stop_all()
        cli(running.env, "kafka", "stop")


def start_broker(state: dict[str, str]) -> str:
    """`newstimeline kafka start` on the given state dir; the address it prints."""
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"} | state
    return cli(env, "kafka", "start").strip().splitlines()[-1]


def post_batch(
    url: str, batch: list[dict[str, Any]], deadline_s: float = 240
) -> tuple[set[str], int]:
    """Post until every item is accepted (a failed one is retried: that is safe); returns
    the accepted ids and how many retries it took."""
    accepted: set[str] = set()
    pending, retries = batch, 0
    deadline = time.monotonic() + deadline_s
    while pending:
        try:
            reply = httpx.post(url, json=pending, timeout=60)
        except httpx.HTTPError:
            reply = None
        if reply is not None:
            assert reply.status_code in (200, 503), reply.text[:500]
            items = reply.json()["items"]
            assert not [i for i in items if i["status"] == "refused"], items
            accepted |= {i["article_id"] for i in items if i["status"] == "accepted"}
            pending = [pending[i["index"]] for i in items if i["status"] == "failed"]
        if pending:
            retries += 1
            assert time.monotonic() < deadline, f"{len(pending)} articles never accepted"
            time.sleep(1)  # the client's pause before a retry (Retry-After), not a wait
    return accepted, retries


def expected_incidents(raw: dict[str, Any]) -> set[tuple[str, str, str]]:
    built = build_timeline(to_event(parse_article(raw)))
    return {
        (i.incident_id, to_rfc3339(to_key(i.start)), to_rfc3339(to_key(i.end)))
        for i in built.incidents
    }


def test_nothing_lost_or_doubled_through_kills_and_a_broker_restart(stack: Stack) -> None:
    for name in ("worker", "query", "ingest"):
        stack.start(name)
    articles = [article(n) for n in range(ARTICLES)]
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    progress = Progress(total=len(batches))
    chaos = Chaos(stack, progress)
    began = time.monotonic()
    thread = chaos.run(WORKER_KILLS)
    accepted: set[str] = set()
    retries = 0
    for batch in batches:
        ids, tries = post_batch(f"{stack.ingest_url}/v1/articles:batch", batch)
        accepted |= ids
        retries += tries
        progress.advance()
    thread.join(300)
    assert chaos.error is None, chaos.error
    posted_s = time.monotonic() - began
    assert len(accepted) == ARTICLES

    def projected() -> list[dict[str, Any]] | None:
        items = timeline(stack.query_url, anchor="publication")
        return items if {i["article_id"] for i in items} >= accepted else None

    publications = poll(projected, deadline_s=300, what="every accepted article projected")
    converged_s = time.monotonic() - began
    per_article = Counter(i["article_id"] for i in publications)
    assert set(per_article) == accepted
    assert set(per_article.values()) == {1}

    items = timeline(stack.query_url)
    per_incident = Counter(i["incident_id"] for i in items)
    assert max(per_incident.values()) == 1
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for i in items:
        found[i["article_id"]].add((i["incident_id"], i["start"], i["end"]))
    wrong = [a["article_id"] for a in articles if found[a["article_id"]] != expected_incidents(a)]
    assert wrong == []
    assert asyncio.run(topic_size(stack.bootstrap, stack.settings().topics.dead_letters)) == 0
    print(
        f"\nchaos: {ARTICLES} articles, {WORKER_KILLS} worker kills, 1 broker restart, "
        f"1 query kill; posted in {posted_s:.1f} s with {retries} batch retries; read model "
        f"complete after {converged_s:.1f} s; {len(items)} incidents, 0 lost, 0 doubled, "
        f"0 differing from a fresh build\n" + "\n".join(chaos.log)
    )
