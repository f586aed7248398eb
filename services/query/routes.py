"""Timeline and incident routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response

from services.query.clock import in_reader_zone
from services.query.context import Context, json_bytes, json_response
from services.query.cursor import CursorError
from services.query.etags import TaggedBody, conditional_json
from services.query.models import IncidentOut, TimelinePageOut
from services.query.page_cache import PageCache
from services.query.params import CursorParam, LimitParam, ZoneParam, timeline_filter
from services.query.reads import CursorExpiredError, Reader
from services.query.selection import TimelineFilter
from services.timeline.zones import zone_named

router = APIRouter(prefix="/v1", tags=["timeline"])

Filter = Annotated[TimelineFilter, Depends(timeline_filter)]


def cursor_problem(exc: CursorError) -> HTTPException:
    status = 410 if isinstance(exc, CursorExpiredError) else 422
    detail = [{"loc": ["query", "cursor"], "msg": str(exc), "type": "value_error"}]
    return HTTPException(status_code=status, detail=detail)


@router.get(
    "/timeline",
    response_model=TimelinePageOut,
    responses={
        304: {"description": "Not modified: the ETag given in If-None-Match is current"},
        422: {"description": "Invalid parameter"},
        410: {"description": "Cursor expired"},
    },
)
async def get_timeline(
    request: Request,
    context: Context,
    flt: Filter,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    *,
    tz: ZoneParam = None,
    if_none_match: Annotated[
        str | None, Header(description="ETag of an earlier reply; 304 while current.")
    ] = None,
) -> Response:
    """Incidents ordered by start, end and id, one page at a time (keyset cursor).

    Runs on the event loop: the page is one short index range read, cheaper than the hop
    to a worker thread, and identical requests are answered from the page cache. Every page
    carries an ETag; send it back in If-None-Match to get 304 while the page is unchanged."""
    conn = context.reader.conn()
    key, version = request.url.query, (context.reader.identity(), PageCache.version(conn))
    page = context.pages.get(key, version)
    if page is None:
        try:
            page = TaggedBody.of(page_body(context.reader, flt, limit, cursor, tz))
        except CursorError as exc:
            raise cursor_problem(exc) from exc
        context.pages.put(key, version, page)
    return conditional_json(page, if_none_match)


def page_body(
    reader: Reader, flt: TimelineFilter, limit: int, cursor: str | None, tz: str | None
) -> bytes:
    """The page as JSON: serialized by SQLite in the articles' own clocks, or shown in the
    reader's zone `tz`."""
    if tz is None:
        return reader.page_json(flt, limit, cursor)
    page, zone = reader.page(flt, limit, cursor), zone_named(tz)
    items = [in_reader_zone(found, zone) for found in page.items]
    return json_bytes({"items": items, "next_cursor": page.next_cursor, "snapshot": page.snapshot})


@router.get(
    "/incidents/{incident_id}",
    response_model=IncidentOut,
    responses={404: {"description": "Unknown incident"}},
)
def get_incident(context: Context, incident_id: str, tz: ZoneParam = None) -> Response:
    """One incident of the current timeline."""
    found = context.reader.incident(incident_id)
    if found is None:
        raise HTTPException(status_code=404, detail="unknown incident")
    return json_response(in_reader_zone(found, zone_named(tz) if tz else None))
