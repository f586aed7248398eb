"""Which way an expression without a year or week points: the tense of the verb it
modifies. English puts that verb before its time adverbial ("will double its flights by
August"), so the nearest tense cue before the expression in its sentence decides, else the
nearest after it."""

from __future__ import annotations

import re

from .alternation import by_first_character

# Past forms that do not end in -ed (and are not also present forms, as "put" is).
_IRREGULAR_PAST = (
    "arose|awoke|began|became|bent|bled|blew|bore|bought|bred|broke|brought|built|came|"
    "caught|chose|clung|crept|dealt|drew|drove|dug|fed|fell|felt|fled|flew|forbade|"
    "forgave|fought|found|froze|gave|got|grew|heard|held|hid|hung|kept|knelt|knew|led|"
    "left|lent|lost|made|meant|met|mistook|overcame|overran|overthrew|paid|ran|rang|"
    "rebuilt|retook|rode|rose|sang|sank|sat|saw|sent|shook|shot|slept|slid|sold|sought|"
    "spent|spoke|sprang|stole|stood|strode|struck|stuck|swept|swore|swung|taught|"
    "thought|threw|told|took|tore|undertook|understood|upheld|wept|went|withdrew|"
    "withheld|woke|won|wore|wrote"
)
# Whole words that are past cues: a few reporting and time words, and the forms above;
# grouped by first letter (see alternation.py), or the search for cues was half of the
# time spent reading tense.
_PAST_WORDS = "said|says|was|were|had|did|ago|last|yesterday|since|" + _IRREGULAR_PAST


# Words that a verb or a noun phrase can follow, so "agreed to" before them is no intention.
_NOT_A_VERB = r"(?:the|a|an|its|his|her|their|our|this|that|these|those|it|him|them|\d)\b"
# Each cue is a past or a future one; the first alternative that matches at a place wins.
_CUE = re.compile(
    r"\b(?:"
    # "could not be reached Friday": a failure that happened.
    r"(?P<failed>(?i:could\s+not|couldn't"
    # A plan in the past perfect ("had been due to expire Friday") was overtaken: its
    # date has passed or was moved.
    r"|had\s+(?:been\s+)?(?:due|scheduled|expected|set|slated|planned|planning)\s+to\s+\w+))"
    # A passive future ("will still be held") is one cue, or its participle would read as
    # past.
    r"|(?P<future>(?i:(?:will|would|shall|to|might)\s+(?:\w+\s+)?be\s+\w+"
    r"|expected(?= in| by)|slated|will|won't|shall|would|might|could|going to"
    # What is planned, intended or agreed to be done lies ahead of the verb that says so;
    # "agreed to the deal in March" agrees to a thing, not to do it.
    r"|(?P<intent>(?:plan(?:s|ned)?|agreed|agrees|program|promised|pledged|intends?|aims?"
    rf"|seeks?|wants?|is|are|was|were)\s+to(?!\s+{_NOT_A_VERB})|planning"
    # "planned a rally" plans a thing ahead; "a service planned at the university" is a
    # participle describing its noun, and a past form like any other.
    r"|planned(?!\s+(?:at|for|in|on|by|during|before|after|until|with)\b))"
    r"|scheduled|expected to|set to|due to|likely to|until|as soon as|as early as|upcoming"
    r"|next(?! to)|tomorrow|effective|payable|expires?))"
    r"|(?P<past>(?i:"
    + by_first_character(*_PAST_WORDS.split("|"))
    # An -ed word after an article or "still" is an adjective ("a still unspecified date").
    + r")|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)"
    r"(?!(?:need|indeed|hundred|speed|[a-z]*ceed)\b)[a-z]+ed))\b"
    r"|(?P<will>'ll)\b",
)


def _own_tense(cue: re.Match[str]) -> str:
    """An intention after the expression is the verb it modifies ("On Friday, the government
    planned to pay"): its own tense counts, not the time of what is intended."""
    return "past" if cue["intent"].split()[0].lower().endswith("ed") else "future"


def tense_in(text: str, first: int, last: int, start: int, end: int) -> str:
    """'future' or 'past' after the cue nearest before [start, end) within [first, last),
    else the nearest one after it; 'none' without one. The expression's own words are no
    cue."""
    before, after = "none", "none"
    for cue in _CUE.finditer(text, first, last):
        kind = "future" if cue["future"] or cue["will"] else "past"
        if cue.end() <= start:
            before = kind
        elif cue.start() >= end and after == "none":
            after = _own_tense(cue) if cue["intent"] else kind
    return before if before != "none" else after


_DEADLINE = re.compile(r"\b(?i:through|until|till|by)\s+$")


def deadline_ahead(text: str, start: int, months_ahead: int) -> bool:
    """A month a few months ahead after 'through', 'until' or 'by' is a deadline, so the
    coming one ("loans extended through January"); one that has just passed ("lasted
    through June" in October) stays in the past."""
    return 0 < months_ahead <= 4 and bool(_DEADLINE.search(text, max(0, start - 9), start))
