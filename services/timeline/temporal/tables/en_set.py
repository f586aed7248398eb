"""English SET rules: times that recur."""

from __future__ import annotations

from ..context import trigger_words
from ..engine import Row
from ..lexicon import MONTH_FULL_TRIGGERS, QUANTITY, WEEKDAY_TRIGGERS, WEEKDAY_WORD, WEEKDAYS
from ..patterns_en import FULL_MONTH_TITLE, LENGTH_START
from ..rules_lengths import frequency
from ..rules_spans import recurrence

SET: tuple[Row, ...] = (
    Row(
        "recurrence",
        rf"{LENGTH_START}(?:(?i:every|each|per)\s+(?P<unit>(?i:day|week|month|year|quarter|hour|night|morning)"
        rf"|{WEEKDAY_WORD}|(?P<month>{FULL_MONTH_TITLE}))"
        r"|(?P<adverb>(?i:daily|weekly|monthly|yearly|hourly|nightly))"
        rf"|(?P<days>{WEEKDAY_WORD})(?:s|\s+(?P<part>(?i:mornings|afternoons|evenings|nights))))(?![\w'-])",
        recurrence,
        trigger_words(
            "daily weekly monthly annually yearly quarterly hourly nightly day week month year"
            " quarter hour night morning "
            + WEEKDAY_TRIGGERS
            + " "
            + MONTH_FULL_TRIGGERS
            + "".join(f" {day}s" for day in WEEKDAYS)
        ),
        reason="'every week', 'daily', 'on Tuesdays': a time that recurs",
    ),
    Row(
        "frequency",
        rf"{LENGTH_START}(?:(?i:once|twice|thrice)|(?i:{QUANTITY})\s+(?i:times))\s+(?i:a|an|per|each|every)\s+"
        r"(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade|century))(?![\w-])"
        # "twice a minute before the end": the unit belongs to a time.
        r"(?!\s+(?i:before|after|earlier|later|ago)\b)",
        frequency,
        trigger_words("once twice thrice times"),
        reason="'twice a year': a set recurring in every such unit",
    ),
)
