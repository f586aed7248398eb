"""Clock times in German, French and Spanish: 'um 14 Uhr', 'lundi à 9h15', 'el viernes a
las 8', 'a las tres de la tarde'."""

from __future__ import annotations

import re

from services.timeline.mentions import TimexType

from .calendar import day_value
from .context import Context, Timex
from .engine import Row
from .foreign_words import alternatives, trigger_words_of
from .lexicon_foreign import Words


def _hour_words(words: Words) -> str:
    return alternatives({w: n for w, n in words.numbers.items() if n <= 12})


def _attached_day(words: Words) -> re.Pattern[str]:
    """A day named right before a clock time ('gestern um 14 Uhr', 'lundi prochain à 14h30')
    gives it its date; that day was resolved just before and is the context's anchor."""
    days = alternatives(words.days)
    names = "|".join(alternatives(table) for table in (words.weekdays, words.months, words.parts))
    # Up to two short words may follow the day: "lundi prochain à", "el lunes a las".
    return re.compile(
        rf"(?i:{days}|{names})(?:\s+[^\W\d]{{1,9}}){{0,2}}\s*,?\s*\Z|\d{{4}}\s*,?\s*\Z|\d\.\s*\Z"
    )


_AMOUNT_AFTER = re.compile(
    r"\s*(?:[%€$£]|(?i:euros?|eur|dollars?|dólares|pesos|prozent|pour\s*cent|por\s+ciento"
    r"|punkte|points|puntos)(?!\w))"
)


def clock_row(words: Words) -> Row:
    """'um 14 Uhr', 'à 14h30', 'a las tres de la tarde': the minute on the publication day
    (or on the day named right before), valued like the English clock times."""
    attached = _attached_day(words)

    def resolve(m: re.Match[str], ctx: Context) -> Timex | None:
        before = ctx.text[max(0, m.start() - 40) : m.start()]
        day_named = attached.search(before) is not None
        if m["noon"]:
            if not m["cue"]:
                return None  # "le Midi" is the south of France; "à midi" is noon
            midnight = m["noon"].lower() in {"mitternacht", "minuit", "medianoche"}
            clock: tuple[int, int] | None = (0 if midnight else 12, 0)
        else:
            clock = _hour_minute(words, m, day_named=day_named)
            if clock is not None and not m["unit"] and _AMOUNT_AFTER.match(ctx.text, m.end()):
                return None  # "um 14.30 Euro": a price
        if clock is None:
            return None
        hour, minute = clock
        day = ctx.anchor if day_named else ctx.ref
        return Timex(TimexType.TIME, f"{day_value(day)}T{hour:02d}:{minute:02d}")

    pattern = rf"(?<![\w.,:])(?i:{words.clock.format(hours=_hour_words(words))})(?![\w%€$]|[.,:]\d)"
    triggers = trigger_words_of(words.numbers) | {"#d", "uhr", "h", "heure", "heures", "horas",
                                                 "hora", "midi", "minuit", "mediodía",
                                                 "medianoche", "mitternacht"}  # fmt: skip
    return Row(
        "clock-time",
        pattern,
        resolve,
        triggers,
        reason="a clock time on the day named right before it, else the publication's",
    )


def _hour_minute(words: Words, m: re.Match[str], *, day_named: bool) -> tuple[int, int] | None:
    """Hour and minute, or None when the number is no time of day: a bare number, 'las tres
    empresas', or a length such as '24 heures' without a preposition or minutes. After a
    day and a preposition a bare hour is a time: 'übermorgen um 8', 'el viernes a las 8'."""
    unit, cue, minutes = m["unit"] or "", m["cue"], m["mi"]
    half, part_word = _group(m, "half"), _group(m, "part")
    if "art" in m.re.groupindex and not m["art"]:
        return None
    # "a las 8": the article before a written hour makes it a time of day, unless a noun
    # follows ("a las tres empresas").
    at_hour = bool(cue and _group(m, "art") and m["h"].isdigit() and not _noun_after(m))
    at_hour = at_hour or bool(day_named and cue and m["h"].isdigit())
    if not (unit or part_word or half or (minutes and cue) or at_hour):
        return None
    if unit and re.fullmatch(words.clock_weak_unit, unit, re.IGNORECASE) and not (cue or minutes):
        return None
    word = m["h"].lower()
    hour = int(word) if word.isdigit() else words.numbers[word]
    minute = int(minutes or 0)
    if half:
        minute = 30 if half.lower().split()[-1] in {"media", "demie"} else 15
    part = words.parts.get((part_word or "").lower())
    if part in {"AF", "EV"} and hour < 12:
        hour += 12  # "à 8 h du soir", "a las tres de la tarde"
    elif part == "NI" and 6 <= hour < 12:
        hour += 12  # "um 11 Uhr nachts"
    elif part in {"NI", "MO"} and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 else None


_NOUN_AFTER = re.compile(r"\s+(?!(?:y|de|del|en|para|con|por|a|al|hasta)\b)[a-záéíóúñ]")


def _noun_after(m: re.Match[str]) -> bool:
    return bool(_NOUN_AFTER.match(m.string, m.end()))


def _group(m: re.Match[str], name: str) -> str | None:
    """A group that not every language's pattern has."""
    return m[name] if name in m.re.groupindex else None
