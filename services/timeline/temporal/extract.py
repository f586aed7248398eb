"""Runs the rules over a text and keeps the longest, leftmost non-overlapping matches,
resolving them in reading order so that each can lean on the date mentioned before it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from services.timeline.mentions import Mention

from .context import Context, Rule, Timex
from .intervals import interval_of


def _extent(match: re.Match[str]) -> tuple[int, int]:
    if "t" in match.re.groupindex and match.start("t") >= 0:
        return match.span("t")
    return match.span()


def candidates(text: str, rules: Iterable[Rule]) -> list[tuple[int, int, int, re.Match[str], Rule]]:
    """Every rule match as (start, -length, rule order, match, rule), in preference order."""
    found = []
    for order, rule in enumerate(rules):
        for match in rule.pattern.finditer(text):
            start, end = _extent(match)
            if end > start:
                found.append((start, start - end, order, match, rule))
    found.sort(key=lambda item: item[:3])
    return found


def extract(ctx: Context, rules: Sequence[Rule]) -> list[Mention]:
    mentions: list[Mention] = []
    covered_until = 0
    for start, _, _, match, rule in candidates(ctx.text, rules):
        if start < covered_until:
            continue
        timex = rule.resolve(match, ctx)
        if timex is None:
            continue
        end = _extent(match)[1]
        mentions.append(_mention(ctx, start, end, timex))
        covered_until = end
    return mentions


def _mention(ctx: Context, start: int, end: int, timex: Timex) -> Mention:
    interval = timex.interval or interval_of(timex.value)
    if timex.anchors and interval is not None:
        ctx.remember(timex.value, _day_of(timex.value))
    return Mention(
        text=ctx.text[start:end],
        char_start=start,
        char_end=end,
        timex_type=timex.type,
        timex_value=timex.value,
        start=interval[0] if interval else None,
        end=interval[1] if interval else None,
        granularity=interval[2] if interval else None,
    )


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
