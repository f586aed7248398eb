"""Lengths and sets written in forms of their own: colons ("2:08:44"), spans of lengths
("two to three weeks", "between 12 and 18 months") and frequencies ("twice a year")."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Rule, Timex, trigger_words
from .lexicon import QUANTITY, UNIT_TRIGGERS, UNIT_WORD
from .rules_spans import count_of, duration_value
from .units import unit_key

_B = r"(?<![\w$-])"


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


RULES = (
    Rule(
        "frequency",
        re.compile(
            rf"{_B}(?:(?i:once|twice|thrice)|(?i:{QUANTITY})\s+(?i:times))\s+(?i:a|an|per|each|every)\s+"
            r"(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade|century))(?![\w-])"
            # "twice a minute before the end": the unit belongs to a time.
            r"(?!\s+(?i:before|after|earlier|later|ago)\b)"
        ),
        frequency,
        trigger_words("once twice thrice times"),
    ),
    Rule(
        # "two to three weeks" is one length, valued by its lower bound as TimeML does
        # (with the modifier EQUAL_OR_MORE, which the value cannot carry).
        "length-span",
        re.compile(
            rf"{_B}(?P<between>(?i:between)\s+)?(?P<t>(?:(?i:the)\s+(?:(?i:next|past|last|coming|first)\s+)?)?"
            rf"(?P<q>(?i:{QUANTITY}))\s*(?:(?i:to|or)|[-–]|(?(between)(?i:and)|(?!)))\s*(?i:{QUANTITY})\s+"
            rf"(?P<unit>(?i:{UNIT_WORD})))(?![\w-])"
        ),
        span_start,
        trigger_words(UNIT_TRIGGERS),
    ),
    Rule(
        "colon-duration",
        re.compile(r"(?<![\w:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"),
        colon_duration,
        trigger_words("#d"),
    ),
)
