"""The TimelineJS3 JSON document of a timeline page.

TimelineJS reads dates as calendar fields with inclusive ends, so each incident is shown in
one clock (see clock.py: the article's own, or the reader's for clock times) and its
exclusive UTC end becomes the last instant it includes there: a day is one day, a year one
year, and "6 a.m." in an article at -05:00 is hour 6.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, tzinfo
from typing import Any

from services.query.clock import in_reader_zone, view_zone
from services.timeline.mentions import Granularity

# The date fields TimelineJS should show for each precision: a year-level incident
# must not pretend to a month and day.
FIELDS_BY_RANK = (
    (Granularity.MINUTE.rank, ("year", "month", "day", "hour", "minute")),
    (Granularity.PART_OF_DAY.rank, ("year", "month", "day", "hour")),
    (Granularity.WEEK.rank, ("year", "month", "day")),
    (Granularity.SEASON.rank, ("year", "month")),
    (Granularity.CENTURY.rank, ("year",)),
)
HEADLINE_CHARS = 90  # a slide's headline is one line; the sentence stays whole in the text


def date_fields(instant: datetime, granularity: Granularity) -> dict[str, int]:
    fields = next(f for rank, f in FIELDS_BY_RANK if granularity.rank <= rank)
    return {name: getattr(instant, name) for name in fields}


def headline(found: dict[str, Any]) -> str:
    """What happened: the sentence (cut at a word near HEADLINE_CHARS), or the title for a
    publication; never the bare mention ("two weeks ago" says nothing alone)."""
    text = " ".join((found["sentence"] or found["title"]).split())
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def dates(found: dict[str, Any], zone: tzinfo) -> tuple[dict[str, int], dict[str, int]]:
    """First and last calendar fields the interval includes, in `zone`."""
    granularity = Granularity(found["granularity"])
    start = datetime.fromisoformat(found["start"]).astimezone(zone)
    # `end` is exclusive; people read the last instant the interval includes.
    last = (datetime.fromisoformat(found["end"]) - timedelta(microseconds=1)).astimezone(zone)
    return date_fields(start, granularity), date_fields(last, granularity)


def event(found: dict[str, Any], reader: tzinfo | None = None) -> dict[str, Any]:
    """One incident (public shape) as a TimelineJS slide."""
    zone = view_zone(found, Granularity(found["granularity"]), reader)
    start, end = dates(found, zone)
    shown = in_reader_zone(found, reader)
    credit = html.escape(f"{found['source']}: {found['title']} ({shown['published_at']})")
    if found.get("url"):
        credit = f'<a href="{html.escape(found["url"])}">{credit}</a>'
    said = html.escape(found["sentence"])
    mention = f"<strong>{html.escape(found['mention'])}</strong>: " if found["mention"] else ""
    doc: dict[str, Any] = {
        "start_date": start,
        "text": {
            "headline": html.escape(headline(found)),
            "text": f"<p>{mention}{said}</p><p><em>{credit}</em></p>",
        },
        "unique_id": found["incident_id"],
        "group": found["source"],
    }
    if end != start:
        doc["end_date"] = end
    return doc


def document(items: list[dict[str, Any]], reader: tzinfo | None = None) -> dict[str, Any]:
    return {"events": [event(i, reader) for i in items]}
