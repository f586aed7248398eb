"""Reading the timeline API from the tests: every page, or an article's once projected."""

from __future__ import annotations

from typing import Any

import httpx

from tests.polling import poll


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
