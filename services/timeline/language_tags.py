"""Language tags as feeds, CMSs and clients send them ("EN", "en-US", "pt-BR", "deu"),
reduced to the two-letter primary subtag the events carry.

langcodes parses BCP 47 and knows the IANA registry, so deprecated or three-letter codes
with a two-letter equivalent ("iw", "ger") come out as that equivalent.
"""

from __future__ import annotations

from functools import cache
from itertools import product
from string import ascii_lowercase

EXAMPLES = "BCP 47, e.g. en, EN, en-US, pt-BR"
# Tags already in the form the events carry, for the languages with rules of our own: no
# parsing needed, so `newstimeline normalize` does not load langcodes (0.1 s) for them.
CANONICAL = frozenset({"en", "de", "fr", "es"})


def primary_language(tag: str) -> str:
    """The ISO 639-1 code of a BCP 47 tag, in lower case; ValueError says why not."""
    if tag in CANONICAL:
        return tag
    import langcodes  # noqa: PLC0415 - see CANONICAL

    try:
        normalized = langcodes.Language.get(tag)
        as_written = langcodes.Language.get(tag, normalize=False)
    except ValueError as exc:  # langcodes.LanguageTagError is one
        msg = f"{tag!r} is not a language tag ({EXAMPLES})"
        raise ValueError(msg) from exc
    if not normalized.is_valid():
        msg = f"unknown language tag {tag!r} ({EXAMPLES})"
        raise ValueError(msg)
    # Normalizing may replace a two-letter code by a three-letter one ("tl" becomes "fil"):
    # the tag as written is then the two-letter code we want.
    for language in (normalized.language, as_written.language):
        if language is not None and len(language) == 2:
            return language
    msg = f"language tag {tag!r} has no two-letter ISO 639-1 code"
    raise ValueError(msg)


@cache
def two_letter_codes() -> tuple[str, ...]:
    """The ISO 639-1 codes `primary_language` accepts as written, for API schemas (it also
    takes them in any case and with regions or scripts)."""
    codes = []
    for first, second in product(ascii_lowercase, repeat=2):
        code = first + second
        try:
            if primary_language(code) == code:
                codes.append(code)
        except ValueError:
            continue
    return tuple(codes)
