"""The rule set for each supported language."""

from __future__ import annotations

from .context import Rule
from .rules_dates import RULES as DATE_RULES
from .rules_periods import RULES as PERIOD_RULES
from .rules_relative import RULES as RELATIVE_RULES
from .rules_spans import RULES as SPAN_RULES
from .rules_years import RULES as YEAR_RULES
from .rules_years import SPELLED_RULES

# Order breaks ties between matches of the same extent: the more specific rule first.
ENGLISH: tuple[Rule, ...] = (
    *DATE_RULES,
    *PERIOD_RULES,
    *RELATIVE_RULES,
    *YEAR_RULES,
    *SPELLED_RULES,
    *SPAN_RULES,
)


def rules_for(language: str) -> tuple[Rule, ...]:
    return ENGLISH
