"""The rules of each supported language: its tables, compiled by the engine on first use."""

from __future__ import annotations

from functools import cache

from .context import Rule
from .engine import compile_tables

# The languages with a rule set of their own besides English, whose words are in
# lexicon_foreign.LANGUAGES. Named here so that an English text imports no other language's
# lexicon or tables (a test keeps the two in step).
FOREIGN = frozenset({"de", "fr", "es"})


@cache
def _compiled(code: str) -> tuple[Rule, ...]:
    # Built on first use and kept: most runs read one language, and building and compiling
    # every language's tables at import would be most of the command's start-up.
    if code == "en":
        from .tables.en import ENGLISH_TABLES  # noqa: PLC0415 - see above

        return compile_tables(ENGLISH_TABLES)
    from .lexicon_foreign import LANGUAGES  # noqa: PLC0415 - see above
    from .tables.lexical import tables_of  # noqa: PLC0415 - see above

    return compile_tables(tables_of(LANGUAGES[code]))


def rules_for(language: str) -> tuple[Rule, ...]:
    """Rules for a language code ('en', 'de', 'fr', 'es', or a tag like 'de-AT');
    unknown languages get the English rules, which still read numeric dates and years."""
    code = language.lower()[:2]
    return _compiled(code if code in FOREIGN else "en")


def has_own_rules(language: str) -> bool:
    """English and the languages with a rule set of their own; others also get dateparser."""
    return language.lower()[:2] == "en" or language.lower()[:2] in FOREIGN
