"""Reading TimeML files into plain text plus gold TIMEX3 spans, and writing text back with
our own TIMEX3 tags. Offsets are in the unescaped text of the TEXT element, tags removed."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_PIECE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>|&#?\w+;|[^<&]+|[<&]")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d\d-\d\d)")
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.DOTALL)


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 as a span of the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    raw: str
    text: str
    published_at: datetime
    timexes: tuple[Timex, ...]


def read_document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    body = _TEXT.search(raw)
    if dct is None or body is None:
        msg = f"{path.name}: no DCT date or no TEXT element"
        raise ValueError(msg)
    text, timexes = parse_text(body.group(1))
    published = datetime.fromisoformat(dct.group(1)).replace(tzinfo=UTC)
    return Document(path.name, raw, text, published, tuple(timexes))


def read_corpus(directory: Path) -> list[Document]:
    """Every .tml below `directory`, sorted by path so that runs are comparable."""
    return [read_document(path) for path in sorted(directory.rglob("*.tml"))]


def parse_text(content: str) -> tuple[str, list[Timex]]:
    """Plain text of a TEXT element and the TIMEX3 spans in it."""
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for piece in _PIECE.finditer(content):
        closing, tag, attributes = piece.group(1, 2, 3)
        if tag == "TIMEX3" and not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif tag == "TIMEX3" and open_timex is not None:
            start, attrs = open_timex
            span = "".join(parts)[start:]
            timexes.append(
                Timex(start, length, span, attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
        elif tag is None:
            chunk = html.unescape(piece.group()) if piece.group().startswith("&") else piece.group()
            parts.append(chunk)
            length += len(chunk)
    return "".join(parts), timexes


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_text(text: str, timexes: Iterable[Timex]) -> str:
    """TEXT content with our TIMEX3 tags; any other tags are dropped, which keeps the
    tag-free text identical and the XML well formed whatever the spans cross."""
    out: list[str] = []
    position = 0
    for number, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        out.append(_escape(text[position : timex.start]))
        attributes = f'tid="t{number}" type="{timex.type}" value="{html.escape(timex.value)}"'
        out.append(f"<TIMEX3 {attributes}>{_escape(text[timex.start : timex.end])}</TIMEX3>")
        position = timex.end
    out.append(_escape(text[position:]))
    return "".join(out)


def write_document(document: Document, timexes: Iterable[Timex], path: Path) -> None:
    body = _TEXT.search(document.raw)
    if body is None:
        msg = f"{document.name}: no TEXT element"
        raise ValueError(msg)
    inner = render_text(document.text, timexes)
    path.write_text(
        document.raw[: body.start(1)] + inner + document.raw[body.end(1) :], encoding="utf-8"
    )
