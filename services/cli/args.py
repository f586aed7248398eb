"""Option values the operators' commands share: times and partition:offset positions.

Parsed in the handlers rather than by argparse, so a bad value is one line and exit 2.
"""

from __future__ import annotations

from datetime import datetime

from services.platform.errors import UsageError
from services.platform.rfc3339 import parse


def parse_time(text: str, option: str) -> datetime:
    """An RFC 3339 time with its offset (a bare time would depend on this machine's zone)."""
    try:
        return parse(text)
    except ValueError as exc:
        msg = f"{option} {exc}"
        raise UsageError(msg) from exc


def parse_position(text: str, option: str) -> tuple[int, int]:
    """`P:O`, a partition and an offset, both non-negative integers."""
    partition, _, offset = text.partition(":")
    if partition.isdigit() and offset.isdigit():
        return int(partition), int(offset)
    msg = f"{option} {text!r}: expected PARTITION:OFFSET, e.g. 3:120"
    raise UsageError(msg)
