"""Articles, sources and the TimelineJS export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from starlette.concurrency import run_in_threadpool

from services.query import article_status, catalog, timelinejs
from services.query.clock import in_reader_zone
from services.query.context import Context, json_response
from services.query.cursor import CursorError
from services.query.models import ArticleOut, ArticleStatusOut, SourceOut, TimelineJsOut
from services.query.params import CursorParam, LimitParam, ZoneParam
from services.query.routes import Filter, cursor_problem
from services.timeline.zones import zone_named

router = APIRouter(prefix="/v1", tags=["catalogue"])


@router.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    responses={404: {"description": "Unknown article"}},
)
def get_article(context: Context, article_id: str, tz: ZoneParam = None) -> Response:
    """The article's fields and its current incidents in timeline order."""
    found = catalog.article(context.reader.conn(), article_id)
    if found is None:
        raise HTTPException(status_code=404, detail="unknown article")
    if tz:
        zone = zone_named(tz)
        incidents = [in_reader_zone(i, zone) for i in found["incidents"]]
        found = in_reader_zone(found, zone) | {"incidents": incidents}
    return json_response(found)


STATUS_DESCRIPTION = """What became of the article, or of one revision of it (`revision`, as
the ingest 202 gives it in `status_url`): `built` with the revision and its incident count,
`dead_lettered` with the reason (pending dead letters only: re-driven or discarded ones no
longer count), `retracted`, or `accepted` (the revision asked for is not built yet). 404
when nothing is known of the article and no revision is asked for."""


@router.get(
    "/articles/{article_id}/status",
    response_model=ArticleStatusOut,
    responses={404: {"description": "Nothing known of the article"}},
    description=STATUS_DESCRIPTION,
)
async def get_article_status(
    context: Context,
    article_id: str,
    revision: Annotated[
        str | None, Query(max_length=64, description="The revision ingest accepted.")
    ] = None,
) -> Response:
    """An article's status."""
    # The reader's connections are per thread: the one the pool thread uses is looked up
    # there, not taken from the event loop's thread (whose reads hold transactions of their
    # own on it).
    found = await run_in_threadpool(
        lambda: article_status.stored(context.reader.conn(), article_id)
    )
    letters = []
    if context.dead_letters and not article_status.answered_by_store(revision, found):
        letters = list(await context.dead_letters(article_id))  # reads the dead-letter topic
    body = article_status.decide(article_id, revision, found, letters)
    if body is None:
        raise HTTPException(status_code=404, detail="nothing known of this article")
    return json_response(body)


@router.get("/sources", response_model=list[SourceOut])
def get_sources(context: Context) -> Response:
    """Every source with its numbers of articles and of current incidents."""
    return json_response(catalog.sources(context.reader.conn()))


@router.get(
    "/timeline.timelinejs",
    response_model=TimelineJsOut,
    responses={422: {"description": "Invalid parameter"}},
    tags=["timeline"],
)
def get_timelinejs(
    context: Context,
    flt: Filter,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    tz: ZoneParam = None,
) -> Response:
    """The same selection as /v1/timeline as a TimelineJS3 document; the next page's
    cursor, when there is one, is in the X-Next-Cursor header.

    Dates are calendar fields with inclusive ends, as TimelineJS reads them, in each
    article's own clock (a day is one day; "6 a.m." is hour 6 there), or with `tz` clock
    times and publications in that zone. Headlines are the sentence (or the title of a
    publication)."""
    try:
        page = context.reader.page(flt, limit, cursor)
    except CursorError as exc:
        raise cursor_problem(exc) from exc
    response = json_response(timelinejs.document(page.items, zone_named(tz) if tz else None))
    if page.next_cursor:
        response.headers["X-Next-Cursor"] = page.next_cursor
    return response
