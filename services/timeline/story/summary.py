"""Which sentences say what happened on a day: the text half of a story timeline.

The candidates for a day are the sentences of the incidents that point to it (a sentence
naming the day, or the headline of an article published on it). Among them, the sentence
most central to what all the outlets say about that day (TF-IDF cosine to the day's
centroid; words weighed by the whole collection, see sentences.Collection) is the likeliest
to state its event; a query, when given, favours the sentences
that contain its words. A sentence too close to one already chosen (two outlets' versions
of one wire story) is dropped, across the whole timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .model import StoryIncident, StoryMethod, StoryRequest
from .sentences import Collection, Parsed, SentenceBook
from .text import Vector, centroid, cosine, overlap, words

QUERY_WEIGHT = 0.5  # a sentence with every query word gains half a perfect centrality


@dataclass(frozen=True)
class Candidate:
    sentence: Parsed
    order: int  # position of its first incident in the input, for a stable "first"
    articles: frozenset[str]  # the articles that carry it

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.sentence.tokens

    @property
    def word_set(self) -> frozenset[str]:
        return self.sentence.word_set


def candidates(
    incidents: Sequence[tuple[int, StoryIncident]], method: StoryMethod, book: SentenceBook
) -> list[Candidate]:
    """Distinct sentences of `incidents` (numbered by input position), of a summary's length
    when there are such."""
    first: dict[str, tuple[int, Parsed]] = {}
    carriers: dict[str, set[str]] = {}
    for order, incident in incidents:
        sentence = book.parse(incident.sentence)
        if not sentence.text:
            continue
        if sentence.text not in first:
            first[sentence.text] = (order, sentence)
            carriers[sentence.text] = set()
        carriers[sentence.text].add(incident.article_id)
    found = [Candidate(s, order, frozenset(carriers[t])) for t, (order, s) in first.items()]
    fitting = [c for c in found if method.min_words <= len(c.tokens) <= method.max_words]
    return fitting or found


def query_share(candidate: Candidate, query: Sequence[str]) -> float:
    if not query:
        return 0.0
    present = candidate.word_set
    return sum(word in present for word in query) / len(query)


def ranked(
    pool: list[Candidate], collection: Collection, method: StoryMethod, query: Sequence[str]
) -> list[Candidate]:
    """`pool` best first: by centrality (plus query share) or, without it, input order."""
    if not method.central:
        return sorted(pool, key=lambda c: (-query_share(c, query), c.order, c.text))
    vectors: dict[str, Vector] = {c.text: collection.vector(c.sentence) for c in pool}
    # A sentence carried by several outlets (a wire story) weighs as often in the centroid.
    middle = centroid((vectors[c.text], len(c.articles)) for c in pool)

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
    collection: Collection,
) -> dict[date, tuple[Candidate, ...]]:
    """Up to `request.per_date` sentences for each of `days` (given best day first, which
    keeps a shared sentence for the better-supported day)."""
    pools = {day: candidates(pointing.get(day, ()), method, collection.book) for day in days}
    query = sorted(set(words(request.query or "")))
    chosen: list[frozenset[str]] = []
    summaries: dict[date, tuple[Candidate, ...]] = {}
    for day in days:
        picked: list[Candidate] = []
        for candidate in ranked(pools[day], collection, method, query):
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
