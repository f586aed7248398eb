"""Full-text search: what the index reads for a row, and how a reader's `q` becomes FTS5.

The index (schema.py) uses FTS5's porter tokenizer, which stems English. Text in the other
languages the normalizer reads is stemmed before it reaches the index by the Snowball
stemmers of PyStemmer (kept, not hand-written suffix rules); the words as written are
indexed beside the stems, so a query word matches in either form. A query word is looked
up in every form (as written, and stemmed by each Snowball stemmer), because a timeline
query has no language of its own.

Syntax of `q`: words must all match (AND); `OR` between two terms lets either match (it
binds tighter than AND: `tunnel OR bridge collapse` is (tunnel or bridge) and collapse);
"quoted words" match as a phrase; a trailing `*` matches by prefix (`tunn*`). Everything a
reader types is quoted before FTS5 sees it, so no input is read as FTS5 syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import Stemmer

# ISO 639-1 code -> Snowball algorithm; English is the porter tokenizer's own.
SNOWBALL = {"de": "german", "fr": "french", "es": "spanish", "it": "italian"}
WORD = re.compile(r"\w+")
# A quoted phrase, or a bare token (with its optional trailing *).
TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@cache
def stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def index_text(language: str, *texts: str | None) -> str:
    """What the full-text index reads for a row: the texts as written, and for a language
    with a Snowball stemmer their stems too."""
    written = "\n".join(t for t in texts if t)
    found = stemmer(language)
    if found is None:
        return written
    return f"{written}\n{' '.join(found.stemWords(words_of(written)))}"


@dataclass(frozen=True)
class Term:
    """One thing to find: a word or a phrase, maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term in FTS5: every form it may take in the index, any of which matches."""
        if self.prefix:
            return f'"{" ".join(self.words)}"*'
        forms = {" ".join(self.words)}
        for language in SNOWBALL:
            found = stemmer(language)
            assert found is not None
            forms.add(" ".join(found.stemWords(list(self.words))))
        quoted = " OR ".join(f'"{form}"' for form in sorted(forms))
        return f"({quoted})" if len(forms) > 1 else quoted


def term(token: str, *, phrase: bool) -> Term | None:
    """The term a token stands for; None when it holds no word (`!!!`)."""
    prefix = not phrase and token.endswith("*")
    words = tuple(words_of(token))
    return Term(words, prefix) if words else None


def parse(text: str) -> list[list[Term]]:
    """The groups of `text`: every group must match, any term of a group may."""
    groups: list[list[Term]] = []
    joined = False  # the previous token was OR
    for match in TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if bare == "OR":
            joined = bool(groups)
            continue
        found = term(phrase if phrase is not None else bare, phrase=phrase is not None)
        if found is None:
            continue
        if joined:
            groups[-1].append(found)
        else:
            groups.append([found])
        joined = False
    return groups


@lru_cache(maxsize=1024)
def fts_query(text: str) -> str:
    """The FTS5 MATCH expression of `q` (see the module's docstring); "" when `q` holds no
    word. Kept per text: the parameter check and the query both ask for it, and a search
    repeated (a next page, a refresh) asks again."""
    groups = parse(text)
    return " AND ".join(
        group[0].fts() if len(group) == 1 else "(" + " OR ".join(t.fts() for t in group) + ")"
        for group in groups
    )
