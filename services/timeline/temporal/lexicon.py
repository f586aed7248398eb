"""English word tables shared by the rules: months, weekdays, numbers and units."""

from __future__ import annotations

from .alternation import by_first_character

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip

# Vague quantities become the TimeML placeholder X ("several years" -> PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "the next few", "recent")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip

# Unit word -> (TimeML duration letter, whether it belongs after the T separator).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip

NUMBER_WORD = by_first_character(
    r"a\s+couple\s+of",
    r"a\s+couple",
    r"couple\s+of",
    r"a\s+dozen",
    r"a\s+hundred",
    *("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"),
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
    *("nineteen", "dozen"),
)
# "twenty-four", "twenty four", "24", "1 1/2", "a", "several".
QUANTITY = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}(?:[\s-]{NUMBER_WORD})?"
    r"|several|a\s+few|few|many|an?)"
)
UNIT_WORD = by_first_character(
    *("seconds?", "minutes?", "hours?", "days?", "weeks?", "months?", "quarters?", "years?"),
    *("decades?", "centur(?:y|ies)"),
)

_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June", "July", "August", "September"),
    *("October", "November", "December"),
)
MONTH_WORD = by_first_character(
    *_MONTH_NAMES,
    *(r"Jan\.?", r"Feb\.?", r"Mar\.", r"Apr\.?", r"Jun\.?", r"Jul\.?", r"Aug\.?", r"Sept?\.?"),
    *(r"Oct\.?", r"Nov\.?", r"Dec\.?"),
    *(name.upper() for name in _MONTH_NAMES),
)
MONTH_FULL = by_first_character(*_MONTH_NAMES, *(name.upper() for name in _MONTH_NAMES))
WEEKDAY_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}


def parse_quantity(words: str) -> int | None:
    """'twenty-four' -> 24, '3' -> 3, 'several' -> None (vague)."""
    text = " ".join(words.lower().replace("-", " ").split())
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    if text in NUMBERS:
        return NUMBERS[text]
    total = 0
    for part in text.split():
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total or None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# Words that must be near a match for the rules that need them (see Rule.triggers).
MONTH_FULL_TRIGGERS = (
    "january february march april may june july august september october november december"
)
MONTH_TRIGGERS = MONTH_FULL_TRIGGERS + " jan feb mar apr jun jul aug sep sept oct nov dec"
WEEKDAY_TRIGGERS = "monday tuesday wednesday thursday friday saturday sunday"
UNIT_TRIGGERS = (
    "second seconds minute minutes hour hours day days week weeks month months quarter"
    " quarters year years decade decades century centuries"
)
