"""GET /v1/timeline/stream: Server-Sent Events of incidents added and retracted."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from sse_starlette import EventSourceResponse

from services.query.changes import ChangeBatch, changes_after, high_water
from services.query.context import Context, QueryContext
from services.query.cursor import MAX_SNAPSHOT
from services.query.params import timeline_filter
from services.query.reads import Reader
from services.query.selection import TimelineFilter

router = APIRouter(prefix="/v1", tags=["timeline"])

RECHECK_S = 1.0
PING_S = 15

STREAM_EXAMPLE = (
    'event: incident\nid: 42\ndata: {"incident_id": "...", "start": ...}\n\n'
    'event: retract\nid: 43\ndata: {"article_id": "a", "incident_ids": ["..."]}\n\n'
)


@dataclass
class StreamSlots:
    """How many streams this process serves at once, and the most it may."""

    limit: int
    retry_after_s: int
    open: int = 0

    def take(self) -> None:
        if self.open >= self.limit:
            raise HTTPException(
                status_code=503,
                detail=f"this server already serves {self.limit} streams; retry later",
                headers={"Retry-After": str(self.retry_after_s)},
            )
        self.open += 1

    def give_back(self) -> None:
        self.open -= 1


def resume_point(header: str | None, query: int | None) -> int | None:
    text = header if header is not None else query
    if text is None:
        return None
    try:
        # Sequence numbers are SQLite integers; a longer text cannot be one.
        value = int(text) if len(str(text)) <= 20 else -1
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_SNAPSHOT:
        detail = [
            {
                "loc": ["header", "last-event-id"],
                "msg": "not a sequence number",
                "type": "value_error",
            }
        ]
        raise HTTPException(status_code=422, detail=detail)
    return value


def read_changes(reader: Reader, flt: TimelineFilter, after: int) -> ChangeBatch:
    # Runs in a worker thread: the connection must be that thread's own.
    return changes_after(reader.conn(), flt, after)


class Subscriber(Protocol):
    """What the stream needs of the request it answers (a port): whether the client has
    gone."""

    async def is_disconnected(self) -> bool: ...


async def events(
    request: Subscriber, context: QueryContext, flt: TimelineFilter, after: int | None
) -> AsyncIterator[dict[str, str]]:
    reader = context.reader
    # Without a resume point a subscriber starts from now.
    position: int = (
        after if after is not None else await asyncio.to_thread(lambda: high_water(reader.conn()))
    )
    while not await request.is_disconnected():
        batch = await asyncio.to_thread(read_changes, reader, flt, position)
        for event in batch.events:
            yield {"event": event.kind, "id": str(event.seq), "data": json.dumps(event.data)}
        position = batch.upper
        if batch.caught_up:
            await context.feed.wait(RECHECK_S)


@router.get(
    "/timeline/stream",
    response_class=EventSourceResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"example": STREAM_EXAMPLE}},
            "description": "incident and retract events; id = sequence number",
        },
        503: {"description": "Too many open streams; retry after Retry-After seconds"},
    },
)
async def stream_timeline(
    request: Request,
    context: Context,
    flt: Annotated[TimelineFilter, Depends(timeline_filter)],
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[
        int | None, Query(ge=0, le=MAX_SNAPSHOT, description="Like Last-Event-ID.")
    ] = None,
) -> EventSourceResponse:
    """Incidents added or replaced that match the filters, live; resumable with
    Last-Event-ID (every change after it is sent again). Past query_max_streams open
    streams, 503 with Retry-After."""
    start = resume_point(last_event_id, after)
    slots: StreamSlots = request.app.state.stream_slots
    slots.take()
    return EventSourceResponse(counted(slots, events(request, context, flt, start)), ping=PING_S)


async def counted(
    slots: StreamSlots, stream: AsyncIterator[dict[str, str]]
) -> AsyncIterator[dict[str, str]]:
    """The stream, giving its slot back however it ends (disconnect, shutdown, error)."""
    try:
        async for event in stream:
            yield event
    finally:
        slots.give_back()
