"""Runs the rules over a text and keeps the longest, leftmost non-overlapping matches,
resolving them in reading order so that each can lean on the date mentioned before it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC

from services.timeline.mentions import Mention

from .context import Context, Rule, Timex, number_key
from .intervals import Interval, interval_of


def _extent(match: re.Match[str]) -> tuple[int, int]:
    if "t" in match.re.groupindex and match.start("t") >= 0:
        return match.span("t")
    return match.span()


_WORD = re.compile(r"\w+")
# How far from its trigger word a match may begin or end ("more than a year and a half ago").
_REACH = 48


def _word_index(text: str, wanted: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each `wanted` lower-case word occurs; numbers are filed under their shape.
    Most words of a text trigger no rule, and filing them was most of the index's time."""
    index: dict[str, list[tuple[int, int]]] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        key = number_key(word) if word[0].isdigit() else word.lower()
        if key in wanted:
            index.setdefault(key, []).append(match.span())
    return index


def _windows(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged stretches around trigger words, cut at white space so that no match is cut."""
    windows: list[tuple[int, int]] = []
    for start, end in hits:
        low = text.rfind(" ", 0, max(0, start - _REACH)) + 1
        high = text.find(" ", end + _REACH)
        high = len(text) if high < 0 else high + 1
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def candidates(text: str, rules: Sequence[Rule]) -> list[tuple[int, int, int, re.Match[str], Rule]]:
    """Every rule match as (start, -length, rule order, match, rule), in preference order.
    A rule only runs near its trigger words: scanning whole articles with every pattern
    would cost most of the time."""
    index = _word_index(text, frozenset().union(*(rule.triggers for rule in rules)))
    # Rules of one class share their trigger words, hence their windows.
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}
    found = []
    for order, rule in enumerate(rules):
        if rule.triggers not in windows:
            present = rule.triggers & index.keys()
            hits = sorted(span for word in present for span in index[word])
            windows[rule.triggers] = _windows(text, hits)
        for low, high in windows[rule.triggers]:
            for match in rule.pattern.finditer(text, low, high):
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
        timex = _resolve(rule, match, ctx)
        if timex is None:
            continue
        end = _extent(match)[1]
        mentions.append(_mention(ctx, start, end, timex))
        covered_until = end
    return mentions


def _resolve(rule: Rule, match: re.Match[str], ctx: Context) -> Timex | None:
    """A match whose date falls off the calendar ("a million years ago", year 0) is not
    something a timeline can hold, so it is dropped rather than failing the article."""
    try:
        return rule.resolve(match, ctx)
    except (ValueError, OverflowError):
        return None


def _mention(ctx: Context, start: int, end: int, timex: Timex) -> Mention:
    interval = timex.interval or interval_of(timex.value, ctx.zone)
    _apply(ctx, start, end, timex, interval)
    return Mention(
        text=ctx.text[start:end],
        char_start=start,
        char_end=end,
        timex_type=timex.type,
        timex_value=timex.value,
        start=interval[0].astimezone(UTC) if interval else None,
        end=interval[1].astimezone(UTC) if interval else None,
        granularity=interval[2] if interval else None,
    )


def _apply(ctx: Context, start: int, end: int, timex: Timex, interval: Interval | None) -> None:
    """The one place where the discourse state changes: the update the expression implies."""
    story = ctx.story_after(start, end, timex, interval[0].date() if interval else None)
    ctx.discourse = ctx.discourse.after(
        timex.value,
        end,
        placed=interval is not None,
        anchors=timex.anchors,
        fiscal=timex.fiscal,
        story=story,
    )
