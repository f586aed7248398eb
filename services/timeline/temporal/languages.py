"""The rule set for each supported language."""

from __future__ import annotations

from functools import cache

from .context import Rule
from .lexicon_foreign import LANGUAGES
from .rules_dates import RULES as DATE_RULES
from .rules_eras import RULES as ERA_RULES
from .rules_foreign import foreign_rules
from .rules_lengths import RULES as LENGTH_RULES
from .rules_periods import RULES as PERIOD_RULES
from .rules_relative import RULES as RELATIVE_RULES
from .rules_spans import RULES as SPAN_RULES
from .rules_years import RULES as YEAR_RULES
from .rules_years import SPELLED_RULES

# Order breaks ties between matches of the same extent: the more specific rule first.
ENGLISH: tuple[Rule, ...] = (
    *ERA_RULES,
    *DATE_RULES,
    *PERIOD_RULES,
    *RELATIVE_RULES,
    *YEAR_RULES,
    *SPELLED_RULES,
    *LENGTH_RULES,
    *SPAN_RULES,
)


@cache
def _foreign(code: str) -> tuple[Rule, ...]:
    # Compiled on first use: most runs read one language, and compiling every language's
    # patterns at import would double the command's start-up.
    return foreign_rules(LANGUAGES[code])


def rules_for(language: str) -> tuple[Rule, ...]:
    """Rules for a language code ('en', 'de', 'fr', 'es', or a tag like 'de-AT');
    unknown languages get the English rules, which still read numeric dates and years."""
    code = language.lower()[:2]
    return _foreign(code) if code in LANGUAGES else ENGLISH


def has_own_rules(language: str) -> bool:
    """English and the languages with a rule set of their own; others also get dateparser."""
    return language.lower()[:2] == "en" or language.lower()[:2] in LANGUAGES
