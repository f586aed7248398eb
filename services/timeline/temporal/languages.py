"""The rules of each supported language: its tables, compiled by the engine."""

from __future__ import annotations

from functools import cache

from .context import Rule
from .engine import compile_tables
from .lexicon_foreign import LANGUAGES
from .tables.en import ENGLISH_TABLES
from .tables.lexical import tables_of

ENGLISH: tuple[Rule, ...] = compile_tables(ENGLISH_TABLES)


@cache
def _foreign(code: str) -> tuple[Rule, ...]:
    # Compiled on first use: most runs read one language, and compiling every language's
    # patterns at import would double the command's start-up.
    return compile_tables(tables_of(LANGUAGES[code]))


def rules_for(language: str) -> tuple[Rule, ...]:
    """Rules for a language code ('en', 'de', 'fr', 'es', or a tag like 'de-AT');
    unknown languages get the English rules, which still read numeric dates and years."""
    code = language.lower()[:2]
    return _foreign(code) if code in LANGUAGES else ENGLISH


def has_own_rules(language: str) -> bool:
    """English and the languages with a rule set of their own; others also get dateparser."""
    return language.lower()[:2] == "en" or language.lower()[:2] in LANGUAGES
