"""English TIME rules: clock times and parts of the day."""

from __future__ import annotations

from ..context import trigger_words
from ..engine import Row
from ..lexicon import MONTH_WORD, WEEKDAY_WORD
from ..patterns_en import WORD_START
from ..rules_periods import clock_time
from ..rules_relative import mid_part

TIME: tuple[Row, ...] = (
    Row(
        "clock-time",
        # A dash after a time starts the span's second time ("19:00-03:00hrs").
        rf"(?<![\w:.])(?:(?<=\d[-–])|(?<![-–]))(?:(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[aApP]\.?\s?[mM]\b\.?)|(?P<noon>(?i:noon|midday|midnight))"
        rf"|(?P<h24>[0-2]?\d:[0-5]\d)(?!:?\d)(?:\s?(?i:hrs|hours)\b)?)(?:\s+(?P<tz>[A-Z]{{2,4}}T|GMT|UTC)\b)?(?P<rel>)"
        rf"(?:,?\s+(?:(?P<day>(?i:yesterday|today|tomorrow)|{WEEKDAY_WORD})"
        rf"|(?P<month>{MONTH_WORD})\s+(?P<md>[0-3]?\d)(?!\d)))?(?!\w|[-–]\D)",
        clock_time,
        trigger_words("#d noon midday midnight"),
        reason="a clock time on the day its clause names, else the anchor's",
    ),
    Row(
        "mid-part-of-day",
        rf"{WORD_START}(?i:mid)[\s-]?(?P<part>(?i:morning|afternoon|evening))"
        r"(?:\s+(?P<word>(?i:yesterday|today|tomorrow)))?(?![\w-])",
        mid_part,
        trigger_words("mid morning afternoon evening"),
        reason="'mid-afternoon' without a day is a part of the day talked about",
    ),
)
