from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from services.platform.settings import PROJECT_ROOT
from services.timeline.events import Anchor, ArticleSubmitted
from services.timeline.incidents import build_timeline
from services.timeline.sentences import sentence_at, sentence_starts

SEED = json.loads((PROJECT_ROOT / "seeds" / "seed-article.json").read_text(encoding="utf-8"))


def seed_article() -> ArticleSubmitted:
    return ArticleSubmitted(revision="r1", **SEED)


def test_seed_timeline_is_the_expected_one() -> None:
    timeline = build_timeline(seed_article())
    got = [(i.mention, i.start.isoformat(), i.end.isoformat(), i.granularity, i.anchor)
           for i in timeline.incidents]  # fmt: skip
    assert got == [
        ("2014", "2014-01-01T00:00:00+00:00", "2015-01-01T00:00:00+00:00", "year", "explicit"),
        ("the past year", "2024-12-15T08:00:00+00:00", "2025-12-15T08:00:00+00:00", "year",
         "explicit"),
        ("December 13", "2025-12-13T00:00:00+00:00", "2025-12-14T00:00:00+00:00", "day",
         "explicit"),
        (None, "2025-12-15T08:00:00+00:00", "2025-12-15T08:01:00+00:00", "minute",
         "publication"),
    ]  # fmt: skip
    assert "Sydney siege" in timeline.incidents[0].sentence
    assert timeline.incidents[-1].sentence == SEED["title"]


def test_build_is_deterministic_and_ids_depend_on_revision() -> None:
    article = seed_article()
    assert build_timeline(article).model_dump_json() == build_timeline(article).model_dump_json()
    other = build_timeline(article.model_copy(update={"revision": "r2"}))
    assert {i.incident_id for i in other.incidents}.isdisjoint(
        i.incident_id for i in build_timeline(article).incidents
    )


def test_publication_time_with_offset_is_stored_in_utc() -> None:
    article = seed_article().model_copy(
        update={"published_at": datetime(2025, 12, 15, 9, tzinfo=UTC) + timedelta(0)}
    )
    publication = [i for i in build_timeline(article).incidents if i.anchor == Anchor.PUBLICATION]
    assert publication[0].start.utcoffset() == timedelta(0)


def test_sentences_do_not_break_on_abbreviations() -> None:
    text = "Talks began on Dec. 13 in the U.S. capital. Then they ended.\nNew line here."
    starts = sentence_starts(text)
    assert sentence_at(text, starts, text.index("13")) == (
        "Talks began on Dec. 13 in the U.S. capital."
    )
    assert sentence_at(text, starts, text.index("ended")) == "Then they ended."
    assert sentence_at(text, starts, text.index("New")) == "New line here."
