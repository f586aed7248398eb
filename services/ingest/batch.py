"""Splitting a batch body (a JSON array or JSON Lines) into per-item results."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from services.ingest.submission import describe_errors, parse_article, size_problem, to_event
from services.timeline.events import ArticleSubmitted

MAX_BATCH = 1000
ARRAY_TYPES = ("application/json",)
LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")


class BatchError(ValueError):
    """The batch as a whole is unusable (not JSON, too many items)."""


class UnsupportedMediaTypeError(ValueError):
    """Neither a JSON array nor JSON Lines: a browser posts text/plain across origins
    without asking first, so only the JSON types are read."""


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def batch_format(content_type: str) -> str:
    """'array' or 'lines' by the Content-Type; any other type is refused."""
    kind = media_type(content_type)
    if kind in ARRAY_TYPES:
        return "array"
    if kind in LINES_TYPES:
        return "lines"
    accepted = ", ".join((*ARRAY_TYPES, *LINES_TYPES))
    msg = f"Content-Type must be one of {accepted}, not {kind or 'none'!r}"
    raise UnsupportedMediaTypeError(msg)


@dataclass(frozen=True)
class Refusal:
    index: int
    error: str


def split_items(body: bytes, content_type: str) -> list[Any]:
    """A JSON array for application/json; one value a non-blank line for JSON Lines."""
    kind = batch_format(content_type)
    text = body.decode("utf-8", errors="strict")
    if kind == "array":
        try:
            items = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = f"body is not valid JSON (or nests too deeply): {str(exc)[:80]}"
            raise BatchError(msg) from exc
        if not isinstance(items, list):
            msg = "body must be a JSON array of articles (or JSON Lines)"
            raise BatchError(msg)
    else:
        items = [line for line in text.splitlines() if line.strip()]
    if not items:
        msg = f"a batch holds 1 to {MAX_BATCH} articles, got none"
        raise BatchError(msg)
    if len(items) > MAX_BATCH:
        msg = f"a batch holds at most {MAX_BATCH} articles, got {len(items)}"
        raise BatchError(msg)
    return items


def validate_items(
    items: list[Any], max_record_bytes: int
) -> tuple[list[tuple[int, ArticleSubmitted]], list[Refusal]]:
    """Valid articles with their index, and the refused ones with their reason."""
    valid: list[tuple[int, ArticleSubmitted]] = []
    refused: list[Refusal] = []
    for index, item in enumerate(items):
        try:
            event = to_event(parse_article(item))
        except ValidationError as exc:
            refused.append(Refusal(index, describe_errors(exc)))
            continue
        if problem := size_problem(event, max_record_bytes):
            refused.append(Refusal(index, f"body: {problem}"))
        else:
            valid.append((index, event))
    return valid, refused
