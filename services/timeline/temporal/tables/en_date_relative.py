"""English DATE rules counted from the publication or from the time talked about:
deictic days, weekdays, relative units, offsets, anaphoric days and vague references."""

from __future__ import annotations

from ..alternation import by_first_character
from ..context import trigger_words
from ..engine import Row
from ..lexicon import (
    MONTH_FULL,
    MONTH_FULL_TRIGGERS,
    MONTH_WORD,
    QUANTITY,
    WEEKDAY_TRIGGERS,
    WEEKDAY_WORD,
)
from ..patterns_en import DATE_START, LENGTH_START, PART_AFTER, WORD_START
from ..rules_anaphoric_dates import anaphoric_month, month_of_year
from ..rules_relative import (
    anchor_day,
    deictic_day,
    offset,
    relative_unit,
    the_weekend,
    weekday,
    year_ago_adjective,
)
from ..rules_spans import reference, the_year, year_end

# Grouped by first letter (see alternation.py): the offset rule tries them at every word
# near its triggers.
ROUGHLY = by_first_character(
    *("about", "almost", "nearly", r"more\s+than", r"less\s+than", "some", "roughly", "just"),
    *("only", r"at\s+least", "barely", "exactly"),
)

RELATIVE: tuple[Row, ...] = (
    Row(
        "month-of-year",
        rf"{DATE_START}(?:(?P<month>{MONTH_WORD})(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?"
        rf"|(?:(?i:the)\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?i:of)\s+(?P<month2>{MONTH_WORD}))"
        r"\s+(?i:of)\s+(?:(?P<rel>(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous"
        r"|the\s+preceding))\s+(?i:year)|(?P<year>1\d{3}|20\d\d))(?![\w'’])",
        month_of_year,
        trigger_words("year #y"),
        reason="'October of that year': a month of the year pointed at is one date",
    ),
    Row(
        "anaphoric-month",
        rf"{WORD_START}(?P<rel>(?i:the\s+(?:previous|preceding|following|next)))\s+"
        rf"(?P<month>{MONTH_FULL})(?![\w])",
        anaphoric_month,
        trigger_words(MONTH_FULL_TRIGGERS),
        reason="'the previous April': the month before or after the one talked about",
    ),
    Row(
        "deictic-day",
        rf"{WORD_START}(?:(?i:early|late)\s+)?(?:(?P<before>(?i:the\s+day\s+before\s+))|(?P<after>(?i:the\s+day\s+after\s+)))?"
        rf"(?P<word>(?i:yesterday|today|tomorrow|tonight|last\s+night|this(?=\s+(?:morning|afternoon|evening))))"
        rf"{PART_AFTER}(?![\w-])",
        deictic_day,
        trigger_words("yesterday today tomorrow tonight night morning afternoon evening"),
        reason="'yesterday', 'tonight' and their parts of day count from the publication",
    ),
    Row(
        "weekday",
        rf"{WORD_START}(?:(?i:early|late)\s+)?(?:(?P<rel>(?i:last|this\s+past|this\s+coming|next|coming|past|this"
        r"|the\s+(?:previous|preceding|prior|following)))\s+)?"
        rf"(?P<wd>{WEEKDAY_WORD}){PART_AFTER}(?![\w-])",
        weekday,
        trigger_words(WEEKDAY_TRIGGERS),
        reason="the weekday near publication the tense points to; 'the following' the anchor's",
    ),
    Row(
        "relative-unit",
        rf"{WORD_START}(?:(?i:early|late|mid|later|earlier|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of)[\s-]+)?"
        r"(?P<rel>(?i:last|this|next|the\s+previous|the\s+prior|the\s+current|the\s+following|the\s+same|that|the\s+coming|the\s+latest(?=\s+fiscal\s+year)))"
        r"\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:week|month|year|quarter|decade|weekend))(?![\w-])",
        relative_unit,
        trigger_words("week month year quarter decade weekend"),
        reason="a calendar unit named by its relation to now or to the anchor",
    ),
    Row(
        "the-weekend",
        rf"{WORD_START}(?i:the\s+weekend)(?![\w-])",
        the_weekend,
        trigger_words("weekend"),
        reason="'the weekend' is the one the tense points to",
    ),
    Row(
        "offset",
        rf"{WORD_START}(?:(?i:{ROUGHLY})\s+)?"
        rf"(?P<q>(?i:{QUANTITY}))\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?))"
        r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|before(?=[.,;])|after(?=[.,;])))(?![\w-])"
        # "a month earlier than planned" compares: the length is the expression.
        r"(?!\s+(?i:than)\b)",
        offset,
        trigger_words("ago earlier later now hence before after"),
        reason="a number of units before or after the publication or the anchor",
    ),
    Row(
        "year-ago-adjective",
        rf"{WORD_START}(?:(?i:the)\s+(?=(?i:year-(?:earlier|ago)\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))))?"
        r"(?i:year-(?:earlier|ago))(?:\s+(?i:(?:first|second|third|fourth)\s+)?(?i:quarter|period))?(?![\w-])",
        year_ago_adjective,
        trigger_words("earlier ago"),
        reason="'year-earlier' compares with the same period a year back",
    ),
    Row(
        "period-a-year-back",
        rf"{WORD_START}(?:(?i:the)\s+(?:(?i:same|comparable|corresponding)\s+)?(?i:quarter|period),?\s+"
        r"(?i:a\s+year\s+(?:ago|earlier)|last\s+year)|(?i:last\s+year)['’]s\s+(?i:quarter|period))(?![\w-])",
        year_ago_adjective,
        trigger_words("quarter period"),
        reason="the reported quarter a year back, named around it rather than by a number",
    ),
    Row(
        "anchor-day",
        rf"{WORD_START}(?i:the\s+(?:next|following|previous|same)\s+(?:day|morning)|the\s+day\s+(?:before|after)(?=[.,;])|that\s+(?:same\s+)?day|a\s+day\s+(?:earlier|later))(?![\w-])",
        anchor_day,
        trigger_words("day morning"),
        reason="'the next day', 'that day': a day counted from the anchor",
    ),
    Row(
        "the-year",
        r"(?<![\w-])(?i:the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+"
        r"|(?:later|earlier|late|early)\s+in\s+)?"
        r"(?i:the\s+(?:full\s+|fiscal\s+|entire\s+|whole\s+)?year)(?P<unit>)"
        r"(?![\w'’-])(?!\s+(?i:before|after|earlier|ago|\d))",
        the_year,
        trigger_words("year"),
        reason="'the year' of a report is its year; 'the year ended' a fiscal year's length",
    ),
    Row(
        "year-end",
        r"(?<![\w-])(?i:year[-\s]end|year['’]s\s+end)(?![\w-])",
        year_end,
        trigger_words("year"),
        reason="the end of the year talked about",
    ),
    Row(
        "reference",
        rf"{LENGTH_START}(?P<word>(?i:right\s+now|now|currently|(?:then[\s-]+)?current|presently|nowadays|these\s+days|the\s+present(?!\s+(?:value|tense))"
        r"|recently|recent(?:\s+(?:years|months|weeks|days))?|lately|the\s+past(?=\s*[.,;]|\s+(?:and|or|but|when|as|that|,))"
        r"|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|a\s+later\s+date))(?![\w-])",
        reference,
        trigger_words(
            "now currently current presently nowadays days present recently recent lately past"
            " previously formerly future soon shortly term later"
        ),
        reason="vague references to the present, past or future",
    ),
)
