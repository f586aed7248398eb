"""Shorthand for tests: normalize and look at (text, value) pairs."""

from __future__ import annotations

from datetime import UTC, datetime

from services.timeline.mentions import Mention
from services.timeline.normalize import normalize

# A Monday.
PUBLISHED = datetime(2025, 12, 15, 8, 0, tzinfo=UTC)


def found(text: str, published_at: datetime = PUBLISHED, language: str = "en") -> list[Mention]:
    return normalize(text, published_at, language)


def pairs(
    text: str, published_at: datetime = PUBLISHED, language: str = "en"
) -> list[tuple[str, str]]:
    return [(m.text, m.timex_value) for m in found(text, published_at, language)]


def at(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)
