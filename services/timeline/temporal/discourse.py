"""The discourse state: what the text has said so far that later expressions lean on.

Resolvers only read it. Each resolved expression carries the update it implies (does it
anchor what follows, is it counted from the publication, does it number quarters by the
fiscal year); the extractor alone applies that update, through `Discourse.after`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

_LONG_SPAN = re.compile(r"P(?:[2-9]|1[0-2])M|P1Y")


@dataclass(frozen=True)
class Reporting:
    """The profile of financial news: the reporting period talked about. A quarter
    ("1989-Q3") holds until another reporting stretch of up to a year ("the nine months")
    takes over; days in between ("ended Sept. 30") and longer spans ("a two-year boom")
    leave it. `fiscal` is set once the article numbers a quarter by its fiscal year ("the
    fiscal first quarter"): a later "the quarter ended Sept. 29" is that quarter, not
    calendar Q3."""

    period: str | None = None
    fiscal: bool = False

    def after(self, value: str, *, anchors: bool, fiscal: bool) -> Reporting:
        """Every mention may end the period; only an anchoring quarter starts one ('a year
        earlier' after it is the quarter before, not a new period)."""
        period = self.period
        if value[4:6] == "-Q" and anchors:
            period = value
        elif _LONG_SPAN.fullmatch(value):
            period = None
        return Reporting(period, self.fiscal or fiscal)


@dataclass(frozen=True)
class Story:
    """The profile of narrative: the time the text is telling about, set by a date that
    names its year and moved by the partial dates that follow it. `day` None: the text is
    at its publication. `era` is "BC" while the story is told before the era (its years
    then count down)."""

    day: date | None = None
    era: str = ""


@dataclass(frozen=True)
class Discourse:
    """`anchor` is a day inside the last anchoring time mentioned and `anchor_value` its
    TimeML value ('June 1998' anchors a month though it names no day)."""

    anchor: date
    anchor_value: str
    # Where the anchoring mention ends in the text (-1: none yet).
    anchor_end: int = -1
    reporting: Reporting = field(default_factory=Reporting)
    story: Story = field(default_factory=Story)

    @classmethod
    def at(cls, day: date) -> Discourse:
        """The state before the first expression: everything at the publication day."""
        return cls(day, day.isoformat())

    def after(
        self, value: str, end: int, *, placed: bool, anchors: bool, fiscal: bool, story: Story
    ) -> Discourse:
        """The state once an expression with TimeML `value` ending at `end` has been read
        (`placed`: it names a stretch of the calendar); `story` is the narrative's time
        after it (see narrative.next_story)."""
        reporting = self.reporting.after(value, anchors=anchors, fiscal=fiscal)
        anchor, anchor_value, anchor_end = self.anchor, self.anchor_value, self.anchor_end
        if anchors and placed:
            anchor_value, anchor_end = value, end
            anchor = _day_of(value) or anchor
        return replace(
            self,
            anchor=anchor,
            anchor_value=anchor_value,
            anchor_end=anchor_end,
            reporting=reporting,
            story=story,
        )


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
