"""A timelines record decoded straight into the read model's rows.

pydantic builds a frozen, validated model per incident only for the store to take it
apart into a tuple again: that was a third of a rebuild's CPU. Here msgspec decodes the
JSON into plain structs (in C) that become rows directly. It is a fast path, not a second
contract: the pydantic models stay the judge. The structs carry the same fields and
constraints as ArticleTimeline and accept a subset of what it accepts (instants only in
the UTC forms the normalizer writes, or else parsed by pydantic itself; URLs and zones
checked by pydantic's own validators); whatever they refuse goes to ArticleTimeline,
which accepts it (a lax form: "7" for 7, another spelling of an instant) or raises the
ValidationError that the projector logs and skips, as before. A test holds the rows of
both paths equal.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

import msgspec
from pydantic import AnyHttpUrl, AwareDatetime, TypeAdapter

from services.query.rows import Row, TimelineRows, own_clock, rows_of, span_class
from services.query.search import index_text
from services.query.sort_keys import base_of
from services.query.times import to_key
from services.timeline.events import ARTICLE_ID_PATTERN, Anchor, ArticleTimeline
from services.timeline.mentions import Granularity, TimexType
from services.timeline.zones import zone_named

# pydantic matches with Rust's regex, where `$` is the end of the text; in Python's `re`
# (msgspec's) it also matches before a final newline, so the end is written \Z here.
_ArticleId = Annotated[
    str, msgspec.Meta(min_length=1, max_length=128, pattern=ARTICLE_ID_PATTERN[:-1] + r"\Z")
]
_Language = Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2}\Z")]
_ZoneName = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
_Offset = Annotated[int, msgspec.Meta(ge=0)]
# The forms the normalizer writes a UTC instant in; their stored key (times.to_key) is the
# text itself, with six zero digits of fraction when it has none.
_UTC_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?Z\Z")
_AWARE: TypeAdapter[datetime] = TypeAdapter(AwareDatetime)
_URL: TypeAdapter[AnyHttpUrl] = TypeAdapter(AnyHttpUrl)
_RANKS = {g: g.rank for g in Granularity}


class _Incident(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    incident_id: str
    article_id: _ArticleId
    start: str
    end: str
    granularity: Granularity
    anchor: Anchor
    sentence: str
    mention: str | None = None
    timex_type: TimexType | None = None
    timex_value: str | None = None
    char_start: _Offset | None = None
    char_end: _Offset | None = None


class _Timeline(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    article_id: _ArticleId
    revision: str
    source: str
    url: str | None = None
    title: str
    published_at: str
    language: _Language
    normalizer_version: str
    timezone: _ZoneName | None = None
    incidents: list[_Incident]


_DECODER = msgspec.json.Decoder(_Timeline)


def decode_rows(value: bytes) -> TimelineRows:
    """The rows of a timelines record; pydantic's ValidationError when it is not one."""
    try:
        return _fast(_DECODER.decode(value))
    except (msgspec.DecodeError, ValueError):  # pydantic's ValidationError is a ValueError
        return rows_of(ArticleTimeline.model_validate_json(value))


def instant(text: str) -> tuple[str, datetime]:
    """An AwareDatetime field's value: (its stored key, the instant). ValueError when it
    is none (fromisoformat checks the ranges the pattern does not)."""
    if _UTC_INSTANT.match(text):
        moment = datetime.fromisoformat(text)
        return (text if len(text) == 27 else f"{text[:19]}.000000Z"), moment
    moment = _AWARE.validate_python(text)
    return to_key(moment), moment


def _fast(t: _Timeline) -> TimelineRows:
    url = str(_URL.validate_python(t.url)) if t.url is not None else None
    if t.timezone is not None:
        zone_named(t.timezone)  # ValueError for a name pydantic refuses too
    published, moment = instant(t.published_at)
    local, zone = own_clock(moment, t.timezone)
    article = (
        t.article_id, t.revision, t.source, url, t.title, published, t.language,
        t.normalizer_version, local, zone,
    )  # fmt: skip
    shared = (url, published, local, zone)
    # An article names the same instants again and again (its day, its publication).
    instants: dict[str, tuple[str, datetime]] = {}
    return TimelineRows(t.article_id, article, [_row(i, t, shared, instants)
                                                 for i in t.incidents])  # fmt: skip


def _row(
    i: _Incident,
    t: _Timeline,
    shared: tuple[str | None, str, str, str],
    instants: dict[str, tuple[str, datetime]],
) -> Row:
    """An incident's row (rows.rows_of's): `shared` holds the article's url, stored
    publication key, local publication time and clock name; `instants` the ones parsed."""
    url, published, local, zone = shared
    start_key, start = instants.get(i.start) or instants.setdefault(i.start, instant(i.start))
    end_key, end = instants.get(i.end) or instants.setdefault(i.end, instant(i.end))
    return (
        0, i.incident_id, i.article_id, start_key, end_key, i.granularity.value,
        _RANKS[i.granularity], i.anchor.value, i.sentence, i.mention,
        i.timex_type.value if i.timex_type is not None else None, i.timex_value,
        i.char_start, i.char_end, t.source, t.title, span_class(start, end), url, published,
        local, zone, index_text(t.language, i.sentence, i.mention, t.title), base_of(start),
    )  # fmt: skip
