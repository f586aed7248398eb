"""`newstimeline ingest-feed` on the real broker: entries published and read back, the
unusable ones reported, a second run deduplicated, --follow stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from services.cli import main
from services.timeline.events import ArticleSubmitted
from tests.feed_server import FeedServer
from tests.integration.ingest.conftest import FEEDS
from tests.kafka_helpers import consume, topic_size
from tests.polling import poll

DEADLINE_S = 60.0


@pytest.fixture
def topic(bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"feeds-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
    monkeypatch.setenv("NEWSTIMELINE_TOPICS__ARTICLES", name)
    monkeypatch.setenv("NEWSTIMELINE_FEED_STATE_FILE", str(tmp_path / "feeds.json"))
    assert main(["topics", "create"]) == 0
    return name


def test_feeds_are_published_and_a_rerun_adds_nothing(
    bootstrap: str, topic: str, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = [server.url("rss2.xml"), str(FEEDS / "atom.xml"), str(FEEDS / "rss1.rdf")]
    assert main(["ingest-feed", *feeds]) == 1  # one entry has no date
    err = capsys.readouterr().err
    assert "wire-notice: no publication date" in err
    records = asyncio.run(consume(bootstrap, topic, 5))
    articles = [ArticleSubmitted.model_validate_json(r.value) for r in records]
    assert {(a.source, a.language) for a in articles} == {
        ("Harbour City Wire", "en"),
        ("Le Quotidien Exemple", "fr"),
        ("Le Quotidien Exemple", "en"),
        ("Beispiel Zeitung", "de"),
    }
    ferry = next(a for a in articles if a.title.startswith("Ferry"))
    assert ferry.published_at.isoformat() == "2025-12-15T08:00:00-05:00"
    assert str(ferry.url) == "https://wire.example.org/2025/12/ferry"

    assert main(["ingest-feed", *feeds]) == 0  # the undated entry's feed did not change
    err = capsys.readouterr().err
    assert "not modified" in err
    assert "HTTP Request" not in err  # the console stays human
    assert asyncio.run(topic_size(bootstrap, topic)) == 5
    assert server.requests[-1] == ("/rss2.xml", 304)


def test_follow_stops_on_sigterm_within_seconds(
    bootstrap: str, topic: str, server: FeedServer
) -> None:
    command = [sys.executable, "-m", "services.cli", "ingest-feed", server.url("atom.xml")]
    child = subprocess.Popen(
        [*command, "--follow", "--every", "1s"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def second_pass() -> bool:  # the feed answered 304 to a second pass
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            return ("/atom.xml", 304) in server.requests

        poll(second_pass, DEADLINE_S, "a second pass over the feed")
        child.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        assert child.wait(timeout=10) == 0
        assert time.monotonic() - stopped_at < 5
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert asyncio.run(topic_size(bootstrap, topic)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/feed.xml"], "no such feed file"),
        (["ftp://example.org/feed.xml"], "only http:// and https://"),
        ([str(FEEDS / "atom.xml"), "--every", "60s"], "--every needs --follow"),
        ([str(FEEDS / "atom.xml"), "--follow", "--every", "soon"], "not a positive duration"),
        ([str(FEEDS / "atom.xml"), "--follow", "--every", "0s"], "not a positive duration"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest-feed", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
