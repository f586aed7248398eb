"""Which sentences say what happened on a day: the text half of a story timeline.

The candidates for a day are the sentences of the incidents that point to it (a sentence
naming the day, or the headline of an article published on it). Among them, the sentence
most central to what all the outlets say about that day (TF-IDF cosine to the day's
centroid) is the likeliest to state its event; a query, when given, favours the sentences
that contain its words. A sentence too close to one already chosen (two outlets' versions
of one wire story) is dropped, across the whole timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .model import StoryIncident, StoryMethod, StoryRequest
from .text import Vector, centroid, cosine, inverse_document_frequency, overlap, tfidf, words

QUERY_WEIGHT = 0.5  # a sentence with every query word gains half a perfect centrality


@dataclass(frozen=True)
class Candidate:
    text: str
    tokens: tuple[str, ...]
    order: int  # position of its first incident in the input, for a stable "first"
    articles: frozenset[str]  # the articles that carry it

    @property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.tokens)


def candidates(
    incidents: Sequence[tuple[int, StoryIncident]], method: StoryMethod
) -> list[Candidate]:
    """Distinct sentences of `incidents` (numbered by input position), of a summary's length
    when there are such."""
    seen: dict[str, Candidate] = {}
    for order, incident in incidents:
        text = " ".join(incident.sentence.split())
        if not text:
            continue
        held = seen.get(text)
        if held is None:
            seen[text] = Candidate(
                text, tuple(words(text)), order, frozenset([incident.article_id])
            )
        elif incident.article_id not in held.articles:
            seen[text] = replace(held, articles=held.articles | {incident.article_id})
    found = list(seen.values())
    fitting = [c for c in found if method.min_words <= len(c.tokens) <= method.max_words]
    return fitting or found


def query_share(candidate: Candidate, query: Sequence[str]) -> float:
    if not query:
        return 0.0
    present = candidate.word_set
    return sum(word in present for word in query) / len(query)


def ranked(
    pool: list[Candidate], idf: dict[str, float], method: StoryMethod, query: Sequence[str]
) -> list[Candidate]:
    """`pool` best first: by centrality (plus query share) or, without it, input order."""
    if not method.central:
        return sorted(pool, key=lambda c: (-query_share(c, query), c.order, c.text))
    vectors: dict[str, Vector] = {c.text: tfidf(c.tokens, idf) for c in pool}
    # A sentence carried by several outlets (a wire story) weighs as often in the centroid.
    middle = centroid({w: v * len(c.articles) for w, v in vectors[c.text].items()} for c in pool)

    def value(c: Candidate) -> float:
        return cosine(vectors[c.text], middle) + QUERY_WEIGHT * query_share(c, query)

    scored = [(value(c), c) for c in pool]
    scored.sort(key=lambda pair: (-pair[0], pair[1].order, pair[1].text))
    return [c for _, c in scored]


def summarize(
    days: Sequence[date],
    pointing: Mapping[date, Sequence[tuple[int, StoryIncident]]],
    method: StoryMethod,
    request: StoryRequest,
) -> dict[date, tuple[Candidate, ...]]:
    """Up to `request.per_date` sentences for each of `days` (given best day first, which
    keeps a shared sentence for the better-supported day)."""
    pools = {day: candidates(pointing.get(day, ()), method) for day in days}
    idf = inverse_document_frequency([c.tokens for pool in pools.values() for c in pool])
    query = sorted(set(words(request.query or "")))
    chosen: list[frozenset[str]] = []
    summaries: dict[date, tuple[Candidate, ...]] = {}
    for day in days:
        picked: list[Candidate] = []
        for candidate in ranked(pools[day], idf, method, query):
            if len(picked) == request.per_date:
                break
            if method.dedup and any(
                overlap(candidate.word_set, other) >= method.dedup_overlap for other in chosen
            ):
                continue
            picked.append(candidate)
            chosen.append(candidate.word_set)
        summaries[day] = tuple(picked)
    return summaries
