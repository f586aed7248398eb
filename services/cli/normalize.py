"""`newstimeline normalize`: temporal expressions of text on stdin, as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).
if TYPE_CHECKING:
    from services.timeline.mentions import Mention
    from services.timeline.temporal.document_type import DocumentType


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("normalize", help="temporal expressions of text on stdin")
    command.add_argument("--published-at", help="RFC 3339 with offset, e.g. 2025-12-15T08:00:00Z")
    command.add_argument(
        "--language",
        default="en",
        help="BCP 47 tag of the text, any case (en, it, pt-BR); the ingest API accepts the same",
    )
    command.add_argument(
        "--timezone",
        help="IANA zone whose calendar relative dates are read in, e.g. Europe/Berlin "
        "(default: the offset of --published-at)",
    )
    command.add_argument(
        "--document-type",
        choices=("news", "narrative"),
        help="read relative dates from the publication (news) or from the time the text "
        "tells about (narrative); default: decided from the text",
    )
    command.add_argument(
        "--jsonl",
        action="store_true",
        help='stdin is JSON Lines {"id", "text", "published_at", "language"?, "timezone"?, '
        '"document_type"?}; '
        'a bad line is reported on stderr as LINE: reason, answered with {"id", "error"}, '
        "and exits 2 at the end",
    )
    command.set_defaults(handler=run_normalize)


def parse_published_at(value: str | None) -> datetime:
    from services.cli.args import parse_time

    if not value:
        msg = "--published-at is required (RFC 3339 with an offset)"
        raise UsageError(msg)
    return parse_time(value, "--published-at")


def parse_timezone(value: str | None) -> str | None:
    from services.timeline.zones import zone_named

    if value is None:
        return None
    try:
        zone_named(value)
    except ValueError as exc:
        msg = f"--timezone: {exc}"
        raise UsageError(msg) from exc
    return value


def mention_json(mention: Mention) -> dict[str, Any]:
    """The mention's fields in their JSON form (the same text pydantic would write)."""
    from services.platform.rfc3339 import format_moment

    return {
        "text": mention.text,
        "char_start": mention.char_start,
        "char_end": mention.char_end,
        "timex_type": mention.timex_type.value,
        "timex_value": mention.timex_value,
        "start": None if mention.start is None else format_moment(mention.start),
        "end": None if mention.end is None else format_moment(mention.end),
        "granularity": None if mention.granularity is None else mention.granularity.value,
    }


def parse_language(tag: str) -> str:
    from services.timeline.language_tags import primary_language

    try:
        return primary_language(tag)
    except ValueError as exc:
        msg = f"--language: {exc}"
        raise UsageError(msg) from exc


def run_normalize(args: argparse.Namespace) -> int:
    from services.timeline.normalize import normalize
    from services.timeline.temporal.document_type import DocumentType

    language = parse_language(args.language)
    kind = DocumentType(args.document_type) if args.document_type else None
    if args.jsonl:
        return _normalize_lines(language, kind)
    published = parse_published_at(args.published_at)
    timezone = parse_timezone(args.timezone)
    for mention in normalize(sys.stdin.read(), published, language, timezone, kind):
        sys.stdout.write(json.dumps(mention_json(mention), ensure_ascii=False) + "\n")
    return 0


def _normalize_line(
    line: str, default_language: str, default_kind: DocumentType | None
) -> dict[str, Any]:
    from services.platform.rfc3339 import parse
    from services.timeline.language_tags import primary_language
    from services.timeline.normalize import normalize
    from services.timeline.temporal.document_type import DocumentType

    record = json.loads(line)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        msg = "expected an object with a string 'text'"
        raise TypeError(msg)
    if not isinstance(record.get("published_at"), str):
        msg = "missing string 'published_at'"
        raise TypeError(msg)
    published = parse(record["published_at"])
    timezone = record.get("timezone")
    if timezone is not None and not isinstance(timezone, str):
        msg = "'timezone' must be a string (an IANA name)"
        raise TypeError(msg)
    language = primary_language(str(record.get("language") or default_language))
    kind = record.get("document_type")
    if kind is not None and kind not in {"news", "narrative"}:
        msg = "'document_type' must be 'news' or 'narrative'"
        raise ValueError(msg)
    document_type = DocumentType(kind) if kind else default_kind
    mentions = normalize(record["text"], published, language, timezone, document_type)
    return {"id": record.get("id"), "mentions": [mention_json(m) for m in mentions]}


def _normalize_lines(language: str, kind: DocumentType | None) -> int:
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            answer = _normalize_line(line, language, kind)
        except (ValueError, TypeError) as exc:
            sys.stderr.write(f"line {number}: {exc}\n")
            answer = {"id": _id_of(line), "error": str(exc)}
            status = 2
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return status


def _id_of(line: str) -> Any:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record.get("id") if isinstance(record, dict) else None
