"""Rows of the German, French and Spanish tables, each built from a language's word table."""

from __future__ import annotations

import re
from datetime import date, timedelta

from services.timeline.mentions import TimexType

from .calendar import closest_month_year, closest_year, day_value, month_value, nearest_weekday
from .context import Context, Timex, deictic
from .engine import Row
from .foreign_words import alternatives, lower, trigger_words_of
from .intervals import SEASON_START, interval_of
from .lexicon_foreign import Words
from .rules_spans import duration_value, reach
from .units import move, unit_value

_UNIT_WORDS = {"woche": "week", "monat": "month", "jahr": "year", "monats": "month",
               "jahres": "year", "wochenende": "weekend", "wochenendes": "weekend",
               "wochenenden": "weekend", "semaine": "week",
               "mois": "month", "année": "year", "semana": "week", "mes": "month",
               "año": "year"}  # fmt: skip


def _tense(words: Words, ctx: Context, m: re.Match[str]) -> str:
    """'future' when a future verb form stands in the expression's sentence."""
    first, last = ctx.sentence(m.start(), m.end())
    return "future" if re.search(words.future, ctx.text[first:last], re.IGNORECASE) else "none"


def day_row(words: Words) -> Row:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        month, day = words.months[lower(m, "month")], int(m["day"])
        if not 1 <= day <= 31:
            return None
        year = (
            int(m["year"])
            if m["year"]
            else ctx.story.year
            if ctx.story
            else closest_year(ctx.ref, month, day, _tense(words, ctx, m))
        )
        try:
            return Timex(TimexType.DATE, day_value(date(year, month, day)))
        except ValueError:
            return None

    pattern = (
        rf"(?<![\w.])(?P<day>[0-3]?\d)(?:\.|er)?\s+(?:de\s+)?(?i:(?P<month>{alternatives(words.months)}))"
        r"(?:,?\s+(?:de(?:l)?\s+)?(?P<year>1\d{3}|20\d\d))?(?![\w])"
    )
    return Row(
        "day-month",
        pattern,
        resolve,
        frozenset(words.months),
        reason="a day number before a month name, with its year when written",
    )


def month_row(words: Words) -> Row:
    cue = re.compile(words.month_cue, re.IGNORECASE)

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        month = words.months[lower(m, "month")]
        if m["year"]:
            return Timex(TimexType.DATE, month_value(int(m["year"]), month))
        if not cue.search(ctx.text, max(0, m.start() - 25), m.start()):
            return None
        year = (
            ctx.story.year
            if ctx.story
            else closest_month_year(ctx.ref, month, _tense(words, ctx, m))
        )
        return Timex(TimexType.DATE, month_value(year, month))

    pattern = (
        rf"(?<![\w.])(?i:(?P<month>{alternatives(words.months)}))"
        r"(?:\s+(?:de(?:l)?\s+)?(?P<year>1\d{3}|20\d\d))?(?![\w])"
    )
    return Row(
        "month",
        pattern,
        resolve,
        frozenset(words.months),
        reason="a month after a preposition, or with its year",
    )


def deictic_row(words: Words) -> Row:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        word = m[0]
        if word == "Morgen" or (word.lower() == "mañana" and _follows_article(ctx, m.start())):
            return None
        offset = words.days[" ".join(word.lower().split())]
        return Timex(TimexType.DATE, day_value(ctx.ref + timedelta(days=offset)), deictic=True)

    pattern = rf"(?<![\w'’-])(?i:{alternatives(words.days)})(?![\w'’-])"
    return Row(
        "deictic-day",
        pattern,
        resolve,
        trigger_words_of(words.days),
        reason="days counted from the publication: 'gestern', 'demain', 'ayer'",
    )


def _follows_article(ctx: Context, start: int) -> bool:
    """'por la mañana' is the morning, not tomorrow."""
    return bool(re.search(r"(?i:la|esta|cada)\s+$", ctx.text[max(0, start - 8) : start]))


def _relation(words: Words, modifier: str | None) -> str:
    """'last', 'next', 'coming' or 'this' for a modifier such as 'letzten' or 'prochain'."""
    if not modifier:
        return ""
    text = " ".join(modifier.lower().split())
    for pattern, relation in (*words.before.items(), *words.after.items()):
        if re.fullmatch(pattern, text):
            return relation
    return ""


def _modifiers(table: dict[str, str]) -> str:
    return "|".join(table) or "(?!)"


