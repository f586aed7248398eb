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
    # isoformat (in C: four-digit year, fixed microseconds) instead of an f-string, which
    # took a fifth of a rebuild; instants already in UTC (as events carry them) skip the
    # conversion.
    text = instant.isoformat(timespec="microseconds")
    if text.endswith("+00:00"):
        return text[:-6] + "Z"
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def to_rfc3339(key: str) -> str:
    """The public form of a stored instant: RFC 3339 with Z, fractions only when present."""
    return key[:-8] + "Z" if key.endswith(_WHOLE_SECOND) else key


def from_key(key: str) -> datetime:
    """The aware UTC datetime a stored instant denotes."""
    # fromisoformat reads the stored form (Z included) fifty times faster than strptime.
    return datetime.fromisoformat(key)
