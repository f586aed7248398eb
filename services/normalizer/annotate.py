"""Our normalizer run over TimeML documents, in memory or into a folder of .tml files."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from services.timeline.mentions import Mention
from services.timeline.normalize import normalize

from .timeml import Document, Timex, read_corpus, read_document, write_document


@dataclass(frozen=True)
class Annotated:
    document: Document
    system: tuple[Timex, ...]
    seconds: float


def as_timex(mention: Mention) -> Timex:
    return Timex(
        mention.char_start,
        mention.char_end,
        mention.text,
        mention.timex_type.value,
        mention.timex_value,
    )


def annotate(document: Document) -> Annotated:
    """Publication time is the DCT's date at 00:00 UTC, as the evaluation prescribes."""
    began = time.perf_counter()
    mentions = normalize(document.text, document.published_at)
    seconds = time.perf_counter() - began
    return Annotated(document, tuple(as_timex(m) for m in mentions), seconds)


def annotate_corpus(directory: Path) -> Iterator[Annotated]:
    for document in read_corpus(directory):
        yield annotate(document)


def annotate_folder(source: Path, target: Path) -> int:
    """Writes one annotated file per .tml below `source`, at the same relative path under
    `target`; returns how many."""
    count = 0
    for path in sorted(source.rglob("*.tml")):
        result = annotate(read_document(path))
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_document(result.document, result.system, destination)
        count += 1
    return count