def weekday_row(words: Words) -> Row:
    """A bare weekday is the last one (news reports what happened); 'nächsten Montag',
    'lundi prochain', 'el próximo lunes' point forward and 'letzten Montag' back, past the
    publication day itself."""

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        target = words.weekdays[lower(m, "wd")]
        relation = _relation(words, m["pre"] or m["post"])
        if not relation and target != ctx.ref.weekday() and _tense(words, ctx, m) == "future":
            relation = "coming"
        if relation in {"next", "coming"}:
            day = nearest_weekday(ctx.ref + timedelta(days=1), target, 1)
        elif relation != "last" and target == ctx.ref.weekday():
            day = ctx.ref
        else:
            day = nearest_weekday(ctx.ref - timedelta(days=1), target, -1)
        return deictic(_weekday_part(words, day, m["part"]))

    weekday = rf"(?i:(?P<wd>{alternatives(words.weekdays)}))"
    # The article belongs to the extent only with a modifier ("el próximo lunes"), so that
    # a bare "el lunes" keeps its old extent "lunes".
    pattern = (
        rf"(?<![\w])(?i:(?:(?:{words.weekday_article})\s+(?=(?:{_modifiers(words.before)})\s"
        rf"|\w+\s+(?:{_modifiers(words.after)})(?!\w)))?"
        rf"(?:(?P<pre>{_modifiers(words.before)})\s+)?){weekday}"
        rf"(?i:(?P<part>{words.weekday_part}))?"
        rf"(?:\s+(?i:(?P<post>{_modifiers(words.after)})))?(?![\w])"
    )
    return Row(
        "weekday",
        pattern,
        resolve,
        _weekday_triggers(words),
        reason="the last such weekday, unless a modifier or a future verb points ahead",
    )


def _weekday_part(words: Words, day: date, part: str | None) -> Timex:
    """'Dienstagabend' is a time like 'Tuesday evening'; a morning or night named with the
    day keeps the day as its value, as the English rules do."""
    if not part:
        return Timex(TimexType.DATE, day_value(day))
    code = words.parts[part.lower()]
    value = f"{day_value(day)}T{code}"
    if code in {"EV", "AF"}:
        return Timex(TimexType.TIME, value)
    return Timex(TimexType.DATE, day_value(day), interval_of(value))


def _weekday_triggers(words: Words) -> frozenset[str]:
    parts = re.findall(r"\w+", words.weekday_part) if words.weekday_part != "(?!)" else []
    return frozenset(words.weekdays) | {day + part for day in words.weekdays for part in parts}


def ago_row(words: Words) -> Row:
    blocked = re.compile(rf"(?:{words.ago_blocked})\Z", re.IGNORECASE)

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        if blocked.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None  # "desde hace dos años" is a length up to now: a duration
        quantity = lower(m, "q")
        count = int(quantity) if quantity.isdigit() else words.numbers[quantity]
        unit = words.units[lower(m, "unit")]
        return Timex(TimexType.DATE, unit_value(move(ctx.ref, unit, -count), unit), deictic=True)

    pattern = words.ago.format(numbers=alternatives(words.numbers), units=alternatives(words.units))
    return Row(
        "ago",
        rf"(?<![\w])(?i:{pattern})(?![\w])",
        resolve,
        trigger_words_of(words.units),
        reason="'vor zwei Tagen', 'il y a deux jours': units counted back from now",
    )


# Years are no lengths: "2019 Jahr für Jahr" is not 2019 years.
_YEARLIKE = range(1900, 2100)


def duration_row(words: Words) -> Row:
    """'zwei Wochen', 'depuis deux ans', 'durante tres meses': a length, written like the
    English durations (P2W, P2Y, P3M). After 'seit'/'depuis'/'desde hace' it ends at the
    publication, so it also gets that stretch as its interval."""
    since = re.compile(rf"(?:{words.since})", re.IGNORECASE)
    lasting = re.compile(rf"(?:{words.lasting})", re.IGNORECASE)
    ago = re.compile(words.ago.split("(?P<q>")[0] + r"\Z", re.IGNORECASE)
    age_before = re.compile(rf"(?:{words.age_before})", re.IGNORECASE)
    age_after = re.compile(words.age_after, re.IGNORECASE)
    vague = re.compile(words.vague, re.IGNORECASE)

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        quantity = " ".join(lower(m, "q").split())
        unit = words.units[lower(m, "unit")]
        cue = m["cue"] or ""
        before = ctx.text[max(0, m.start("t") - 40) : m.start("t")]
        if not cue and ago.search(before):
            return None  # "vor einigen Jahren" points back; it is no length
        if unit == "year" and (age_before.search(before) or age_after.match(ctx.text, m.end())):
            return None  # an age: "52 Jahre alt", "un homme de 52 ans", "tiene 52 años"
        count: int | None
        if vague.fullmatch(quantity):
            count = None
        else:
            count = int(quantity) if quantity.isdigit() else words.numbers[quantity]
            if count in _YEARLIKE and quantity.isdigit():
                return None
            if (
                count == 1
                and unit == "day"
                and not quantity.isdigit()
                and not lasting.fullmatch(cue)
            ):
                return None  # "un jour, il reviendra": some day, not a day's length
        # "seit fünf Monaten" reaches back from publication as "the past five months" does.
        interval = (
            reach(ctx, unit, count, "past") if count is not None and since.fullmatch(cue) else None
        )
        return Timex(TimexType.DURATION, duration_value(count, unit), interval, anchors=False)

    numbers = alternatives(words.numbers)
    pattern = (
        rf"(?<![\w'’.,-])(?i:(?P<cue>{words.lasting})\s+)?"
        rf"(?P<t>(?i:(?:{words.approx})\s+)?"
        rf"(?P<q>(?<![\d.,])\d+(?![.,]\d)|(?i:{numbers}|{words.vague}))\s+"
        rf"(?i:(?P<unit>{alternatives(words.units)})))(?![\w-])"
    )
    return Row(
        "duration",
        pattern,
        resolve,
        trigger_words_of(words.units),
        reason="a number of units is a length; after 'seit' it reaches back from now",
    )


