"""Alternations of words written for re's sake: grouped under their first characters."""

from __future__ import annotations

_QUANTIFIERS = frozenset("?*+{")


def by_first_character(*alternatives: str) -> str:
    """`(?:...)` matching what `alternatives` (each one branch: no '|' outside parentheses)
    joined with '|' match, the alternatives that start with the same character grouped
    under it, in their order within a group.

    re tries an alternation's branches one by one wherever a match may start: a rule that
    lists forty words tries forty branches at every word near its trigger. Grouped, it tries
    one branch per first character. Branches that start with different characters never
    match at the same place, so the branch that wins is the same: hence each alternative
    must start with a plain letter or digit that no quantifier follows, and no two first
    characters may differ only in case (under (?i) they would match at the same place)."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if not first.isalnum() or rest[:1] in _QUANTIFIERS:
            msg = f"{alternative!r}: an alternative must start with a plain character"
            raise ValueError(msg)
        groups.setdefault(first, []).append(rest)
    if len({first.lower() for first in groups}) < len(groups):
        msg = f"first characters that differ only in case: {sorted(groups)}"
        raise ValueError(msg)
    branches = (
        first + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})")
        for first, rests in groups.items()
    )
    return f"(?:{'|'.join(branches)})"
