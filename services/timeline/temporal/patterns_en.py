"""English pattern fragments that the rule tables are built from, beside the word tables
of lexicon.py."""

from __future__ import annotations

# Where a date may begin: not inside a word, an amount ("$5"), a number ("1,5") or a
# path ("3/4"), nor after a number and a dash ("12-5").
DATE_START = r"(?<![\w$€£#.,/])(?<![\d$€£#.,/][-–])"
# Where a phrase of words may begin: not inside a word or a hyphenated compound.
WORD_START = r"(?<![\w-])"
# Where a length may begin: not inside a word, a compound or after a currency sign.
LENGTH_START = r"(?<![\w$-])"
# A day number ends the date unless digits, a percent, a clock or a thousands group go on.
DAY_END = r"(?![\d%]|:\d|\.\d|,\d{3})"
DASH = r"[-–—]"
# Modifiers belong to the TimeML extent but not to the value.
MOD = r"(?:(?i:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
# "the week of March 6" names the week that holds the day.
WEEK_OF = r"(?:(?P<week>(?i:the\s+week\s+of))\s+)?"
# Years counted before the common era.
ERA = r"(?:B\.C\.(?:E\.)?|BCE|BC)(?!\w)"
ERA_YEAR = r"[1-9]\d{0,3}"
SEASON_WORD = r"spring|summer|fall|autumn|winter"
PART_AFTER = r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
# "each May": full month names only, as "each Mar." hardly occurs.
FULL_MONTH_TITLE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A year ends where no digit, decimal, clock, fraction or "-year" (an age) goes on; a
# hyphen may start a span's second year ("1915-17").
YEAR_END = r"(?![\d%]|[,.]\d|-\d(?!\d(?:\d\d)?(?![\d-]))|:\d|/\d|\s*-\s*year)"
ONES_WORD = "one|two|three|four|five|six|seven|eight|nine"
# "the night of", "early in the morning of", "the early hours of": a part of the day
# before the date it belongs to.
PART_OF = (
    r"(?:(?i:early|late)\s+(?:(?i:in)\s+)?)?(?i:the)\s+(?:(?i:early|late)\s+)?"
    r"(?P<part>(?i:morning|afternoon|evening|night|morning\s+hours|early\s+hours"
    r"|small\s+hours))\s+(?i:of)\s+"
)
# Nouns of events that a season names the time of: "the summer offensive".
SEASON_EVENT = r"(?i:offensives?|campaigns?|quarters|uprising|harvest|fighting|session|recess)\b"
