"""Scoring story timelines the way the timeline-summarization field does (news-tls + tilse).

For each reference timeline the system gets the topic's articles published between the
reference's first and last day, and is asked for as many dates as the reference has, with
the reference's average number of sentences per date, inside that span. Alignment ROUGE-1
and ROUGE-2 use tilse's "align+ m:1" (dates aligned many-to-one by distance and content);
Date-F1 counts exact dates. Precision and recall are averaged over timelines, and F is
computed from those averages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation.rouge import TimelineRougeEvaluator

from services.timeline.story import StoryMethod, StoryRequest, story_timeline

from .timeline17 import Reference, Topic

Rouge = Literal["perl", "python"]
SystemTimeline = dict[date, list[str]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


ZERO = PRF(0.0, 0.0)


@dataclass(frozen=True)
class TimelineScore:
    """Scores of one system timeline against one reference."""

    rouge1: PRF
    rouge2: PRF
    dates: PRF


def evaluator(rouge: Rouge) -> Any:
    """tilse's evaluator: the original ROUGE-1.5.5 Perl script (as news-tls scores), or
    tilse's approximate Python reimplementation (much faster, for tuning)."""
    computation = "original" if rouge == "perl" else "reimpl"
    return TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=computation)


def story_request(reference: Reference) -> StoryRequest:
    return StoryRequest(
        dates=len(reference.days),
        per_date=reference.sentences_per_date,
        first_day=reference.first_day,
        last_day=reference.last_day,
    )


def system_timeline(topic: Topic, reference: Reference, method: StoryMethod) -> SystemTimeline:
    """The story timeline of the reference's window, in the references' tokenized form."""
    first, last = reference.first_day, reference.last_day
    articles = [a for a in topic.articles if first <= a.published_at.date() <= last]
    inside = {a.article_id for a in articles}
    incidents = [i for i in topic.incidents if i.article_id in inside]
    story = story_timeline(incidents, articles, story_request(reference), method)
    return {d.day: [topic.original(s) for s in d.summary] for d in story if d.summary}


def date_scores(predicted: SystemTimeline, reference: Reference) -> PRF:
    if not predicted:
        return ZERO
    shared = len(set(predicted) & set(reference.days))
    return PRF(shared / len(predicted), shared / len(reference.days))


def score(predicted: SystemTimeline, reference: Reference, rouge_evaluator: Any) -> TimelineScore:
    if not predicted:
        return TimelineScore(ZERO, ZERO, ZERO)
    truth = GroundTruth([Timeline({d: list(s) for d, s in reference.days.items()})])
    found = rouge_evaluator.evaluate_align_date_content_costs_many_to_one(
        Timeline(predicted), truth
    )
    rouge1, rouge2 = (
        PRF(found[m]["precision"], found[m]["recall"]) for m in ("rouge_1", "rouge_2")
    )
    return TimelineScore(rouge1, rouge2, date_scores(predicted, reference))


def average(scores: Sequence[TimelineScore]) -> TimelineScore:
    """P and R averaged over timelines; F follows from them (PRF.f1)."""
    count = max(len(scores), 1)

    def mean(pick: str) -> PRF:
        parts = [getattr(s, pick) for s in scores]
        return PRF(sum(p.precision for p in parts) / count, sum(p.recall for p in parts) / count)

    return TimelineScore(mean("rouge1"), mean("rouge2"), mean("dates"))
