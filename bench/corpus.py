"""Articles for the pipeline benchmark, built from the development corpus's real texts.

Each article is one TimeBank or AQUAINT document (realistic lengths: a few hundred to
tens of thousands of characters) under a distinct id and title, published at the
document's creation time; the corpus is walked round-robin for as many as asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from services.normalizer.timeml import Document, read_corpus

SOURCES = 20  # distinct outlets, so source filters and per-source views see a spread
TITLE_CHARS = 120


def title_of(document: Document, number: int) -> str:
    """The document's first line (its headline in these files), numbered to stay unique."""
    lines = (line.strip() for line in document.text.splitlines())
    first = next((line for line in lines if line), document.name)
    return f"{first[:TITLE_CHARS]} (#{number})"


def build_articles(documents: list[Document], count: int, run: str) -> list[dict[str, Any]]:
    """`count` ingest bodies (ArticleIn JSON) with ids `bench-{run}-{n}`."""
    if not documents:
        msg = "no documents to build articles from"
        raise ValueError(msg)
    articles = []
    for number in range(count):
        document = documents[number % len(documents)]
        articles.append(
            {
                "article_id": f"bench-{run}-{number:06d}",
                "source": f"wire-{number % SOURCES:02d}",
                "title": title_of(document, number),
                "body": document.text,
                "published_at": document.published_at.isoformat(),
                "language": "en",
            }
        )
    return articles


def load_articles(corpus: Path, count: int, run: str) -> list[dict[str, Any]]:
    documents = read_corpus(corpus)
    if not documents:
        msg = f"no .tml files below {corpus}"
        raise FileNotFoundError(msg)
    return build_articles(documents, count, run)
