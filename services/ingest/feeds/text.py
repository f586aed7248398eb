"""HTML of feed entries reduced to plain text, paragraphs kept apart.

Feed bodies are HTML fragments (already sanitized by feedparser); the normalizer reads
sentences, so block elements become line breaks and inline markup simply disappears.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that end a line of text; everything else is inline. A word list reads better
# than thirty quoted names.
BLOCKS = frozenset(
    """
    address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4
    h5 h6 header hr li main nav ol p pre section table td th tr ul
    """.split()  # noqa: SIM905
)
# Elements whose text is not prose.
HIDDEN = frozenset({"script", "style", "template", "noscript"})
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden_depth += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            # A line break in HTML source is only a space; blocks make the real ones.
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: one paragraph a line, blank lines between them."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
