"""What `newstimeline audit` finds, from the two topics read whole: every article whose
latest record on news.articles.v1 has no matching record on news.timelines.v1.

- missing: the latest revision has no timeline at all (or only a tombstone);
- stale: the latest timeline was built from another revision;
- not retracted: the article was retracted, but its latest timeline is no tombstone.

Pure: the caller reads the records (in log order per partition) and folds them in here;
a repair is what `processing.decide` gives for the article's latest record, the bytes the
worker itself would publish.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from services.contracts.names import RETRACTION_TYPE
from services.normalizer.processing import event_type

MISSING, STALE, NOT_RETRACTED = "missing", "stale", "not retracted"


@dataclass(frozen=True)
class Latest:
    """An article's latest record on the articles topic."""

    partition: int
    offset: int
    value: bytes | None
    kind: str | None  # the record's ce_type
    revision: str | None  # None for a retraction (or a record that does not parse)

    @property
    def retracted(self) -> bool:
        return self.kind == RETRACTION_TYPE


@dataclass(frozen=True)
class Finding:
    article_id: str
    problem: str
    article: Latest
    timeline_revision: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "problem": self.problem,
            "partition": self.article.partition,
            "offset": self.article.offset,
            "revision": self.article.revision,
            "timeline_revision": self.timeline_revision,
        }

    def line(self) -> str:
        where = f"{self.article.partition}:{self.article.offset}"
        return f"{self.problem}\t{self.article_id}\t{where}\trevision {self.article.revision}"


NO_TIMELINE = object()


@dataclass
class Audit:
    """Folds both topics' records into the latest of each key, then compares them."""

    articles: dict[str, Latest] = field(default_factory=dict)
    # The revision of the latest timeline of each key; None for a tombstone.
    timelines: dict[str, str | None] = field(default_factory=dict)

    def add_article(self, record: Any) -> None:
        kind = event_type([(str(k), bytes(v)) for k, v in record.headers or ()])
        key = (record.key or b"").decode(errors="replace")
        revision = None if kind == RETRACTION_TYPE else _field(record.value, "revision")
        self.articles[key] = Latest(record.partition, record.offset, record.value, kind, revision)

    def add_timeline(self, record: Any) -> None:
        key = (record.key or b"").decode(errors="replace")
        revision = None if record.value is None else _field(record.value, "revision")
        self.timelines[key] = revision

    def findings(self) -> list[Finding]:
        found = []
        for article_id, latest in sorted(self.articles.items()):
            timeline: Any = self.timelines.get(article_id, NO_TIMELINE)
            problem = self._problem(latest, timeline)
            if problem is not None:
                shown = None if timeline is NO_TIMELINE else timeline
                found.append(Finding(article_id, problem, latest, shown))
        return found

    @staticmethod
    def _problem(latest: Latest, timeline: object) -> str | None:
        if latest.retracted:
            # Never published, or already tombstoned: nothing shows a retracted article.
            return None if timeline is NO_TIMELINE or timeline is None else NOT_RETRACTED
        if timeline is NO_TIMELINE or timeline is None:
            return MISSING
        return None if timeline == latest.revision else STALE


def _field(value: bytes | None, name: str) -> str | None:
    try:
        found = json.loads(value or b"").get(name)
    except (ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None
