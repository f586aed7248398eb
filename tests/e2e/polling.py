"""Waiting on the timeline API: polls with a deadline, never bare sleeps as waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx


def poll(check: Callable[[], Any], deadline_s: float = 60.0, what: str = "condition") -> Any:
    """Call `check` until it returns something truthy; fail after the deadline."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    msg = f"timed out after {deadline_s:.0f}s waiting for {what}"
    raise AssertionError(msg)


def timeline(query_url: str, **params: str) -> list[dict[str, Any]]:
    """Every item of the filtered timeline, following cursors."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {**params, "limit": "500", **({"cursor": cursor} if cursor else {})}
        reply = httpx.get(f"{query_url}/v1/timeline", params=query, timeout=10)
        reply.raise_for_status()
        body = reply.json()
        items.extend(body["items"])
        cursor = body.get("next_cursor")
        if not cursor:
            return items


def published_timeline(query_url: str, article_id: str, revision_text: str | None = None) -> Any:
    """The article's items once its publication incident (and given text) is projected."""

    def ready() -> list[dict[str, Any]] | None:
        items = timeline(query_url, article_id=article_id)
        done = any(item["anchor"] == "publication" for item in items)
        if done and revision_text is not None:
            done = any(revision_text in item["sentence"] for item in items)
        return items if done else None

    return poll(ready, what=f"the timeline of {article_id}")
