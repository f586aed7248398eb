"""Splitting a batch body (a JSON array or JSON Lines) into per-item results."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from services.ingest.submission import describe_errors, parse_article, to_event
from services.timeline.events import ArticleSubmitted

MAX_BATCH = 1000


class BatchError(ValueError):
    """The batch as a whole is unusable (not JSON, too many items)."""


@dataclass(frozen=True)
class Refusal:
    index: int
    error: str


def split_items(body: bytes, content_type: str) -> list[Any]:
    """A JSON array for application/json; one value a non-blank line otherwise."""
    text = body.decode("utf-8", errors="strict")
    if "json" in content_type and "jsonl" not in content_type and "ndjson" not in content_type:
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            msg = f"body is not valid JSON: {exc}"
            raise BatchError(msg) from exc
        if not isinstance(items, list):
            msg = "body must be a JSON array of articles (or JSON Lines)"
            raise BatchError(msg)
    else:
        items = [line for line in text.splitlines() if line.strip()]
    if len(items) > MAX_BATCH:
        msg = f"a batch holds at most {MAX_BATCH} articles, got {len(items)}"
        raise BatchError(msg)
    return items


def validate_items(items: list[Any]) -> tuple[list[tuple[int, ArticleSubmitted]], list[Refusal]]:
    """Valid articles with their index, and the refused ones with their reason."""
    valid: list[tuple[int, ArticleSubmitted]] = []
    refused: list[Refusal] = []
    for index, item in enumerate(items):
        try:
            valid.append((index, to_event(parse_article(item))))
        except ValidationError as exc:
            refused.append(Refusal(index, describe_errors(exc)))
    return valid, refused
