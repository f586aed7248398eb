"""English DATE rules that name the calendar: dates, months, years, decades, centuries,
quarters, seasons, holidays and years before the era."""

from __future__ import annotations

from ..context import trigger_words
from ..engine import Row
from ..lexicon import MONTH_FULL, MONTH_FULL_TRIGGERS, MONTH_TRIGGERS, MONTH_WORD, WEEKDAY_WORD
from ..patterns_en import (
    DASH,
    DATE_START,
    DAY_END,
    ERA,
    ERA_YEAR,
    MOD,
    ONES_WORD,
    SEASON_EVENT,
    SEASON_WORD,
    WEEK_OF,
    WORD_START,
    YEAR_END,
)
from ..rules_dates import bare_month, month_day, month_year
from ..rules_eras import era_span_start, era_year
from ..rules_periods import holiday, named_quarter, nth_half, nth_quarter, season
from ..rules_years import (
    century,
    decade,
    short_year,
    spelled_year,
    year,
    year_period,
    year_range_end,
)

CALENDAR: tuple[Row, ...] = (
    Row(
        "era-year",
        rf"(?<![\w$€£#.,:/'])(?:(?i:ca\.|c\.|circa)\s*)?{MOD}(?:(?P<month>{MONTH_WORD})\s+"
        rf"|(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<season>(?i:{SEASON_WORD}))\s+(?:(?i:of)\s+)?)?"
        rf"(?P<year>{ERA_YEAR})\s*(?:{ERA})",
        era_year,
        trigger_words("bc bce b"),
        reason="a year counted before the era, with its month or season: it counts down",
    ),
    Row(
        "era-span-start",
        rf"(?<![\w$€£#.,:/'-])(?P<t>(?P<year>{ERA_YEAR}))\s*(?:[-–—]|(?i:to|and|or))\s*"
        rf"(?P<second>{ERA_YEAR})\s*(?:{ERA})",
        era_span_start,
        trigger_words("bc bce b"),
        reason="the first year of a span before the era is the larger number",
    ),
    Row(
        "weekday-month-day-year",
        rf"{DATE_START}{WEEK_OF}{MOD}(?:{WEEKDAY_WORD},?\s+)?(?P<month>{MONTH_WORD})\s+(?P<day>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?{DAY_END}(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?",
        month_day,
        trigger_words(MONTH_TRIGGERS),
        reason="month then day (US order), the year when written",
    ),
    Row(
        "day-month-year",
        rf"{DATE_START}{WEEK_OF}{MOD}(?:{WEEKDAY_WORD},?\s+)?(?:(?i:the)\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?(?!\w)",
        month_day,
        trigger_words(MONTH_TRIGGERS),
        reason="day then month (British and historical order), the year when written",
    ),
    Row(
        "second-day",
        rf"{DATE_START}(?P<month>{MONTH_WORD})\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|or|to|through|-)\s*"
        rf"(?P<t>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{DAY_END}(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?)"
        # "Dec. 1 to 5 people" counts people: a content word after the number is no date.
        r"(?!\s+(?!(?:and|or|in|at|on|of|to|for|as|when|while|before|after|but|the|a|an"
        r"|with|by|from)\b)[a-z])",
        month_day,
        trigger_words(MONTH_TRIGGERS),
        reason="'April 24 and 25': the second day of a list shares the first one's month",
    ),
    Row(
        "day-month-after-dash",
        rf"(?:{MONTH_WORD}|(?<![\d.,])[0-3]?\d)\s*{DASH}\s*(?P<t>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?)(?!\w)",
        month_day,
        trigger_words(MONTH_TRIGGERS),
        reason="'14 August-24 August': the day after the dash of a span",
    ),
    Row(
        "day-before-dash",
        rf"(?<![\w.,/-])(?P<t>(?P<day>[0-3]?\d))(?:st|nd|rd|th)?\s*{DASH}\s*[0-3]?\d"
        rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_WORD})(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?(?!\w)",
        month_day,
        trigger_words(MONTH_TRIGGERS),
        reason="'6' in '6-7 January 1916': the first day of a span shares the second's month",
    ),
    Row(
        "month-year",
        rf"{DATE_START}{MOD}(?P<month>{MONTH_WORD})(?:,?\s+(?:of\s+)?)(?:(?P<year>1\d{{3}}|20\d\d)(?!\d)"
        r"|(?P<yrel>(?i:last|this|next))\s+(?i:year)(?![\w'’]))",
        month_year,
        trigger_words(MONTH_TRIGGERS),
        reason="a month with its year, or with 'last/this/next year'",
    ),
    Row(
        "bare-month",
        rf"{DATE_START}{MOD}(?:(?P<rel>(?i:last|this|next))\s+)?(?P<month>{MONTH_FULL})(?![\w])",
        bare_month,
        trigger_words(MONTH_FULL_TRIGGERS),
        reason="a month alone is the story's, or the nearest one the tense points to",
    ),
    Row(
        "nth-quarter",
        rf"{WORD_START}(?:(?P<yrel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?(?:(?i:the)\s+)?"
        r"(?:(?P<year0>(?:19|20)\d\d)\s+)?(?:(?i:fiscal)[\s-]+)?"
        r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?:(?i:fiscal)\s+)?(?i:quarter)"
        r"|Q(?P<qn>[1-4]))(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<year>(?:19|20)\d\d))?(?![\w-])",
        nth_quarter,
        trigger_words("quarter q1 q2 q3 q4"),
        reason="an ordinal quarter ('the third quarter', 'Q3') of the year given or implied",
    ),
    Row(
        "nth-quarter-adjective",
        rf"{WORD_START}(?:(?P<yrel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?(?:(?P<year0>(?:19|20)\d\d)\s+)?"
        r"(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth))-(?i:quarter)(?P<qn>)(?P<year>)(?![\w-])",
        nth_quarter,
        trigger_words("quarter"),
        reason="'third-quarter profit': the adjective leaves the article outside",
    ),
    Row(
        "nth-half",
        rf"{WORD_START}(?:(?P<yrel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?(?:(?i:the)\s+)?"
        r"(?P<ord>(?i:first|second|last))(?:[\s-]+(?i:half)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?"
        r"(?P<year>(?:19|20)\d\d)|(?!\s+(?i:of)\s))|\s+(?i:two\s+quarters\s+of)\s+(?:(?i:fiscal)\s+)?"
        r"(?P<qyear>(?:19|20)\d\d))(?![\w-])",
        nth_half,
        trigger_words("half quarters"),
        reason="an ordinal half of a year ('the first half', 'the first two quarters of 1990')",
    ),
    Row(
        "named-quarter",
        rf"{WORD_START}(?i:the)\s+(?:(?P<rel>(?i:latest|current|most\s+recent|recent|previous|past|last))\s+)?(?i:quarter)(?![\w-])"
        r"|(?i:the\s+(?:latest|most\s+recent)\s+period)(?![\w-])(?P<period>)",
        named_quarter,
        trigger_words("quarter period"),
        reason="'the quarter', 'the latest quarter': the reporting period talked about",
    ),
    Row(
        "season",
        rf"{WORD_START}(?P<cue>(?i:in|during|by|until|since|through|over|for)\s+)?(?P<t>"
        # In "the summer offensive" the article determines the noun, not the season.
        rf"(?:(?i:the)\s+(?!(?:(?i:early|late|mid)[\s-]+)?(?i:{SEASON_WORD})\s+{SEASON_EVENT}))?"
        r"(?:(?i:early|late|mid)[\s-]+)?(?:(?P<rel>(?i:last|this|next|this\s+past))\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))"
        r"(?:\s+(?:(?i:of)\s+)?(?P<year>1\d{3}|20\d\d)(?!\d))?)(?![\w-])(?!\s+(?i:of)\s)",
        season,
        trigger_words("spring summer fall autumn winter"),
        reason="a season needs a preposition, an article or an event noun to be a time",
    ),
    Row(
        "holiday",
        rf"{WORD_START}(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Independence\s+Day|Fourth\s+of\s+July"
        r"|July\s+Fourth|Halloween|Valentine['’]s\s+Day|Veterans\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day"
        r"|Mother['’]s\s+Day|Election\s+Day)(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w-])",
        holiday,
        trigger_words(
            "christmas year independence fourth july halloween valentine veterans"
            " thanksgiving labor mother election"
        ),
        reason="fixed and floating holidays are days of the calendar",
    ),
    Row(
        "year",
        rf"(?<![\w$€£#.,:/'-]){MOD}(?:(?i:early|late|later|earlier)\s+(?i:in)\s+)?(?P<fiscal>(?i:fiscal)(?:\s+(?i:year))?\s+)?"
        rf"(?P<year>1\d{{3}}|20\d\d){YEAR_END}(?!\w)",
        year,
        trigger_words("#y"),
        reason="four digits are a year unless a quantity noun or a name says otherwise",
    ),
    Row(
        "year-range-end",
        r"(?<![\w$€£#.,:/'-])(?P<first>1\d{3}|20\d\d)\s*[-–—]\s*"
        r"(?P<t>(?P<second>\d{4}|\d\d))(?![\d%]|[,.]\d|-\d)(?!\w)",
        year_range_end,
        trigger_words("#y"),
        reason="the second year of a span: '17' in '1915-17' is 1917",
    ),
    Row(
        "year-period",
        r"(?<![\w-])(?i:the)\s+(?P<year>1[89]\d\d|20\d\d)\s+(?i:quarter|period)(?![\w-])",
        year_period,
        trigger_words("quarter period"),
        reason="'the 1988 quarter' in an earnings report is the reported quarter of 1988",
    ),
    Row(
        "short-year",
        # The apostrophe comes first so that re skips ahead to it (the space before it is
        # checked just after it): the rule runs near every number of an article.
        r"[’'](?<=\s.)(?P<yy>\d\d)(?![\w’'])",
        short_year,
        trigger_words("#d"),
        reason="an apostrophe before two digits elides the century ('the '99 Boys')",
    ),
    Row(
        "decade",
        rf"(?<![\w$'’-])(?:(?i:the)\s+)?{MOD}(?:(?P<ddd>1\d\d|20\d)0s|[’'](?P<yy>\d)0s"
        r"|(?P<century>(?i:nineteen)[\s-]+)?(?P<word>(?i:twenties|thirties|forties"
        r"|fifties|sixties|seventies|eighties|nineties)))(?!\w)",
        decade,
        trigger_words("#s twenties thirties forties fifties sixties seventies eighties nineties"),
        reason="a plural year or a decade word names ten years",
    ),
    Row(
        "century",
        rf"(?<!\w){MOD}(?i:the\s+)?(?:(?P<rel>(?i:this|last|next))|(?P<ord>\d{{1,2}}(?:st|nd|rd|th)"
        r"|(?i:(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
        r"|ninth|tenth|eleventh|twelfth))|(?i:nineteenth|eighteenth|seventeenth"
        r"|sixteenth|fifteenth|twentieth)))\s+(?i:century)(?!\w)"
        r"(?:\s+(?P<era>BCE|BC|B\.C\.(?:E\.)?(?!\w)))?",
        century,
        trigger_words("century"),
        reason="an ordinal century, counted from one; 'this century' from the publication",
    ),
    Row(
        "spelled-year",
        r"(?<![\w-])(?:(?P<month>January|February|March|April|May|June|July|August|September"
        r"|October|November|December)\s+|(?i:(?:the\s+)?(?P<season>spring|summer|fall|autumn"
        r"|winter)\s+of\s+))?(?i:(?:the\s+year\s+)?nineteen[\s-]+(?P<tens>ten|eleven|twelve|thirteen"
        r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
        rf"|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<ones>{ONES_WORD}))?"
        rf"|the\s+year\s+two\s+thousand(?:\s+and)?(?:[\s-]+(?P<ones2>{ONES_WORD}))?)(?![\w-])",
        spelled_year,
        trigger_words("nineteen thousand"),
        reason="years as spoken in broadcast news ('nineteen ninety-six')",
    ),
)
