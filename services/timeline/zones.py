"""The article's own clock: the zone whose calendar its relative dates are counted in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone `name` ("Europe/Berlin"); ValueError saying why when there is none.
    "localtime" is refused: it means whatever machine the worker runs on, and the same
    article must give the same timeline everywhere."""
    if name == "localtime":
        msg = "'localtime' depends on the machine; give an IANA name such as 'Europe/Berlin'"
        raise ValueError(msg)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        msg = f"unknown IANA time zone {name!r}"
        raise ValueError(msg) from exc


@cache
def known_zone_names() -> tuple[str, ...]:
    """Every name `zone_named` accepts, so an API schema can say exactly what it takes."""
    return tuple(sorted(name for name in available_timezones() if name != "localtime"))


def article_zone(published_at: datetime, name: str | None = None) -> tzinfo:
    """The named zone when the article has one, else the fixed offset of its publication
    time (which knows no daylight-saving change)."""
    if name:
        return zone_named(name)
    offset = published_at.utcoffset()
    if offset is None:
        msg = "published_at must be timezone-aware"
        raise ValueError(msg)
    return timezone(offset)


def zone_label(published_at: datetime, name: str | None = None) -> str:
    """How an article's clock is named to readers: its IANA zone when it has one, else the
    offset of its publication time ("+05:30", "-03:00"; "UTC" for none)."""
    if name:
        return name
    return published_at.isoformat()[-6:] if published_at.utcoffset() else "UTC"


@cache
def zone_of_label(label: str) -> tzinfo:
    """The zone a `zone_label` names; ValueError for a label that names none."""
    if len(label) == 6 and label[0] in "+-" and label[3] == ":":  # "+HH:MM"
        sign = -1 if label[0] == "-" else 1
        hours, minutes = int(label[1:3]), int(label[4:6])
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return zone_named(label)
