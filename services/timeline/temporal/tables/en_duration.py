"""English DURATION rules: lengths, exact, vague or in a span."""

from __future__ import annotations

from ..alternation import by_first_character
from ..context import trigger_words
from ..engine import Row
from ..lexicon import QUANTITY, UNIT_TRIGGERS, UNIT_WORD
from ..patterns_en import LENGTH_START
from ..rules_lengths import colon_duration, span_start
from ..rules_spans import duration, past_unit, vague_plural

# Grouped by first letter (see alternation.py): the rule tries them at every word near a unit.
POSITION = by_first_character(
    *("first", "last", "past", "next", "previous", "coming", "latest", "final", "initial"),
    *("remaining", "following"),
)
ABOUT = by_first_character(
    *("nearly", "some", "roughly", "around", "approximately", r"no\s+more\s+than", r"more\s+than"),
    *(r"less\s+than", r"at\s+least", r"at\s+most", r"up\s+to", "another", r"an\s+additional"),
    *(r"a\s+full", r"a\s+further"),
)

DURATION: tuple[Row, ...] = (
    Row(
        "duration",
        # In "the eight-year war" the article determines the noun; the adjective alone is
        # the length.
        rf"{LENGTH_START}(?:(?i:the)\s+(?!(?i:{QUANTITY})-(?i:{UNIT_WORD})\b))?(?:(?P<pos>(?i:{POSITION}))\s+)?"
        rf"(?:(?i:{ABOUT})\s+)?"
        rf"(?P<q>(?i:{QUANTITY}))(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+"
        rf"(?:(?i:more|full|straight|consecutive|additional)\s+)?(?P<unit>(?i:{UNIT_WORD}))"
        r"(?P<half_after>\s+(?i:and\s+a\s+half))?(?:[\s-](?i:long)(?![\w-]))?(?![\w-])",
        duration,
        trigger_words(UNIT_TRIGGERS),
        reason="a number of units is a length; after 'the past' it reaches back from now",
    ),
    Row(
        "past-unit",
        rf"{LENGTH_START}(?i:the)\s+(?P<pos>(?i:past|last|next|coming))\s+(?P<unit>(?i:week|month|year|decade|century|quarter))(?![\w-])",
        past_unit,
        trigger_words(UNIT_TRIGGERS),
        reason="'the past year' is a length that ends at the publication",
    ),
    Row(
        "coming-plural",
        r"(?<![\w-])(?i:coming)\s+(?P<unit>(?i:years|months|weeks|days|quarters))(?![\w-])",
        vague_plural,
        trigger_words("coming"),
        reason="'the coming years' is a vague length ahead",
    ),
    Row(
        "plural-ahead",
        r"(?<![\w-])(?i:the)\s+(?P<unit>(?i:days|weeks|months|years|decades))\s+"
        r"(?i:ahead|to\s+come)(?![\w-])",
        vague_plural,
        trigger_words("ahead come"),
        reason="'the weeks ahead', 'the years to come': a vague length from now on",
    ),
    Row(
        "over-the-years",
        r"(?<=\b(?i:over)\s)(?i:the)\s+(?P<unit>(?i:years|decades))(?![\w-])"
        r"(?!\s+(?i:of|since|to|ahead|before|after|that|which)\b)",
        vague_plural,
        trigger_words("years decades"),
        reason="'over the years': a vague length up to the time talked about",
    ),
    Row(
        "vague-plural",
        r"(?:(?<=(?i:for)\s)|(?<=(?i:over)\s)|(?<=(?i:within)\s)|(?<=\b(?i:in)\s))(?P<unit>(?i:years|months|weeks|days|decades|hours|centuries))"
        r"(?![\w-])(?!\s+(?i:before|after|later|earlier|ago|of)\b)",
        vague_plural,
        trigger_words("years months weeks days decades hours centuries"),
        reason="a plural unit after 'for', 'over', 'within' or 'in' is a vague length",
    ),
    Row(
        "length-span",
        rf"{LENGTH_START}(?P<between>(?i:between)\s+)?(?P<t>(?:(?i:the)\s+(?:(?i:next|past|last|coming|first)\s+)?)?"
        rf"(?P<q>(?i:{QUANTITY}))\s*(?:(?i:to|or)|[-–]|(?(between)(?i:and)|(?!)))\s*(?i:{QUANTITY})\s+"
        rf"(?P<unit>(?i:{UNIT_WORD})))(?![\w-])",
        span_start,
        trigger_words(UNIT_TRIGGERS),
        reason="'two to three weeks' is one length, valued by its lower bound",
    ),
    Row(
        "colon-duration",
        # A digit comes first so that re skips ahead to digits (what may not stand before
        # the hours is checked just after their first digit).
        r"(?P<h>\d(?<![\w:.].)\d?):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])",
        colon_duration,
        trigger_words("#d"),
        reason="'2:08:44' (a race, a flight) is hours, minutes and seconds",
    ),
)