def day_part_rows(words: Words) -> list[Row]:
    """'gestern Abend', 'ce matin', 'anoche': the part of a day near publication, valued
    like the English 'yesterday evening' (2025-12-14TEV)."""
    rules = []
    for phrase, fixed_offset, fixed_part in words.day_parts:

        def resolve(
            m: re.Match[str],
            ctx: Context,
            offset: int | None = fixed_offset,
            code: str | None = fixed_part,
        ) -> Timex | None:
            if offset is None:
                offset = words.days[" ".join(lower(m, "day").replace("’", "'").split())]
            part = code or words.parts[lower(m, "part")]
            return Timex(TimexType.TIME, f"{day_value(ctx.ref + timedelta(days=offset))}T{part}")

        # "ce soir-là" is an evening of the story, not of the publication day.
        pattern = rf"(?<![\w'’-])(?i:{phrase})(?![\w'’-])"
        rules.append(
            Row(
                "day-part",
                pattern,
                resolve,
                _phrase_triggers(phrase),
                reason="a part of a day near publication ('gestern Abend', 'ce matin')",
            )
        )
    return rules


def _phrase_triggers(phrase: str) -> frozenset[str]:
    """The words a phrase pattern spells out, without group names and escapes; articles and
    prepositions are left out, as they would wake the rule near every 'la'."""
    text = re.sub(r"\?P<\w+>|\\[a-zA-Z]", " ", phrase)
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)) - {"la", "por", "en"}


def season_row(words: Words) -> Row:
    """'im Sommer 2024', 'l'hiver dernier', 'el próximo invierno': a season as the English
    rules value it (2024-SU). Without year or modifier it is the season around publication,
    or this year's; a bare season word needs a preposition or an article, since French
    'été' is also 'been' and 'Winter' a surname."""

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        code = words.seasons[lower(m, "season")]
        if m["year"]:
            return Timex(TimexType.DATE, f"{m['year']}-{code}")
        relation = _relation(words, m["pre"] or m["post"])
        if not (relation or m["cue"] or m["art"]):
            return None
        return Timex(TimexType.DATE, f"{_season_year(ctx.ref, code, relation):04d}-{code}")

    pattern = (
        rf"(?<![\w'’-])(?i:(?P<cue>{words.season_cue})(?:\s+|(?<=['’])))?"
        rf"(?P<t>(?i:(?P<art>{words.season_article})(?:\s+|(?<=['’])))?"
        rf"(?i:(?P<pre>{_modifiers(words.before)})\s+)?"
        rf"(?i:(?P<season>{alternatives(words.seasons)}))"
        rf"(?:\s+(?i:{words.season_year_link})?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
        rf"|\s+(?i:(?P<post>{_modifiers(words.after)})))?)(?![\w'’-])"
    )
    return Row(
        "season",
        pattern,
        resolve,
        trigger_words_of(words.seasons),
        reason="a season with a year, a modifier, a preposition or an article",
    )


def _season_year(ref: date, code: str, relation: str) -> int:
    """Year of the season: 'last' ended before publication, 'next' starts after it, 'coming'
    has not ended yet; otherwise the one around publication, or this year's."""
    starts = [
        (year, date(year, SEASON_START[code], 1)) for year in range(ref.year - 2, ref.year + 2)
    ]
    spans = [(year, first, move(first, "month", 3)) for year, first in starts]
    if relation == "last":
        return max(year for year, _, end in spans if end <= ref)
    if relation == "next":
        return min(year for year, first, _ in spans if first > ref)
    if relation == "coming":
        return min(year for year, _, end in spans if end > ref)
    return next((year for year, first, end in spans if first <= ref < end), ref.year)


def relative_rows(words: Words) -> list[Row]:
    rules = []
    for phrase, fixed_unit, offset in words.relative:

        def resolve(
            m: re.Match[str], ctx: Context, unit: str = fixed_unit, step: int = offset
        ) -> Timex | None:
            key = unit or _UNIT_WORDS[lower(m, "unit")]
            return Timex(TimexType.DATE, unit_value(move(ctx.ref, key, step), key), deictic=True)

        pattern = rf"(?<![\w'’])(?i:{phrase})(?![\w])"
        triggers = trigger_words_of(_UNIT_WORDS) | {"an", "week", "fin"}
        rules.append(
            Row(
                "relative-unit",
                pattern,
                resolve,
                triggers,
                reason="a calendar unit by its relation to now ('letzte Woche')",
            )
        )
    return rules
