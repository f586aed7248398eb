"""Narrative time: the time a text is telling about, which partial dates ("in May", "on 7
August", "the following year") lean on instead of the publication."""

from __future__ import annotations

import re
from datetime import date

# Only prepositions and modifiers stand before a date that opens its sentence ("In March
# 1968, ...", "On 9 September 1914 the ...", "By the end of 1917"): such a detached
# adverbial frames the sentences that follow, where a date inside a clause ("bonds due
# 1993", "founded in 1965") only places its own event.
# "Since 1949, it has grown" frames a span reaching the present, so "since" opens none.
_OPENING = re.compile(
    r"[\W\d]*(?:(?i:in|on|by|during|from|after|before|until|till|at|throughout|between"
    r"|as\s+of|early|late|mid|around|about|the\s+(?:end|beginning|start|middle)\s+of"
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of"
    # German, French and Spanish: "Im März 1968", "Le 7 mai 1968", "En marzo de 1968".
    r"|im|am|vom|anfang|mitte|ende|während|en|le|au|début|fin|pendant|el|durante"
    r"|a\s+(?:principios|mediados|finales)\s+de)[\s,-]+)*"
)
# A date after an article or a possessive modifies a noun ("the Dec. 21, 1988, bombing",
# "its 1987 results"): it names an event and tells no story.
# "since 513 BC" also names the start of a state that lasts up to the time talked about.
_MODIFIER_BEFORE = re.compile(r"(?:\b(?i:the|a|an|its|their|his|her|since)|['’]s)\s+$")


def opens_sentence(text: str, sentence_start: int, start: int) -> bool:
    """True when only prepositions and modifiers stand between the sentence start and
    `start`, or when the mention stands in a heading (a line without a full stop)."""
    if _OPENING.fullmatch(text, sentence_start, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?:;,\"'”)"


# "two decades earlier", "the previous year": a glance back from the story, which then
# goes on where it was.
_LOOKING_BACK = re.compile(r"\b(?i:earlier|before|previous|prior|preceding)\b")


def looks_back(mention: str) -> bool:
    return bool(_LOOKING_BACK.search(mention))


def places_no_story(text: str, start: int) -> bool:
    return bool(_MODIFIER_BEFORE.search(text, max(0, start - 8), start))


def next_story(
    current: date | None,
    day: date | None,
    *,
    deictic: bool,
    names_year: bool,
    opening: bool,
    aside: bool = False,
) -> date | None:
    """The story's time after a mention that starts on `day` (None: not anchorable). A
    story begins at a date that names its year and `opening` (a sentence-opening adverbial
    in news; any such date in a narrative), and follows every anchorable mention after
    that but an aside. A deictic one is counted from the publication but leaves the story
    alone: in a story it is often reported speech ("declaring that he had been tricked two
    years ago") or anaphoric ("another event of this year"), and ending the story there
    measured worse."""
    if deictic or day is None:
        return current
    if current is not None:
        return current if aside else day
    if names_year and opening:
        return day
    return None


# A date this many years away from the story's time is outside its span.
_ASIDE_YEARS = 20
_YEAR = re.compile(r"(?<![\w$€£#.,:/'-])(1\d{3}|20\d\d)(?![\w%]|[.,]\d)")


def is_aside(text: str, end: int, story: date, day: date, *, opening: bool) -> bool:
    """A date in another year than the story's that the text does not take up (the next
    year it names lies no nearer to that date than to the story; when none follows, a date
    far outside the story's span) is an aside and leaves
    the story where it was: "letters published in 1998" in a history of 1862, "a campaign
    planned for 1976" in a story of March 1975. A date that opens its sentence frames
    what follows, so only one far outside the story's span can be an aside there."""
    far = abs(day.year - story.year) > _ASIDE_YEARS
    if day.year == story.year or (opening and not far):
        return False
    following = _YEAR.search(text, end)
    if following is None:
        return far
    year = int(following[1])
    return abs(year - day.year) >= abs(year - story.year)
