"""Years counted before the common era: "480 BC", "September 480 BC", "the spring of 480
BC", "499-493 BC". TimeML writes them BC0480; they name no interval a timeline can hold."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Rule, Timex, trigger_words
from .lexicon import MONTH_WORD, SEASONS, month_number
from .rules_dates import MOD

ERA = r"(?:B\.C\.(?:E\.)?|BCE|BC)(?!\w)"
_YEAR = r"[1-9]\d{0,3}"
_SEASON = r"spring|summer|fall|autumn|winter"


def era_year(m: re.Match[str], _ctx: Context) -> Timex | None:
    value = f"BC{int(m['year']):04d}"
    if m["month"]:
        value += f"-{month_number(m['month']):02d}"
    elif m["season"]:
        value += f"-{SEASONS[m['season'].lower()]}"
    return Timex(TimexType.DATE, value, anchors=False)


def era_span_start(m: re.Match[str], _ctx: Context) -> Timex | None:
    """'499' in '499-493 BC': years before the era count down, so the span's first year
    is the larger number."""
    first, second = int(m["year"]), int(m["second"])
    if first <= second:
        return None
    return Timex(TimexType.DATE, f"BC{first:04d}", anchors=False)


RULES = (
    Rule(
        "era-year",
        re.compile(
            rf"(?<![\w$€£#.,:/']){MOD}(?:(?P<month>{MONTH_WORD})\s+"
            rf"|(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<season>(?i:{_SEASON}))\s+(?:(?i:of)\s+)?)?"
            rf"(?P<year>{_YEAR})\s*(?:{ERA})"
        ),
        era_year,
        trigger_words("bc bce b"),
    ),
    Rule(
        "era-span-start",
        re.compile(
            rf"(?<![\w$€£#.,:/'-])(?P<t>(?P<year>{_YEAR}))\s*(?:[-–—]|(?i:to|and|or))\s*"
            rf"(?P<second>{_YEAR})\s*(?:{ERA})"
        ),
        era_span_start,
        trigger_words("bc bce b"),
    ),
)
