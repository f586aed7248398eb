"""Reading a Timeline17-style folder: topics, their articles and reference timelines.

The texts are tokenized the Penn Treebank way ("August 29 , 1958", "-LRB- AP -RRB-"). The
product reads ordinary text, so the reader undoes the tokenization before normalizing (that
is the honest place for it: no real feed looks like this), and maps the sentences chosen back
to their tokenized lines, which is the form the references and the field's scores use.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from services.timeline.events import ArticleSubmitted, Incident
from services.timeline.incidents import build_timeline
from services.timeline.story import StoryArticle, StoryIncident
from services.timeline.story.furniture import strip_lead

NOON = time(12, tzinfo=UTC)  # the folder gives publication days only
MAX_TITLE = 1000

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_UNTOKENIZE = (
    (re.compile(r"-[LR][RSC]B-"), lambda m: _BRACKETS[m.group(0)]),
    (re.compile(r"`` ?"), lambda _: '"'),  # an opening quote holds on to the next word
    (re.compile(r" ?''"), lambda _: '"'),  # a closing one to the previous
    (re.compile(r" ([,.;:?!%)\]}])"), lambda m: m.group(1)),
    (re.compile(r"([(\[{$]) "), lambda m: m.group(1)),
    (re.compile(r" (n't|'s|'re|'m|'ve|'ll|'d)\b", re.IGNORECASE), lambda m: m.group(1)),
)


def untokenize(line: str) -> str:
    """Ordinary text from a Penn Treebank tokenized line ("Jan. 12 , 2010" -> "Jan. 12, 2010")."""
    text = line.strip()
    for pattern, replace in _UNTOKENIZE:
        text = pattern.sub(replace, text)
    return text


@dataclass(frozen=True)
class Reference:
    """One journalist's timeline: day -> its sentences (the last entry of a repeated day)."""

    days: dict[date, tuple[str, ...]]

    @property
    def first_day(self) -> date:
        return min(self.days)

    @property
    def last_day(self) -> date:
        return max(self.days)

    @property
    def sentences_per_date(self) -> int:
        """The average summary length, rounded, as the field asks of a system."""
        total = sum(len(sentences) for sentences in self.days.values())
        return round(total / len(self.days))


@dataclass
class Topic:
    """A topic's articles as story inputs, and its reference timelines."""

    name: str
    articles: list[StoryArticle] = field(default_factory=list)
    incidents: list[StoryIncident] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tokenized: dict[str, str] = field(default_factory=dict)  # our sentence -> its source line
    leads: dict[str, str] = field(default_factory=dict)  # a line's lead without its dateline

    def original(self, sentence: str) -> str:
        """The tokenized line a summary sentence comes from, or the tokenized part of it
        that the summary kept (a line less its dateline, see story.furniture)."""
        found = self.tokenized.get(sentence)
        if found is None:
            if not self.leads:
                self.leads = leads(self.tokenized)
            found = self.leads.get(sentence, sentence)
        return found


def tokenized_tail(text: str, line: str) -> str:
    """The shortest ending of tokenized `line` that reads as `text` once untokenized."""
    tokens = line.split()
    for start in range(len(tokens) - 1, -1, -1):
        tail = " ".join(tokens[start:])
        if untokenize(tail) == text:
            return tail
    return text


def leads(tokenized: dict[str, str]) -> dict[str, str]:
    """Each line's lead without its dateline (where it has one), mapped to its tokens."""
    found = {}
    for text, line in tokenized.items():
        lead = strip_lead(" ".join(text.split()))
        if lead != " ".join(text.split()):
            found[lead] = tokenized_tail(lead, line)
    return found


def topic_folders(root: Path) -> list[Path]:
    """Folders of `root` that hold articles.jsonl and timelines.jsonl, by name."""
    return sorted(
        p
        for p in root.iterdir()
        if (p / "articles.jsonl").is_file() and (p / "timelines.jsonl").is_file()
    )


def read_references(path: Path) -> list[Reference]:
    references = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            days = {
                date.fromisoformat(d): tuple(s.strip() for s in ss) for d, ss in json.loads(line)
            }
            references.append(Reference(days))
    return references


def read_articles(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def submission(record: dict[str, str], lines: list[str]) -> ArticleSubmitted:
    """The article as ingest would publish it: first line as headline, all lines as body."""
    body = "\n".join(lines)
    return ArticleSubmitted(
        article_id=record["id"],
        revision=hashlib.sha256(body.encode()).hexdigest()[:16],
        source=record.get("collection", "unknown"),
        title=lines[0][:MAX_TITLE],
        body=body,
        published_at=datetime.combine(date.fromisoformat(record["time"]), NOON),
    )


def story_incident(incident: Incident) -> StoryIncident:
    return StoryIncident(
        incident.incident_id,
        incident.article_id,
        incident.start,
        incident.end,
        incident.granularity,
        incident.anchor,
        incident.sentence,
    )


def add_article(topic: Topic, record: dict[str, str]) -> None:
    """Normalize one article into `topic`; articles with no text are skipped."""
    originals = [line.strip() for line in record["text"].splitlines() if line.strip()]
    if not originals:
        return
    lines = [untokenize(line) for line in originals]
    article = submission(record, lines)
    topic.tokenized.update(zip(lines, originals, strict=True))
    timeline = build_timeline(article)
    topic.articles.append(
        StoryArticle(article.article_id, article.published_at, article.source, article.title)
    )
    topic.incidents.extend(story_incident(i) for i in timeline.incidents)
