"""The TimelineJS3 JSON document of a timeline page."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

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


def date_fields(instant: datetime, granularity: Granularity) -> dict[str, int]:
    fields = next(f for rank, f in FIELDS_BY_RANK if granularity.rank <= rank)
    return {name: getattr(instant, name) for name in fields}


def event(item: dict[str, Any]) -> dict[str, Any]:
    """One incident (public shape) as a TimelineJS slide."""
    granularity = Granularity(item["granularity"])
    start = date_fields(datetime.fromisoformat(item["start"]), granularity)
    # `end` is exclusive; people read the last instant the interval includes.
    last = datetime.fromisoformat(item["end"]) - timedelta(microseconds=1)
    end = date_fields(last, granularity)
    credit = html.escape(f"{item['source']}: {item['title']}")
    if item.get("url"):
        credit = f'<a href="{html.escape(item["url"])}">{credit}</a>'
    doc: dict[str, Any] = {
        "start_date": start,
        "text": {
            "headline": html.escape(item["mention"] or item["title"]),
            "text": f"<p>{html.escape(item['sentence'])}</p><p><em>{credit}</em></p>",
        },
        "unique_id": item["incident_id"],
        "group": item["source"],
    }
    if end != start:
        doc["end_date"] = end
    return doc


def document(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"events": [event(i) for i in items]}
