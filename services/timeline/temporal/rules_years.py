"""Years, two-digit years, decades and centuries, with the traps that look like years."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .context import Context, Rule, Timex, trigger_words
from .lexicon import ORDINALS
from .rules_dates import MOD, full_year

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


def year(m: re.Match[str], ctx: Context) -> Timex | None:
    value = int(m["year"])
    before = ctx.text[max(0, m.start() - 14) : m.start()]
    if not m["fiscal"] and _NAME_BEFORE.search(before):
        return None
    if _QUANTITY_NOUN.match(ctx.text, m.end()):
        return None
    if value < 1600 and not re.search(r"(?i:in|since|year|of)\s*$", before):
        return None
    return Timex(TimexType.DATE, f"{value:04d}")


def short_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, f"{full_year(int(m['yy']), ctx.ref):04d}")


def decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["word"]:
        return Timex(TimexType.DATE, f"19{_DECADE_WORDS[m['word'].lower()]}")
    if m["yy"]:
        return Timex(TimexType.DATE, f"{full_year(int(m['yy']) * 10, ctx.ref) // 10}")
    return Timex(TimexType.DATE, m["ddd"])


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
    return Timex(TimexType.DATE, f"{number - 1:02d}")


_YEAR_END = r"(?![\d%]|[,.]\d|-\d|:\d|/\d|\s*-\s*year)"

RULES = (
    Rule(
        "year",
        re.compile(
            rf"(?<![\w$€£#.,:/'-]){MOD}(?P<fiscal>(?i:fiscal)(?:\s+(?i:year))?\s+)?"
            rf"(?P<year>1\d{{3}}|20\d\d){_YEAR_END}(?!\w)"
        ),
        year,
        trigger_words("#d"),
    ),
    Rule(
        "short-year",
        re.compile(r"(?<=\s)[’'](?P<yy>\d\d)(?![\w’'])"),
        short_year,
        trigger_words("#d"),
    ),
    Rule(
        "decade",
        re.compile(
            rf"(?<![\w$'’-]){MOD}(?:(?P<ddd>1\d\d|20\d)0s|[’'](?P<yy>\d)0s"
            r"|(?i:the\s+)(?P<century>(?i:nineteen)[\s-]+)?(?P<word>(?i:twenties|thirties|forties"
            r"|fifties|sixties|seventies|eighties|nineties)))(?!\w)"
        ),
        decade,
        trigger_words("#d twenties thirties forties fifties sixties seventies eighties nineties"),
    ),
    Rule(
        "century",
        re.compile(
            r"(?<!\w)(?i:the\s+)?(?:(?P<rel>(?i:this|last|next))|(?P<ord>\d{1,2}(?:st|nd|rd|th)"
            r"|(?i:(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
            r"|ninth|tenth|eleventh|twelfth))|(?i:nineteenth|eighteenth|seventeenth"
            r"|sixteenth|fifteenth|twentieth)))\s+(?i:century)(?!\w)"
        ),
        century,
        trigger_words("century"),
    ),
)
