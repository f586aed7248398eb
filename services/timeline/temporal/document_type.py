"""News or narrative, decided from the text as a reader would: a news report is anchored
to its publication (deictic words, dates near it), a narrative to the time it tells about
(many dates that name years far from the publication, few deictic words)."""

from __future__ import annotations

import re
from enum import StrEnum


class DocumentType(StrEnum):
    NEWS = "news"
    NARRATIVE = "narrative"


# Each pattern starts by consuming a character from a fixed set, the boundary before it
# checked just after it ("(?<!x.)"): re then skips ahead to the candidate characters
# instead of trying every position of the article. Over the development corpus the years
# are found in a third of the time the same patterns led by their lookbehind took, the
# deictic words in three fifths (tests/unit/timeline/test_document_type_patterns.py keeps
# the plain forms and checks that both find the same).
_NOT_AFTER = r"[\w$€£#.,:/'-]"
_YEAR = re.compile(rf"(1(?<!{_NOT_AFTER}.)\d{{3}}|2(?<!{_NOT_AFTER}.)0\d\d)(?![\w%]|[.,]\d)")
# Years before the era are always far from a publication.
_ERA_YEAR = re.compile(rf"\d(?<!{_NOT_AFTER}.)\d{{0,3}}\s*(?:B\.C\.|BCE?\b)")
# Words that point at the speaker's now, in the supported languages, by first letter (whose
# upper and lower case are all that (?i) would match).
_DEICTIC = re.compile(
    r"[TtYyLlNnAaHhGgMmDd](?<!\w.)(?i:(?<=t)(?:oday|omorrow|onight|his\s+(?:week|month|year))"
    r"|(?<=y)esterday|(?<=l)ast\s+(?:week|month|night)|(?<=n)ext\s+(?:week|month)"
    r"|(?<=a)(?:go|ujourd['’]hui|yer)|(?<=h)(?:eute|ier|oy)|(?<=g)estern|(?<=m)(?:orgen|añana)"
    r"|(?<=d)emain)\b"
)
# A year this far from the publication is history, not news.
_FAR_YEARS = 10
# How many far years, and what share of all years named, make a narrative.
_MIN_FAR = 4
_FAR_SHARE = 0.6
# A long text dense with years and nearly without deictic words tells its own time even
# when that time is recent (a history of a war that ended last year).
_MANY_YEARS = 20
_DEICTIC_PER_YEAR = 0.1


def document_type(text: str, publication_year: int) -> DocumentType:
    """Narrative when most of the years the text names lie far from its publication and
    they outnumber the deictic words, or when it names many years and hardly any deictic
    word; news otherwise."""
    years = [int(year) for year in _YEAR.findall(text)]
    far = sum(abs(year - publication_year) > _FAR_YEARS for year in years)
    era = len(_ERA_YEAR.findall(text))
    named, far = len(years) + era, far + era
    deictic = len(_DEICTIC.findall(text))
    if far >= _MIN_FAR and far >= _FAR_SHARE * named and far > 2 * deictic:
        return DocumentType.NARRATIVE
    if named >= _MANY_YEARS and deictic <= _DEICTIC_PER_YEAR * named:
        return DocumentType.NARRATIVE
    return DocumentType.NEWS
