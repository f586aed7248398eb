"""English TIME rules: clock times and parts of the day."""

from __future__ import annotations

from ..context import trigger_words
from ..engine import Row
from ..lexicon import MONTH_WORD, WEEKDAY_WORD
from ..patterns_en import DATE_START, DAY_END, PART_OF, WORD_START
from ..rules_clock import clock_time
from ..rules_dates import part_of_date
from ..rules_relative import generic_part, mid_part, that_part

TIME: tuple[Row, ...] = (
    Row(
        "part-of-month-day",
        rf"{DATE_START}{PART_OF}(?P<month>{MONTH_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"{DAY_END}(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?",
        part_of_date,
        trigger_words("morning afternoon evening night hours"),
        reason="a part of the day 'of' a date is one time: 'the night of April 18, 1775'",
    ),
    Row(
        "part-of-day-month",
        rf"{DATE_START}{PART_OF}(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?(?!\w)",
        part_of_date,
        trigger_words("morning afternoon evening night hours"),
        reason="a part of the day 'of' a date is one time: 'the night of 13 May'",
    ),
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
        "at-night",
        r"(?<=\b(?i:at)\s)(?P<part>(?i:night))(?![\w-])",
        generic_part,
        trigger_words("night"),
        reason="'at night' names the night of any day, no day of the calendar",
    ),
    Row(
        "that-part-of-day",
        rf"{WORD_START}(?i:that|the\s+same)\s+(?P<part>(?i:morning|afternoon|evening|night))(?![\w-])",
        that_part,
        trigger_words("morning afternoon evening night"),
        reason="'that afternoon': a part of the day just talked about",
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
