"""Years counted before the common era: "480 BC", "September 480 BC", "the spring of 480
BC", "499-493 BC". TimeML writes them BC0480; they name no interval a timeline can hold."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Timex
from .lexicon import SEASONS, month_number


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
