"""The engine every language runs on: a language is its rule tables, one per TimeML type,
each row a pattern built from the language's lexicon, the resolver it names and the reason
for the rule; the engine compiles them into the rules the extractor runs."""

from __future__ import annotations

from dataclasses import dataclass

from .context import Resolver, Rule


@dataclass(frozen=True)
class Row:
    """One rule of a table. A named group `t` in the pattern, when present, is the extent
    and the rest context. The resolver may reject a match (None) or, rarely, give another
    type than its table's ('Friday evening' is a TIME of the weekday rule)."""

    name: str
    pattern: str
    resolver: Resolver
    triggers: frozenset[str]
    reason: str


@dataclass(frozen=True)
class Tables:
    """A language's rules by the TimeML type they produce. Order breaks ties between
    matches of the same extent: the earlier table, and within it the earlier row, wins."""

    date: tuple[Row, ...] = ()
    time: tuple[Row, ...] = ()
    duration: tuple[Row, ...] = ()
    set: tuple[Row, ...] = ()

    def rows(self) -> tuple[Row, ...]:
        return (*self.date, *self.time, *self.duration, *self.set)


def compile_tables(tables: Tables) -> tuple[Rule, ...]:
    """The rules of `tables`; each compiles its pattern on first use (see Rule.pattern)."""
    return tuple(Rule(row.name, row.pattern, row.resolver, row.triggers) for row in tables.rows())
