"""Opaque keyset cursors: the last row's (start, end, incident_id), the snapshot the walk
reads, and a fingerprint of the filters so a cursor cannot be replayed on another query.

Cursors are signed (HMAC-SHA256 under the service's cursor key) and the signature is
checked before anything in them is decoded: a client can hand back only what this service
issued, so forged snapshots, keys or deeply nested JSON never reach the decoder or SQLite.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass

MAX_CURSOR_CHARS = 1024  # a real cursor is about 200; longer text is refused unread
MAX_SNAPSHOT = 2**63 - 1  # SQLite's INTEGER
SIGNATURE_BYTES = 16


class CursorError(ValueError):
    """A cursor that was not issued by this service, or for other filters."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()[:SIGNATURE_BYTES]


def _malformed() -> CursorError:
    return CursorError("malformed cursor")


@dataclass(frozen=True)
class Cursor:
    start: str
    end: str
    incident_id: str
    snapshot: int
    fingerprint: str
    generation: int = 0  # of the read model file the snapshot belongs to (see rebuild.py)

    def encode(self, key: bytes) -> str:
        fields = [self.start, self.end, self.incident_id, self.snapshot, self.fingerprint]
        fields += [self.generation] if self.generation else []
        payload = json.dumps(fields, separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(_sign(key, payload))}"

    @classmethod
    def decode(cls, text: str, fingerprint: str, key: bytes) -> Cursor:
        payload = _verified_payload(text, key)
        try:
            start, end, incident_id, snapshot, found, *rest = json.loads(payload)
            generation = rest[0] if rest else 0
        except (ValueError, TypeError) as exc:
            raise _malformed() from exc
        if not all(isinstance(v, str) for v in (start, end, incident_id, found)) or not (
            isinstance(snapshot, int)
            and 0 <= snapshot <= MAX_SNAPSHOT
            and isinstance(generation, int)
            and 0 <= generation <= MAX_SNAPSHOT
        ):
            raise _malformed()
        if found != fingerprint:
            msg = "cursor was issued for other filters"
            raise CursorError(msg)
        return cls(start, end, incident_id, snapshot, found, generation)


def _verified_payload(text: str, key: bytes) -> bytes:
    """The cursor's payload once its signature checks out."""
    if len(text) > MAX_CURSOR_CHARS or text.count(".") != 1:
        raise _malformed()
    payload_text, signature_text = text.split(".")
    try:
        payload, signature = _unb64(payload_text), _unb64(signature_text)
    except (binascii.Error, ValueError) as exc:
        raise _malformed() from exc
    if not hmac.compare_digest(signature, _sign(key, payload)):
        msg = "cursor was not issued by this service (or its key has changed)"
        raise CursorError(msg)
    return payload
