"""Months and days placed by the year talked about: "October of that year", "June 20 of
1792", "the previous April"."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .calendar import day_value, month_value
from .context import Context, Timex
from .lexicon import month_number
from .rules_dates import checked_day

_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
              "the preceding": -1}  # fmt: skip


def month_of_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """A month (and day) 'of' a year named or pointed at: the whole phrase is the date."""
    if m["year"]:
        year = int(m["year"])
    else:
        if ctx.story_era:
            return None  # years before the era count down; no rule reads them here
        step = _YEAR_STEP[" ".join(m["rel"].lower().split())]
        year = ctx.anchor_for("year").year + step
    month = month_number(m["month"] or m["month2"])
    day = m["day"] or m["day2"]
    if not day:
        return Timex(TimexType.DATE, month_value(year, month))
    found = checked_day(year, month, int(day))
    return None if found is None else Timex(TimexType.DATE, day_value(found))


def anaphoric_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the previous April' is the last April before the month talked about, 'the
    following April' the first after it."""
    month, anchor = month_number(m["month"]), ctx.anchor_for("month")
    if m["rel"].lower().split()[-1] in {"previous", "preceding"}:
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return Timex(TimexType.DATE, month_value(year, month))
