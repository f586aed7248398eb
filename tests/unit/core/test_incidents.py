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


def test_build_is_deterministic_and_ids_do_not_depend_on_revision() -> None:
    article = seed_article()
    assert build_timeline(article).model_dump_json() == build_timeline(article).model_dump_json()
    other = build_timeline(article.model_copy(update={"revision": "r2"}))
    assert [i.incident_id for i in other.incidents] == [
        i.incident_id for i in build_timeline(article).incidents
    ]


def ids_by_mention(article: ArticleSubmitted) -> dict[str | None, list[str]]:
    got: dict[str | None, list[str]] = {}
    for incident in sorted(build_timeline(article).incidents, key=lambda i: i.char_start or 0):
        got.setdefault(incident.mention, []).append(incident.incident_id)
    return got


def test_an_edit_elsewhere_keeps_the_ids_of_untouched_incidents() -> None:
    article = seed_article()
    edited = article.model_copy(
        update={"revision": "r2", "body": "A new opening sentence. " + article.body}
    )
    before, after = ids_by_mention(article), ids_by_mention(edited)
    assert before == after
    assert build_timeline(edited).incidents[0].char_start != (
        build_timeline(article).incidents[0].char_start
    )


def test_a_changed_mention_gets_a_new_id_and_the_others_keep_theirs() -> None:
    article = seed_article()
    edited = article.model_copy(update={"body": article.body.replace("December 13", "December 12")})
    before, after = ids_by_mention(article), ids_by_mention(edited)
    assert "December 12" in after
    assert after["December 12"] != before["December 13"]
    assert after["2014"] == before["2014"]
    assert after[None] == before[None]  # the publication


def test_equal_mentions_are_told_apart_by_their_ordinal() -> None:
    body = "On Monday talks began. On Monday they ended. Then on Tuesday nothing."
    article = seed_article().model_copy(update={"body": body})
    ids = ids_by_mention(article)
    assert len(ids["Monday"]) == 2
    assert len(set(ids["Monday"])) == 2
    # Inserting a different mention between them does not renumber them.
    edited = article.model_copy(
        update={"body": body.replace("talks began.", "talks began on Friday.")}
    )
    assert ids_by_mention(edited)["Monday"] == ids["Monday"]


def test_the_same_mention_in_another_article_has_another_id() -> None:
    article = seed_article()
    other = article.model_copy(update={"article_id": "another-article"})
    assert set(ids_by_mention(article)["2014"]).isdisjoint(ids_by_mention(other)["2014"])


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
