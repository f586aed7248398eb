"""Numbers that count things: a number right before a plural noun is a determiner of
quantity ("sold 1500 tickets", "4000 Beschäftigte", "1200 personnes", "1500 personas"),
not a year, unless a preposition or an article before it makes it a year that modifies
the noun ("in 1990 elections were held", "the 1998 elections", "im Jahr 1990")."""

from __future__ import annotations

import re

# A plural noun after the number; function words that end like plurals are left out.
_PLURAL_AFTER = {
    "en": re.compile(
        r"\s+(?!(?:was|has|is|as|its|his|this|thus|does|goes|plus|us|less|unless|across"
        r"|always|perhaps|whereas|besides|towards|afterwards|news)\b)[a-z]{2,}(?<![su]s)s\b"
    ),
    "fr": re.compile(
        r"\s+(?!(?:dans|sous|sans|plus|alors|après|depuis|lors|vers|puis|mais|jamais"
        r"|toujours|fois|très|les|des|ses|ces|mes|tes|nos|vos|leurs|aux|pas|ans)\b)"
        r"[a-zàâçéèêëîïôûùüÿœ]{2,}[sx]\b"
    ),
    "es": re.compile(
        r"\s+(?!(?:más|las|los|tras|después|antes|pues|entonces|mientras|además|sus|mis"
        r"|tus|nos|les|años)\b)[a-záéíóúñü]{2,}s\b"
    ),
    # German capitalizes every noun, and puts the verb second: a capitalized word right
    # after a number is what it counts ("1990 wurde ..." has its verb there instead).
    "de": re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]{2,}\b(?!\s+\d)"),
}
# Words before the number that make it a year.
_YEAR_BEFORE = {
    "en": re.compile(
        r"\b(?i:in|since|by|of|from|to|until|till|before|after|the|its|their|his|her|during"
        r"|early|late|mid|year|fiscal|between|through|and|or)\s*$"
    ),
    "fr": re.compile(
        r"(?:\b(?i:en|depuis|de|du|à|au|dès|avant|après|jusqu['’]en|entre|et|ou|le|an|année)"
        r"|[dl]['’])\s*$"
    ),
    "es": re.compile(r"\b(?i:en|desde|de|del|hasta|a|antes|después|entre|y|o|el|año)\s*$"),
    "de": re.compile(
        r"\b(?i:im|in|seit|bis|von|vom|ab|um|vor|nach|jahr|jahre|jahres|zwischen|und|oder)\s*$"
    ),
}


def counts_things(text: str, language: str, start: int, end: int) -> bool:
    """True when the number at [start, end) counts the plural noun after it."""
    code = language[:2].lower()
    plural = _PLURAL_AFTER.get(code, _PLURAL_AFTER["en"])
    if not plural.match(text, end):
        return False
    cue = _YEAR_BEFORE.get(code, _YEAR_BEFORE["en"])
    return not cue.search(text, max(0, start - 16), start)
