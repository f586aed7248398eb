"""Entity tags for JSON bodies, so a client polling the timeline gets 304 while nothing
changed. Weak tags: the bytes on the wire differ when the body is gzipped, its meaning not."""

from __future__ import annotations

import hashlib

from fastapi import Response


def etag_for(body: bytes) -> str:
    return f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison against an If-None-Match list (or *)."""
    if not if_none_match:
        return False
    wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in wanted or etag.removeprefix("W/") in wanted


def conditional_json(body: bytes, if_none_match: str | None) -> Response:
    """200 with the body and its ETag, or 304 with only the ETag when the client has it."""
    etag = etag_for(body)
    if matches(if_none_match, etag):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})
