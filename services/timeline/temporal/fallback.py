"""Languages without rules of our own: dateparser finds and parses their dates.

The project's rules cover en, de, fr and es. For any other language dateparser's search
(which knows some 200 locales) proposes spans, and its own parser says how precise each is,
so "13 dicembre" is a day and "marzo 2024" a month. RELATIVE_BASE is the publication time,
so nothing reads the clock. Spans our rules already found win.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

from dateparser.date import DateDataParser
from dateparser.search import search_dates

from services.timeline.mentions import Mention, TimexType

from .intervals import interval_of

# A word of at most three letters, with its punctuation and space, at either edge.
_EDGE_WORD = re.compile(r"^[^\W\d]{1,3}[\s,;:.]+|[\s,;:.]+[^\W\d]{1,3}[\s,;:.]*$")
# dateparser's period -> how much of the datetime the TimeML value keeps.
_VALUE_FORMAT = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "time": "%Y-%m-%dT%H:%M"}


def _settings(published_at: datetime) -> dict[str, object]:
    # dateparser counts in naive wall-clock time: the article's own.
    return {
        "RELATIVE_BASE": published_at.replace(tzinfo=None),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _value(parser: DateDataParser, phrase: str) -> tuple[TimexType, str] | None:
    data = parser.get_date_data(phrase)
    if data.date_obj is None:
        return None
    if data.period == "week":
        year, week, _ = data.date_obj.isocalendar()
        return TimexType.DATE, f"{year}-W{week:02d}"
    fmt = _VALUE_FORMAT.get(data.period or "")
    if fmt is None:
        return None
    timex_type = TimexType.TIME if data.period == "time" else TimexType.DATE
    return timex_type, data.date_obj.strftime(fmt)


def with_dateparser(
    text: str, published_at: datetime, language: str, found: list[Mention]
) -> list[Mention]:
    """`found` plus what dateparser finds; a dateparser span that holds a mention of ours
    whole ("marzo 2024" around "2024") replaces it, one that straddles a mention is dropped.
    `published_at` is on the article's own clock; its zone reads the values' intervals."""
    settings = _settings(published_at)
    try:
        spans = search_dates(text, languages=[language], settings=settings) or []
        parser = DateDataParser(languages=[language], settings=settings)
    except ValueError:  # a language dateparser does not know
        return found
    merged, cursor = list(found), 0
    for phrase, _ in spans:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        end = cursor = start + len(phrase)
        mention = _mention(parser, phrase, start, published_at.tzinfo or UTC)
        inside = [m for m in merged if start <= m.char_start and m.char_end <= end]
        straddling = [m for m in merged if m.char_start < end and start < m.char_end]
        if mention is None or len(straddling) > len(inside):
            continue
        merged = [m for m in merged if m not in inside] + [mention]
    return sorted(merged, key=lambda m: m.char_start)


def _tighten(parser: DateDataParser, phrase: str, value: tuple[TimexType, str]) -> tuple[int, str]:
    """dateparser's spans drag in neighbours ("marzo 2024, e", "em 13 de dezembro"): drop
    short edge words (particles, conjunctions) while the rest still means the same. Longer
    words stay, or "13 dicembre" would shrink to "13", which parses the same only because
    the publication's month fills in. Returns (offset in phrase, phrase)."""
    offset = 0
    while (edge := _EDGE_WORD.search(phrase)) is not None:
        rest = phrase[: edge.start()] + phrase[edge.end() :]
        if not rest or _value(parser, rest) != value:
            break
        offset += edge.end() if edge.start() == 0 else 0
        phrase = rest
    return offset, phrase


def _mention(parser: DateDataParser, phrase: str, start: int, zone: tzinfo) -> Mention | None:
    resolved = _value(parser, phrase)
    if resolved is not None:
        shift, phrase = _tighten(parser, phrase, resolved)
        start += shift
    interval = interval_of(resolved[1], zone) if resolved else None
    if resolved is None or interval is None:
        return None
    return Mention(
        text=phrase, char_start=start, char_end=start + len(phrase), timex_type=resolved[0],
        timex_value=resolved[1], start=interval[0], end=interval[1], granularity=interval[2],
    )  # fmt: skip
