"""The audit's comparison of the two topics, on records made here."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from services.contracts.names import RETRACTION_TYPE
from services.normalizer.audit import MISSING, NOT_RETRACTED, STALE, Audit


@dataclass
class Record:
    key: bytes
    value: bytes | None
    partition: int = 0
    offset: int = 0
    headers: list[tuple[str, bytes]] = field(default_factory=list)


def revision(article: str, rev: str, offset: int = 0) -> Record:
    return Record(article.encode(), json.dumps({"revision": rev}).encode(), offset=offset)


def retraction(article: str) -> Record:
    return Record(article.encode(), b"{}", headers=[("ce_type", RETRACTION_TYPE.encode())])


def timeline(article: str, rev: str | None) -> Record:
    value = None if rev is None else json.dumps({"revision": rev}).encode()
    return Record(article.encode(), value)


def problems(articles: list[Record], timelines: list[Record]) -> list[tuple[str, str]]:
    audit = Audit()
    for record in articles:
        audit.add_article(record)
    for record in timelines:
        audit.add_timeline(record)
    return [(f.article_id, f.problem) for f in audit.findings()]


def test_a_healthy_pair_has_no_findings() -> None:
    assert problems([revision("a", "1"), revision("a", "2")], [timeline("a", "2")]) == []


def test_a_latest_revision_without_its_timeline_is_found() -> None:
    assert problems([revision("a", "1")], []) == [("a", MISSING)]
    assert problems([revision("a", "1")], [timeline("a", "1"), timeline("a", None)]) == [
        ("a", MISSING)
    ]
    assert problems([revision("a", "1"), revision("a", "2")], [timeline("a", "1")]) == [
        ("a", STALE)
    ]


def test_a_retraction_needs_a_tombstone_only_where_a_timeline_was() -> None:
    assert problems([revision("a", "1"), retraction("a")], [timeline("a", "1")]) == [
        ("a", NOT_RETRACTED)
    ]
    assert problems([revision("a", "1"), retraction("a")], [timeline("a", None)]) == []
    assert problems([retraction("b")], []) == []
