"""Page furniture in a sentence, recognised by its shape rather than by any language's words:
the dateline or timestamp ahead of a wire story's first sentence, photo captions and
credits, bylines and reader comments.

None of it says what happened. A dateline ("NEW ORLEANS --", "WASHINGTON | Thu May 27, 2010
3:54 pm EDT WASHINGTON (Reuters) -") is a run of capitalised words, numbers and clock times
closed by a dash, a pipe or a semicolon, and it is cut off: what follows is the story's lead,
often the best sentence of the day. A caption ends on the full date the photo was taken
("... in the Gulf of Mexico June 2, 2010.") or carries a slashed credit ("Herbert/AP"); a
comment or a post has a clock time and a colon before its text, or pipes between fields;
those sentences are dropped whole.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\s*(?:--|[—–|;]|\s-\s)\s*")
MAX_HEAD = 100  # characters: a dateline is a few words
MAX_PLACE_HEAD = 6  # words of a dateline opened by a place
_CLOCK_HEAD = re.compile(
    r"^(?:[^\W\d_]+\.?,?\s+){0,2}[\d ,./]*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*"
)
_CREDIT = re.compile(r"^(?:\S+\s+){0,4}?\S*[^\W\d_]/[^\W\d_]\S*\s+")
_LOWER_WORD = re.compile(r"(?<![\w])[^\W\d_A-Z][^\W\d_]{3,}")
# "June 2, 2010." / "2 June 2010." / "13 janvier 2010." / "(2010)." closing the sentence
# after anything but a short lower-case word: "on June 2, 2010." is a report's date, placed
# by a preposition; a caption sets the date after its last noun or a comma.
_DATED_END = re.compile(
    r"(?<!\b[^\W\d_A-Z]\s)(?<!\b[^\W\d_A-Z]{2}\s)(?<!\b[^\W\d_A-Z]{3}\s)"
    r"(?:\b[^\W\d_]+\.?\s+\d{1,2},?|\b\d{1,2}\.?\s+[^\W\d_]+\.?,?)\s+\d{4}\s*\.?\s*$"
)
# A place in capitals and a comma open a dateline whatever case the date words after it take.
_PLACE = re.compile(r"^[^\W\d_a-z][^\W\da-z]+(?:[ '/-][^\W\da-z]+)*,\s")
_SLASH_CREDIT = re.compile(r"[(\[][^()\[\]]*[^\W\d_]/[^\W\d_][^()\[\]]*[)\]]")
_POST = re.compile(r"^.{0,60}?\d{1,2}:\d{2}.{0,60}?\w:\s")


def _capitalised(head: str) -> bool:
    """A dateline holds no lower-case word of four letters or more, unless it opens with a
    place in capitals and a comma ("PORT-AU-PRINCE, 13 janvier --") and stays short."""
    if _PLACE.match(head) and len(head.split()) <= MAX_PLACE_HEAD:
        return True
    return _LOWER_WORD.search(head) is None


def _dateline_end(text: str) -> int:
    """Where a dateline closed by a separator ends, or 0."""
    found = _SEPARATOR.search(text, 0, MAX_HEAD)
    return found.end() if found and found.start() > 0 else 0


def _match_end(pattern: re.Pattern[str], text: str) -> int:
    found = pattern.match(text[:MAX_HEAD])
    return found.end() if found else 0


def strip_lead(text: str) -> str:
    """`text` without the datelines, timestamps and credits ahead of its first sentence."""
    for _ in range(4):  # "WASHINGTON | date time | WASHINGTON (Reuters) -" is three
        before = text
        for end in (
            _dateline_end(text),
            _match_end(_CLOCK_HEAD, text),
            _match_end(_CREDIT, text),
        ):
            if 0 < end < len(text) and _capitalised(text[:end]):
                text = text[end:].lstrip()
                break
        if text == before:
            break
    return text


def is_furniture(text: str) -> bool:
    """A caption, a photo credit, a byline or a reader's post rather than a report."""
    return (
        text.count("|") >= 2
        or _POST.match(text) is not None
        or _DATED_END.search(text) is not None
        or _SLASH_CREDIT.search(text) is not None
    )
