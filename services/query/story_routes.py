"""GET /v1/stories/timeline: the key dates of a selection, each with what happened."""

from __future__ import annotations

import gzip
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from services.query.context import Context, QueryContext
from services.query.params import ZoneParam
from services.query.routes import Filter
from services.query.store import read_meta
from services.query.stories import StoryQuery, story_json
from services.query.story_models import StoryTimelineOut
from services.timeline.zones import zone_named

GZIP_LEVEL = 6  # zlib's default: 9 costs half as much again for 1 % smaller answers
router = APIRouter(prefix="/v1/stories", tags=["stories"])

DatesParam = Annotated[int, Query(ge=1, le=366, description="At most this many dates.")]
PerDateParam = Annotated[int, Query(ge=1, le=10, description="At most this many sentences a date.")]


@router.get(
    "/timeline",
    response_model=StoryTimelineOut,
    responses={422: {"description": "Invalid parameter"}},
)
async def get_story_timeline(
    request: Request,
    context: Context,
    *,
    flt: Filter,
    dates: DatesParam = 20,
    per_date: PerDateParam = 1,
    tz: ZoneParam = None,
) -> Response:
    """The key dates of the selection (the same filters as /v1/timeline), ordered by date.

    A day is chosen by how many distinct articles point to it, by naming it or by being
    published on it; its summary holds the sentences most central to what the outlets say
    about it, near-duplicates dropped. Days are each article's own calendar days, or with
    `tz` clock times and publications fall on that zone's days. Answers are cached until
    the read model changes."""
    # The file beside its high-water mark: a rebuilt read model swapped in under the same
    # path numbers its changes apart, but only its identity says it is another file.
    version = (context.reader.identity(), read_meta(context.reader.conn(), "high_water"))
    # An answer is hundreds of kB (every incident id of every date): compressed here, once,
    # and cached so, rather than by the gzip middleware at its highest level on every reply.
    gzipped = "gzip" in request.headers.get("accept-encoding", "")
    key = f"{'gzip' if gzipped else 'identity'} {request.url.query}"
    body = context.stories.get(key, version)
    if body is None:
        query = StoryQuery(flt, dates, per_date, zone_named(tz) if tz else None)
        # Off the event loop: a large selection takes tens of milliseconds.
        body = await run_in_threadpool(lambda: encoded(computed(context, query), gzipped))
        context.stories.put(key, version, body)
    headers = {"Vary": "Accept-Encoding"} | ({"Content-Encoding": "gzip"} if gzipped else {})
    return Response(body, media_type="application/json", headers=headers)


def computed(context: QueryContext, query: StoryQuery) -> bytes:
    reader = context.reader
    return story_json(reader.conn(), query, context.story_index, reader.identity())


def encoded(body: bytes, gzipped: bool) -> bytes:
    # mtime=0: the same answer is the same bytes.
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0) if gzipped else body
