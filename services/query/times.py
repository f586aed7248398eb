"""Instants as the read model stores them: fixed-width UTC strings.

Every stored instant has the same width (four-digit year, microseconds, Z), so SQLite's
text order is time order and the (start, end, incident_id) index serves both filters and
keyset paging without any conversion.
"""

from __future__ import annotations

from datetime import UTC, datetime

_WHOLE_SECOND = ".000000Z"


def to_key(instant: datetime) -> str:
    """The stored form of an aware instant: YYYY-MM-DDTHH:MM:SS.ffffffZ in UTC."""
    if instant.tzinfo is None:
        msg = "instants must be timezone-aware"
        raise ValueError(msg)
    u = instant.astimezone(UTC)
    return (
        f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:"
        f"{u.second:02d}.{u.microsecond:06d}Z"
    )


def to_rfc3339(key: str) -> str:
    """The public form of a stored instant: RFC 3339 with Z, fractions only when present."""
    return key[:-8] + "Z" if key.endswith(_WHOLE_SECOND) else key


def from_key(key: str) -> datetime:
    """The aware UTC datetime a stored instant denotes."""
    return datetime.strptime(key, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
