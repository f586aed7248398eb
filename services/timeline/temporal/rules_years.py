"""Years, two-digit years, decades and centuries, with the traps that look like years."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Timex
from .counts import counts_things
from .lexicon import ORDINALS, SEASONS, month_number
from .rules_dates import full_year

# Words after a four-digit number that make it a quantity, not a year.
_QUANTITY_NOUN = re.compile(
    r"\s*(?:%|(?i:percent|per\s+cent|shares|people|points|units|tons|feet|foot|miles|meters"
    r"|metres|kilometers|votes|troops|cars|dollars|yen|yuan|euros|pounds|workers|jobs"
    r"|employees|soldiers|members|barrels|acres|pages|times|degrees|students|deaths)\b)"
)
# Words before a number that make it a name or a quantity.
_NAME_BEFORE = re.compile(
    r"(?i:route|flight|no\.|number|boeing|airbus|room|suite|highway|interstate|model|page"
    r"|apollo|version|gate|platform|bus|lot|box|about|some|nearly|almost|than)\s*$"
)
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


# The end of a span of years after a hyphen or a dash: "1915-17", "1861-1865".
_RANGE_END = re.compile(r"\s*[-–—]\s*(?P<second>\d{4}|\d\d)(?![\d%]|[,.]\d|-\d)(?!\w)")


def range_end(first: int, second: str) -> int | None:
    """The year a span that starts at `first` ends in, or None when it is no span of years
    ("2009-05" is a month; a phone number "1961-20" goes back)."""
    end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return end if first < end <= first + 100 else None


def year(m: re.Match[str], ctx: Context) -> Timex | None:
    value = int(m["year"])
    ranged = _RANGE_END.match(ctx.text, m.end())
    if ranged and range_end(value, ranged["second"]) is None:
        return None
    before = ctx.text[max(0, m.start() - 14) : m.start()]
    if not m["fiscal"] and _NAME_BEFORE.search(before):
        return None
    if _QUANTITY_NOUN.match(ctx.text, m.end()):
        return None
    bare = m.start() == m.start("year")
    if bare and counts_things(ctx.text, ctx.language, m.start(), m.end()):
        return None
    if value < 1600 and not re.search(r"(?i:in|since|year|of)\s*$", before):
        return None
    return Timex(TimexType.DATE, f"{value:04d}")


def year_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the 1988 quarter' in an earnings report is the reported quarter of 1988."""
    if not ctx.period:
        return None
    return Timex(TimexType.DATE, f"{int(m['year']):04d}{ctx.period[4:]}", anchors=False)


def short_year(m: re.Match[str], ctx: Context) -> Timex | None:
    # "the '99 Boys" in a story of 1917 were born in 1899: the story's time decides the century.
    return Timex(TimexType.DATE, f"{full_year(int(m['yy']), ctx.story or ctx.ref):04d}")


def decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["word"]:
        return Timex(TimexType.DATE, f"19{_DECADE_WORDS[m['word'].lower()]}")
    if m["yy"]:
        return Timex(
            TimexType.DATE,
            f"{_two_digit_decade(int(m['yy']), (ctx.story or ctx.ref).year)}",
        )
    return Timex(TimexType.DATE, m["ddd"])


def _two_digit_decade(digit: int, ref_year: int) -> int:
    """ "the '80s" is the latest such decade that has begun by the reference year."""
    century = ref_year // 100 * 100
    if digit * 10 > ref_year % 100:
        century -= 100
    return (century + digit * 10) // 10


def _ordinal(word: str) -> int | None:
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits[0])
    parts = word.lower().replace("-", " ").split()
    if parts[-1] not in ORDINALS:
        return None
    return ORDINALS[parts[-1]] + (20 if parts[0] == "twenty" and len(parts) > 1 else 0)


def century(m: re.Match[str], ctx: Context) -> Timex | None:
    relation = (m["rel"] or "").lower()
    if relation:
        offset = {"this": 0, "last": -1, "next": 1}[relation]
        return Timex(TimexType.DATE, f"{ctx.ref.year // 100 + offset:02d}")
    number = _ordinal(m["ord"])
    if number is None or not 1 <= number <= 30:
        return None
    if m["era"]:
        return Timex(TimexType.DATE, f"BC{number - 1:02d}", anchors=False)
    return Timex(TimexType.DATE, f"{number - 1:02d}")


def year_range_end(m: re.Match[str], ctx: Context) -> Timex | None:
    """The second year of a span: '17' in '1915-17' is 1917."""
    end = range_end(int(m["first"]), m["second"])
    if end is None or _QUANTITY_NOUN.match(ctx.text, m.end()):
        return None
    return Timex(TimexType.DATE, f"{end:04d}")


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}  # fmt: skip


def spelled_year(m: re.Match[str], _ctx: Context) -> Timex | None:
    """'nineteen ninety-six' and 'the year two thousand', as spoken in broadcast news."""
    ones = _ONES.get((m["ones"] or m["ones2"] or "").lower(), 0)
    year = 1900 + _TENS[m["tens"].lower()] + ones if m["tens"] else 2000 + ones
    if m["month"]:
        return Timex(TimexType.DATE, f"{year:04d}-{month_number(m['month']):02d}")
    if m["season"]:
        return Timex(TimexType.DATE, f"{year:04d}-{SEASONS[m['season'].lower()]}")
    return Timex(TimexType.DATE, f"{year:04d}")
