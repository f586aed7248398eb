"""Expressions relative to the publication day or to the date mentioned before them:
yesterday, weekdays, last week, two days ago, a year earlier, the next day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from services.timeline.mentions import TimexType

from .calendar import day_value, names_day, nearest_weekday
from .context import Context, Timex, deictic
from .intervals import interval_of
from .lexicon import PART_OF_DAY, WEEKDAYS, parse_quantity
from .units import move, shift_value, unit_key, unit_value

_DEICTIC = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _part_timex(day: date, part: str | None) -> Timex:
    if part:
        return Timex(TimexType.TIME, f"{day_value(day)}T{PART_OF_DAY[part.lower()]}")
    return Timex(TimexType.DATE, day_value(day))


def mid_part(m: re.Match[str], ctx: Context) -> Timex | None:
    """'mid-afternoon' without a day is a part of the day the story is about."""
    if m["word"]:
        return deictic(
            _part_timex(ctx.ref + timedelta(days=_DEICTIC[m["word"].lower()]), m["part"])
        )
    return _part_timex(ctx.anchor, m["part"])


def generic_part(m: re.Match[str], _ctx: Context) -> Timex | None:
    """'moved only at night': a part of any day, placed on no calendar."""
    code = PART_OF_DAY[m["part"].lower()]
    return Timex(TimexType.TIME, f"XXXX-XX-XXT{code}", anchors=False)


def that_part(m: re.Match[str], ctx: Context) -> Timex | None:
    """'that afternoon': a part of the day just talked about, when that was a day."""
    if not names_day(ctx.anchor_value):
        return None
    return _part_timex(ctx.anchor, m["part"])


# "today's youth", "the people of tomorrow": our times in general, not a day.
_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?i:world|youth|society|generation|children|young|kids|teenagers|parents|families"
    r"|women|men|students|workers|consumers|economy|markets?|standards|computers|technology"
    r"|culture|politics|business|companies|media)\b"
)
_GENERIC_BEFORE = re.compile(r"(?i:the)\s+\w+\s+(?i:of)\s+$")


def _generic(m: re.Match[str], ctx: Context) -> bool:
    return bool(
        _GENERIC_AFTER.match(ctx.text, m.end())
        or _GENERIC_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    )


def deictic_day(m: re.Match[str], ctx: Context) -> Timex | None:
    return deictic(_deictic_day(m, ctx))


def _deictic_day(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m["word"].lower()
    if word in {"today", "tomorrow"} and not m["part"] and _generic(m, ctx):
        return None
    if word == "last night":
        return _part_timex(ctx.ref - timedelta(days=1), "night")
    if word == "this":
        return _part_timex(ctx.ref, m["part"])
    offset = _DEICTIC[word] + (-1 if m["before"] else 1 if m["after"] else 0)
    part = "night" if word == "tonight" else m["part"]
    return _part_timex(ctx.ref + timedelta(days=offset), part)


def weekday_direction(m: re.Match[str], ctx: Context, weekday: int) -> int:
    """-1 for the weekday before publication, +1 for the one after, 0 for the same day."""
    relation = (m["rel"] or "").lower()
    if relation in {"last", "past", "this past"}:
        return -1
    if relation in {"next", "coming", "this coming"}:
        return 1
    if weekday == ctx.ref.weekday():
        return 0
    # "Wednesday's ruling" names an event of its own; the verbs around it say nothing.
    if ctx.text.startswith(("'s", "’s"), m.end()):
        return -1
    # News reports what happened; only a future verb points forward.
    return 1 if ctx.tense(m.start(), m.end()) == "future" else -1


def weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    """A weekday without 'the previous' or 'the following' is the one around publication."""
    timex = _weekday(m, ctx)
    return timex if (m["rel"] or "").lower().startswith("the") else deictic(timex)


def _weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    """A morning or night added to a day ("was killed Friday night") mostly dates the event
    to that day, so the value is the day and the interval keeps the part; an afternoon or
    evening is named to place the event within its day, so it is a time ('Friday evening'
    is TEV)."""
    target = WEEKDAYS[m["wd"].lower()]
    relation = " ".join((m["rel"] or "").lower().split())
    if relation.startswith("the "):
        # "the previous Friday" is the one before the day just talked about.
        step = 1 if relation == "the following" else -1
        day = nearest_weekday(ctx.anchor + timedelta(days=step), target, step)
        return Timex(TimexType.DATE, day_value(day))
    direction = weekday_direction(m, ctx, target)
    day = ctx.ref
    if direction != 0:
        day = nearest_weekday(ctx.ref + timedelta(days=direction), target, direction)
    if not m["part"]:
        return Timex(TimexType.DATE, day_value(day))
    part = _part_timex(day, m["part"])
    if m["part"].lower() in {"evening", "afternoon"}:
        return part
    return Timex(TimexType.DATE, day_value(day), interval_of(part.value, ctx.zone))


_RELATION_OFFSET = {
    "last": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "next": 1,
    "following": 1, "same": 0, "that": 0, "coming": 1, "latest": -1,
}  # fmt: skip


def relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["unit"].istitle() and m["rel"][0].isupper() and not _sentence_start(ctx, m.start()):
        return None  # a title such as ABC's "This Week"
    unit = unit_key(m["unit"])
    words = m["rel"].lower().split()
    if unit == "quarter" and words == ["that"] and ctx.period:
        return Timex(TimexType.DATE, ctx.period)
    offset = _RELATION_OFFSET[words[-1]]
    anaphoric = words[-1] in {"following", "same", "that"} or words[:1] + words[-1:] == [
        "the",
        "previous",
    ]
    if anaphoric and unit == "year" and ctx.story_era:
        # "the following year" in a story before the era: its years count down.
        return Timex(TimexType.DATE, ctx.story_year(offset))
    base = ctx.anchor_for(unit) if anaphoric else ctx.ref
    if unit == "weekend":
        timex = weekend(base, offset, ctx)
    else:
        timex = Timex(TimexType.DATE, unit_value(move(base, unit, offset), unit))
    return deictic(timex) if base == ctx.ref else timex


def _sentence_start(ctx: Context, start: int) -> bool:
    return ctx.sentence(start, start)[0] == start or not ctx.text[:start].strip()


def weekend(base: date, offset: int, ctx: Context) -> Timex:
    saturday = nearest_weekday(base, 5, -1 if offset <= 0 else 1)
    if offset == 0 and base.weekday() < 5:
        saturday = nearest_weekday(base, 5, 1)
    return Timex(TimexType.DATE, unit_value(saturday, "weekend"))


def the_weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    direction = 1 if ctx.tense(m.start(), m.end()) == "future" else -1
    if ctx.ref.weekday() >= 5:
        return Timex(TimexType.DATE, unit_value(ctx.ref, "weekend"), deictic=True)
    saturday = nearest_weekday(ctx.ref, 5, direction)
    return Timex(TimexType.DATE, unit_value(saturday, "weekend"), deictic=True)


def offset(m: re.Match[str], ctx: Context) -> Timex | None:
    count = parse_quantity(m["q"])
    direction = m["dir"].lower()
    sign = 1 if direction in {"later", "after", "from now", "hence"} else -1
    if count is None:
        return Timex(TimexType.DATE, "FUTURE_REF" if sign > 0 else "PAST_REF", anchors=False)
    unit = unit_key(m["unit"])
    if unit in {"hour", "minute", "second"}:
        return None
    from_anchor = direction not in {"ago", "from now", "hence"}
    return _shifted(ctx, unit, sign * count, from_anchor=from_anchor)


def _shifted(ctx: Context, unit: str, count: int, *, from_anchor: bool) -> Timex | None:
    """The anchor's own granularity is kept when it is coarser than a day, so that 'a year
    earlier' after 'the third quarter' is the third quarter of the year before."""
    if unit == "year" and ctx.period:
        shifted = shift_value(ctx.period, unit, count)
        # Not an anchor itself: 'the quarter' after it still means the reported quarter.
        return Timex(TimexType.DATE, shifted, anchors=False) if shifted else None
    # "1965 ... two decades earlier": a year named without a day anchors whole years.
    coarse = "year" if unit in {"decade", "century"} else unit
    base = ctx.anchor_for(coarse) if from_anchor else ctx.ref
    value_unit = "year" if unit in {"decade", "century"} else unit
    value = unit_value(move(base, unit, count), value_unit)
    return Timex(TimexType.DATE, value, deictic=not from_anchor)


def year_ago_adjective(m: re.Match[str], ctx: Context) -> Timex | None:
    return _shifted(ctx, "year", -1, from_anchor=False)


def anchor_day(m: re.Match[str], ctx: Context) -> Timex | None:
    words = m[0].lower()
    step = -1 if any(w in words for w in ("before", "previous", "earlier", "prior")) else 1
    if any(w in words for w in ("same", "that")):
        step = 0
    return Timex(TimexType.DATE, day_value(ctx.anchor + timedelta(days=step)))
