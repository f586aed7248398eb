"""One feed pass over HTTP (a local server, 127.0.0.1): conditional GET, dedup across
restarts, malformed feeds and undated entries. Publishing is a recording fake here; the
real broker is in test_feeds_publish.py."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest

from services.ingest.feeds.publish import FeedReport, Outcome, ingest_feed
from services.ingest.feeds.state import FeedState, load_state, save_state
from services.ingest.publisher import BrokerUnavailableError, Receipt
from services.timeline.events import ArticleSubmitted
from tests.feed_server import FeedServer


class Recorder:
    """Publishes into a list; can be told to fail like a broker that went away."""

    def __init__(self) -> None:
        self.published: list[ArticleSubmitted] = []
        self.broker_down = False

    async def __call__(self, articles: Sequence[ArticleSubmitted]) -> Sequence[Outcome]:
        if self.broker_down:
            return [BrokerUnavailableError("down") for _ in articles]
        self.published.extend(articles)
        return [Receipt(a.article_id, a.revision, "t", 0, n) for n, a in enumerate(articles)]


async def one_pass(feed: str, state: FeedState, recorder: Recorder) -> FeedReport:
    async with httpx.AsyncClient(timeout=10) as client:
        return await ingest_feed(feed, client, state.memory(feed), recorder)


async def test_second_pass_is_a_304_and_publishes_nothing(server: FeedServer) -> None:
    state, recorder = FeedState(), Recorder()
    url = server.url("rss2.xml")
    first = await one_pass(url, state, recorder)
    assert (first.status, first.entries, first.published) == ("fetched", 3, 2)
    # A guid is a permalink unless it says otherwise, so feedparser resolves it.
    undated = (server.url("wire-notice"), "no publication date (published, updated or dc:date)")
    assert first.refused == [undated]
    second = await one_pass(url, state, recorder)
    assert (second.status, second.published) == ("not modified", 0)
    assert server.requests == [("/rss2.xml", 200), ("/rss2.xml", 304)]
    assert len(recorder.published) == 2


async def test_dedup_by_guid_survives_a_restart(server: FeedServer, tmp_path: Path) -> None:
    state_file, url, recorder = tmp_path / "feeds.json", server.url("atom.xml"), Recorder()
    state = FeedState()
    await one_pass(url, state, recorder)
    save_state(state, state_file)
    # The feed changes (new ETag): one entry edited, one untouched.
    feed = server.folder / "atom.xml"
    feed.write_text(feed.read_text().replace("a rouvert hier matin", "a rouvert hier soir"))
    again = await one_pass(url, load_state(state_file), recorder)
    assert (again.status, again.published, again.unchanged) == ("fetched", 1, 1)
    assert [a.title for a in recorder.published] == [
        "Le port rouvre",
        "Harbour reopens",
        "Le port rouvre",
    ]
    first, edited = recorder.published[0], recorder.published[2]
    assert edited.article_id == first.article_id
    assert edited.revision != first.revision


async def test_a_malformed_feed_fails_with_its_reason(server: FeedServer) -> None:
    report = await one_pass(server.url("malformed.xml"), FeedState(), Recorder())
    assert report.status == "failed"
    assert report.error is not None
    assert report.error.startswith("not a feed: ")


async def test_http_errors_and_unreachable_servers_are_reported(server: FeedServer) -> None:
    missing = await one_pass(server.url("absent.xml"), FeedState(), Recorder())
    assert (missing.status, missing.error) == ("failed", "HTTP 404 Not Found")
    closed = await one_pass("http://127.0.0.1:9/feed.xml", FeedState(), Recorder())
    assert closed.status == "failed"
    assert closed.error is not None
    assert closed.error.startswith("cannot fetch: ConnectError")


async def test_validators_are_kept_only_when_everything_got_through(server: FeedServer) -> None:
    state, recorder, url = FeedState(), Recorder(), server.url("rss1.rdf")
    recorder.broker_down = True
    with pytest.raises(BrokerUnavailableError):
        await one_pass(url, state, recorder)
    assert state.memory(url).etag is None  # the next pass fetches the whole feed again
    recorder.broker_down = False
    report = await one_pass(url, state, recorder)
    assert (report.status, report.published) == ("fetched", 1)
    assert state.memory(url).etag is not None
