"""Rules for German, French and Spanish built from their word tables."""

from __future__ import annotations

import re
from datetime import date, timedelta

from services.timeline.mentions import TimexType

from .calendar import closest_month_year, closest_year, day_value, month_value, nearest_weekday
from .context import Context, Rule, Timex
from .lexicon_foreign import Words
from .rules_dates import RULES as DATE_RULES
from .rules_years import RULES as YEAR_RULES
from .units import move, unit_value

_UNIT_WORDS = {"woche": "week", "monat": "month", "jahr": "year", "semaine": "week",
               "mois": "month", "année": "year", "semana": "week", "mes": "month",
               "año": "year"}  # fmt: skip


def _alternatives(words: dict[str, int] | dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _lower(m: re.Match[str], group: str) -> str:
    return m[group].lower()


def _day_rule(words: Words) -> Rule:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        month, day = words.months[_lower(m, "month")], int(m["day"])
        if not 1 <= day <= 31:
            return None
        year = int(m["year"]) if m["year"] else closest_year(ctx.ref, month, day, "none")
        try:
            return Timex(TimexType.DATE, day_value(date(year, month, day)))
        except ValueError:
            return None

    pattern = (
        rf"(?<![\w.])(?P<day>[0-3]?\d)(?:\.|er)?\s+(?:de\s+)?(?i:(?P<month>{_alternatives(words.months)}))"
        r"(?:,?\s+(?:de(?:l)?\s+)?(?P<year>1\d{3}|20\d\d))?(?![\w])"
    )
    return Rule("day-month", re.compile(pattern), resolve, frozenset(words.months))


def _month_rule(words: Words) -> Rule:
    cue = re.compile(words.month_cue, re.IGNORECASE)

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        month = words.months[_lower(m, "month")]
        if m["year"]:
            return Timex(TimexType.DATE, month_value(int(m["year"]), month))
        if not cue.search(ctx.text, max(0, m.start() - 25), m.start()):
            return None
        return Timex(TimexType.DATE, month_value(closest_month_year(ctx.ref, month, "none"), month))

    pattern = (
        rf"(?<![\w.])(?i:(?P<month>{_alternatives(words.months)}))"
        r"(?:\s+(?:de(?:l)?\s+)?(?P<year>1\d{3}|20\d\d))?(?![\w])"
    )
    return Rule("month", re.compile(pattern), resolve, frozenset(words.months))


def _deictic_rule(words: Words) -> Rule:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        word = m[0]
        if word == "Morgen" or (word.lower() == "mañana" and _follows_article(ctx, m.start())):
            return None
        offset = words.days[" ".join(word.lower().split())]
        return Timex(TimexType.DATE, day_value(ctx.ref + timedelta(days=offset)))

    pattern = rf"(?<![\w'’-])(?i:{_alternatives(words.days)})(?![\w'’-])"
    return Rule("deictic-day", re.compile(pattern), resolve, _trigger_words(words.days))


def _follows_article(ctx: Context, start: int) -> bool:
    """'por la mañana' is the morning, not tomorrow."""
    return bool(re.search(r"(?i:la|esta|cada)\s+$", ctx.text[max(0, start - 8) : start]))


def _weekday_rule(words: Words) -> Rule:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        target = words.weekdays[_lower(m, "wd")]
        if target == ctx.ref.weekday():
            return Timex(TimexType.DATE, day_value(ctx.ref))
        day = nearest_weekday(ctx.ref - timedelta(days=1), target, -1)
        return Timex(TimexType.DATE, day_value(day))

    pattern = rf"(?<![\w])(?i:(?P<wd>{_alternatives(words.weekdays)}))(?![\w])"
    return Rule("weekday", re.compile(pattern), resolve, frozenset(words.weekdays))


def _ago_rule(words: Words) -> Rule:
    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        quantity = _lower(m, "q")
        count = int(quantity) if quantity.isdigit() else words.numbers[quantity]
        unit = words.units[_lower(m, "unit")]
        return Timex(TimexType.DATE, unit_value(move(ctx.ref, unit, -count), unit))

    pattern = words.ago.format(
        numbers=_alternatives(words.numbers), units=_alternatives(words.units)
    )
    return Rule(
        "ago", re.compile(rf"(?<![\w])(?i:{pattern})(?![\w])"), resolve, _trigger_words(words.units)
    )


def _relative_rules(words: Words) -> list[Rule]:
    rules = []
    for phrase, fixed_unit, offset in words.relative:

        def resolve(
            m: re.Match[str], ctx: Context, unit: str = fixed_unit, step: int = offset
        ) -> Timex | None:
            key = unit or _UNIT_WORDS[_lower(m, "unit")]
            return Timex(TimexType.DATE, unit_value(move(ctx.ref, key, step), key))

        pattern = re.compile(rf"(?<![\w'’])(?i:{phrase})(?![\w])")
        rules.append(Rule("relative-unit", pattern, resolve, _trigger_words(_UNIT_WORDS) | {"an"}))
    return rules


def _trigger_words(words: dict[str, int] | dict[str, str]) -> frozenset[str]:
    return frozenset(part for word in words for part in re.findall(r"\w+", word.lower()))


def foreign_rules(words: Words) -> tuple[Rule, ...]:
    """Shared numeric date and year rules plus the language's own words."""
    numeric = tuple(r for r in DATE_RULES if r.name in {"iso-date", "numeric-date"})
    return (
        *numeric,
        _day_rule(words),
        _month_rule(words),
        *_relative_rules(words),
        _ago_rule(words),
        _deictic_rule(words),
        _weekday_rule(words),
        *YEAR_RULES[:1],
    )
