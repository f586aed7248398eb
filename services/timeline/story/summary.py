"""Which sentences say what happened on a day: the text half of a story timeline.

The candidates for a day are the sentences of the incidents that point to it (a sentence
naming the day, or the headline of an article published on it). Among them, the sentence
most central to what all the outlets say about that day (TF-IDF cosine to the day's
centroid; words weighed by the whole collection, see sentences.Collection) is the likeliest
to state its event; a query, when given, favours the sentences
that contain its words. A sentence too close to one already chosen (two outlets' versions
of one wire story) is dropped, across the whole timeline. When a day gets several
sentences, each next one is chosen by maximal marginal relevance (Carbonell & Goldstein
1998): its centrality less its similarity to the closest one already chosen for the day, so
the day's sentences tell different parts of what happened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .model import StoryIncident, StoryMethod, StoryRequest
from .sentences import Collection, Parsed, SentenceBook
from .text import Vector, centroid, cosine, overlap, words

QUERY_WEIGHT = 0.5  # a sentence with every query word gains half a perfect centrality
MMR_POOL = 50  # a day's next sentence is sought among this many of its most central


@dataclass(frozen=True)
class Candidate:
    sentence: Parsed
    order: int  # position of its first incident in the input, for a stable "first"
    articles: frozenset[str]  # the articles that carry it
    days_named: int = 1  # distinct days the sentence names (a headline names its own)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.sentence.tokens

    @property
    def word_set(self) -> frozenset[str]:
        return self.sentence.word_set


def readable(sentence: Parsed, method: StoryMethod, book: SentenceBook) -> Parsed | None:
    """The sentence as a summary may use it: without a dateline ahead of it, and None for
    a caption, a credit or a post (see furniture.py)."""
    if not method.furniture or not sentence.text:
        return sentence
    return book.readable(sentence)


def candidates(
    incidents: Sequence[tuple[int, StoryIncident]],
    method: StoryMethod,
    book: SentenceBook,
    named: Mapping[str, int],
) -> list[Candidate]:
    """Distinct sentences of `incidents` (numbered by input position), of a summary's length
    when there are such."""
    first: dict[str, tuple[int, Parsed, int]] = {}
    carriers: dict[str, set[str]] = {}
    for order, incident in incidents:
        sentence = readable(book.parse(incident.sentence), method, book)
        if sentence is None or not sentence.text:
            continue
        if sentence.text not in first:
            first[sentence.text] = (order, sentence, named.get(incident.sentence, 1))
            carriers[sentence.text] = set()
        carriers[sentence.text].add(incident.article_id)
    found = [
        Candidate(s, order, frozenset(carriers[t]), days) for t, (order, s, days) in first.items()
    ]
    fitting = [c for c in found if method.min_words <= len(c.tokens) <= method.max_words]
    return fitting or found


def query_share(candidate: Candidate, query: Sequence[str]) -> float:
    if not query:
        return 0.0
    present = candidate.word_set
    return sum(word in present for word in query) / len(query)


Scored = tuple[float, Candidate, Vector]  # value, candidate, its vector


def ranked(
    pool: list[Candidate], collection: Collection, method: StoryMethod, query: Sequence[str]
) -> list[Scored]:
    """`pool` best first, with values: by centrality (plus query share) or, without it,
    by input order."""
    vectors = [collection.vector(c.sentence) for c in pool]
    if not method.central:
        order = sorted(
            range(len(pool)),
            key=lambda i: (-query_share(pool[i], query), pool[i].order, pool[i].text),
        )
        return [(0.0, pool[i], vectors[i]) for i in order]
    # A sentence carried by several outlets (a wire story) weighs as often in the centroid.
    middle = centroid((vector, len(c.articles)) for c, vector in zip(pool, vectors, strict=True))
    scored = [
        (
            cosine(vector, middle)
            + QUERY_WEIGHT * query_share(c, query)
            + method.focus * (c.days_named <= 1),
            c,
            vector,
        )
        for c, vector in zip(pool, vectors, strict=True)
    ]
    scored.sort(key=lambda s: (-s[0], s[1].order, s[1].text))
    return scored


def next_pick(remaining: list[Scored], picked: list[Scored], method: StoryMethod) -> Scored:
    """Removes and returns the next sentence of a day: the best one, or with `picked` and
    `method.redundancy` the best of the first MMR_POOL after the redundancy penalty."""
    best = 0
    if picked and method.redundancy:

        def marginal(i: int) -> float:
            value, _, vector = remaining[i]
            return value - method.redundancy * max(cosine(vector, p[2]) for p in picked)

        best = max(range(min(len(remaining), MMR_POOL)), key=lambda i: (marginal(i), -i))
    return remaining.pop(best)


def summarize(
    days: Sequence[date],
    pointing: Mapping[date, Sequence[tuple[int, StoryIncident]]],
    method: StoryMethod,
    request: StoryRequest,
    collection: Collection,
    *,
    named: Mapping[str, int] | None = None,
) -> dict[date, tuple[Candidate, ...]]:
    """Up to `request.per_date` sentences for each of `days` (given best day first, which
    keeps a shared sentence for the better-supported day)."""
    pools = {
        day: candidates(pointing.get(day, ()), method, collection.book, named or {}) for day in days
    }
    query = sorted(set(words(request.query or "")))
    chosen: list[frozenset[str]] = []
    summaries: dict[date, tuple[Candidate, ...]] = {}
    for day in days:
        remaining = ranked(pools[day], collection, method, query)
        picked: list[Scored] = []
        while remaining and len(picked) < request.per_date:
            scored = next_pick(remaining, picked, method)
            words_of = scored[1].word_set
            if method.dedup and any(overlap(words_of, o) >= method.dedup_overlap for o in chosen):
                continue
            picked.append(scored)
            chosen.append(words_of)
        summaries[day] = tuple(c for _, c, _ in picked)
    return summaries
