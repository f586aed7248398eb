"""Sentence boundaries, so each incident can carry the sentence it comes from.

A sentence ends at . ! ? or … (with any closing quotes or brackets, French » after a space
included) when white space and then a capital letter of any script or a digit follow,
possibly behind opening punctuation (quotes of any style, brackets, the Spanish ¿ ¡). A
line break always ends one (headlines, datelines and list items carry no final period). A
period after an abbreviation does not: titles and months written short per language ("Dr.",
"z. B.", "M.", "Sr.", "Jan. 5"), initials and dotted acronyms ("U.S.", "a.m."), and in
German a day or ordinal number ("am 3. Oktober", "der 2. Weltkrieg"), since German writes
ordinals with a period and capitalizes the noun after them.

Dedicated libraries were measured on the TimeBank documents: pysbd takes about 19 ms a
document and syntok about 6 ms, longer than the whole normalizer, and both split some of
the cases above ("5 janv. à Paris", "el Sr. García", "EE. UU.", "am 3. Oktober").
"""

from __future__ import annotations

import bisect
import re

_CANDIDATE = re.compile(
    r"""(?P<end>[.!?…]+)(?:\s?[»"'”’“)\]])*\s+(?P<next>[«“„‘‚‹"'(\[¿¡—–-]*\s?)(?P<first>\w)"""
    r"|\n+"
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words written short before a period, by language; compared as written (case matters:
# "Fr." is Frau, while "fr" is no German abbreviation). Months that are words of their
# own in a language ("mar" is the sea in Spanish) are left out of it.
_SHORT: dict[str, frozenset[str]] = {
    "en": _words(
        "Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Adm Prof Rev Jr Sr Jan Feb Mar Apr"
        " Jun Jul Aug Sep Sept Oct Nov Dec No Nos vs Inc Corp Co Ltd Mt Ft Vol"
    ),
    "de": _words(
        "Dr Prof Hr Fr Nr St Str bzw ca vgl Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez"
        " Mio Mrd Abs Art Bd Jh Tel evtl ggf inkl sog Kap"
    ),
    "fr": _words(
        "M MM Mme Mlle Mgr Dr Pr St Ste janv févr avr juil sept oct nov déc av apr env cf ex Me Cie"
    ),
    "es": _words(
        "Sr Sra Srta Sres Dr Dra Ud Uds Vd Vds Dña Lic Ing Gral Cnel Tte Av Avda ene feb abr"
        " jun jul ago sept oct nov dic núm pág tel EE Cía"
    ),
}
_ANY_LANGUAGE = frozenset().union(*_SHORT.values())
# The word before a period; "Powell's" is one word, so its "s" is no initial.
_WORD_BEFORE = re.compile(r"(?<![\w'’])(?:\w+\.)*\w+$")


def _is_abbreviation(word: str, language: str) -> bool:
    if len(word) == 1 and word.isalpha():
        return True  # an initial ("Daniel P. Davison") or a letter of "z. B.", "p. ej."
    if "." in word and all(len(part) <= 2 and part.isalpha() for part in word.split(".")):
        return True  # "U.S", "a.m", "z.B"
    if language == "de" and word.isdigit() and len(word) <= 2:
        return True  # a German ordinal: "am 3. Oktober"
    return word in _SHORT.get(language, _ANY_LANGUAGE)


def _ends_sentence(text: str, match: re.Match[str], language: str) -> bool:
    if "\n" in text[match.end("end") : match.start("next")]:
        return True
    first = match["first"]
    if not (first.isupper() or first.isdigit()):
        return False
    if match["end"] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
    return before is None or not _is_abbreviation(before.group(), language)


def sentence_starts(text: str, language: str = "en") -> list[int]:
    """Offsets where sentences begin, always starting with 0."""
    starts = [0]
    for match in _CANDIDATE.finditer(text):
        if match["end"] is None:
            starts.append(match.end())
        elif _ends_sentence(text, match, language):
            starts.append(match.start("next"))
    return starts


def sentence_at(text: str, starts: list[int], offset: int) -> str:
    """The stripped sentence that holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return text[starts[index] : end].strip()
