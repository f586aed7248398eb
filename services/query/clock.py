"""One clock per answer: the article's own by default, or the one zone a reader asks for.

Intervals in the JSON API stay UTC and end-exclusive; what changes with the clock is the
publication time's offset and every view made of days (TimelineJS dates, story days). A
day, month or year an article names is that day in the article's calendar, so it is read
there; clock times and publication times move into the reader's zone when one is asked for.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from services.timeline.mentions import Granularity
from services.timeline.zones import zone_of_label

DAY_RANK = Granularity.DAY.rank


def rfc3339(moment: datetime) -> str:
    """RFC 3339 with the offset `moment` carries (Z for none); fractions only when present."""
    text = moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def article_zone(found: dict[str, Any]) -> tzinfo:
    """The clock of the article an item (public shape) belongs to."""
    return zone_of_label(found["timezone"])


def view_zone(found: dict[str, Any], granularity: Granularity, reader: tzinfo | None) -> tzinfo:
    """The zone an item's dates are shown in: the reader's for clock times and publications,
    the article's own for a named day or anything coarser."""
    if reader is None or granularity.rank >= DAY_RANK:
        return article_zone(found)
    return reader


def in_reader_zone(found: dict[str, Any], reader: tzinfo | None) -> dict[str, Any]:
    """The item with its publication time shown in the reader's zone, when one is asked."""
    if reader is None:
        return found
    published = datetime.fromisoformat(found["published_at"]).astimezone(reader)
    return found | {"published_at": rfc3339(published)}
