"""Opaque keyset cursors: the last row's (start, end, incident_id), the snapshot the walk
reads, and a fingerprint of the filters so a cursor cannot be replayed on another query."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass


class CursorError(ValueError):
    """A cursor that was not issued by this service, or for other filters."""


@dataclass(frozen=True)
class Cursor:
    start: str
    end: str
    incident_id: str
    snapshot: int
    fingerprint: str
    generation: int = 0  # of the read model file the snapshot belongs to (see rebuild.py)

    def encode(self) -> str:
        fields = [self.start, self.end, self.incident_id, self.snapshot, self.fingerprint]
        fields += [self.generation] if self.generation else []
        raw = json.dumps(fields, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, fingerprint: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            start, end, incident_id, snapshot, found, *rest = json.loads(raw)
            generation = rest[0] if rest else 0
        except (binascii.Error, ValueError, TypeError) as exc:
            msg = "malformed cursor"
            raise CursorError(msg) from exc
        if not all(isinstance(v, str) for v in (start, end, incident_id, found)) or not (
            isinstance(snapshot, int) and isinstance(generation, int)
        ):
            msg = "malformed cursor"
            raise CursorError(msg)
        if found != fingerprint:
            msg = "cursor was issued for other filters"
            raise CursorError(msg)
        return cls(start, end, incident_id, snapshot, found, generation)
