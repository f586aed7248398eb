"""Lengths and sets written in forms of their own: colons ("2:08:44"), spans of lengths
("two to three weeks", "between 12 and 18 months") and frequencies ("twice a year")."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Timex
from .rules_spans import count_of, duration_value
from .units import unit_key


def colon_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """'2:08:44' (a race or a flight) is hours, minutes and seconds; after 'at' it would be
    a clock time to the second, which no rule here values."""
    if ctx.text[max(0, m.start() - 3) : m.start()].lower() == "at ":
        return None
    parts = zip((m["h"], m["mi"], m["s"]), "HMS", strict=True)
    value = "".join(f"{int(amount)}{letter}" for amount, letter in parts if int(amount))
    return Timex(TimexType.DURATION, f"PT{value or '0S'}", anchors=False)


def frequency(m: re.Match[str], _ctx: Context) -> Timex | None:
    """'twice a year', 'three times a week': a set recurring in every such unit."""
    return Timex(TimexType.SET, duration_value(1, unit_key(m["unit"])), anchors=False)


def span_start(m: re.Match[str], _ctx: Context) -> Timex | None:
    """A span of lengths ('two to three weeks') by its lower bound."""
    if m["q"].lower() in {"a", "an"}:
        return None
    return Timex(
        TimexType.DURATION, duration_value(count_of(m["q"]), unit_key(m["unit"])), anchors=False
    )
