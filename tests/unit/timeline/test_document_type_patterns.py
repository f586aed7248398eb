"""The document-type patterns are written for speed (a leading character set that re can
skip ahead to); they must find exactly what their plain forms, kept here, find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from services.timeline.temporal.document_type import _DEICTIC, _ERA_YEAR, _YEAR

PLAIN = {
    "year": (re.compile(r"(?<![\w$€£#.,:/'-])(1\d{3}|20\d\d)(?![\w%]|[.,]\d)"), _YEAR),
    "era year": (re.compile(r"(?<![\w$€£#.,:/'-])\d{1,4}\s*(?:B\.C\.|BCE?\b)"), _ERA_YEAR),
    "deictic": (
        re.compile(
            r"\b(?i:today|yesterday|tomorrow|tonight|this\s+(?:week|month|year)|last\s+(?:week"
            r"|month|night)|next\s+(?:week|month)|ago|heute|gestern|morgen|aujourd['’]hui|hier"
            r"|demain|hoy|ayer|mañana)\b"
        ),
        _DEICTIC,
    ),
}
PIECES = [
    *"0123456789 \n.,:/'-$€£#%_xé",
    *("today", "Today", "YESTERDAY", "tomorrow", "Tonight", "this week", "This  month"),
    *("this\nyear", "last night", "Last week", "next month", "ago", "Ago", "heute"),
    *("Gestern", "morgen", "aujourd'hui", "Aujourd’hui", "hier", "demain", "hoy", "Ayer"),
    *("mañana", "MAÑANA", "1999", "2012", "2099", "300 BC", "45 B.C.", "12 BCE", "1.5"),
]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_each_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    for name, (plain, fast) in PLAIN.items():
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, name
