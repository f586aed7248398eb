"""Liveness, readiness and the projector's progress (read by `newstimeline status`)."""

from __future__ import annotations

import asyncio
import sqlite3

from fastapi import APIRouter, Response

from services.query.context import Context, QueryContext, json_response
from services.query.models import HealthOut, ProjectorOut, ReadinessOut
from services.query.projector import ProjectorState
from services.query.standalone import projector_ready

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=HealthOut)
async def healthz() -> Response:
    """200 as long as the process serves requests."""
    return json_response({"status": "ok"})


@router.get(
    "/readyz",
    response_model=ReadinessOut,
    responses={503: {"model": ReadinessOut, "description": "Still catching up"}},
)
async def readyz(context: Context) -> Response:
    """200 once the projector has reached the end offsets that existed when it started."""
    state = context.projector_state
    if state is None:  # no projector here: one in its own process, or none at all
        return await projector_elsewhere(context)
    lag = {str(p): n for p, n in state.catch_up_lag().items()}
    body = {"ready": state.ready, "lag": lag, "phase": state.describe()}
    return json_response(body, 200 if state.ready else 503)


async def projector_elsewhere(context: QueryContext) -> Response:
    """Ready as `newstimeline projector` last recorded it; a store no projector ever ran
    on is served as it is."""
    try:
        ready = await asyncio.to_thread(projector_ready, context.reader.path)
    except sqlite3.Error:  # no read model yet: the projector has not created it
        ready = False
    if ready is None:
        return json_response({"ready": True, "lag": {}, "phase": "no projector"})
    phase = "projector process caught up" if ready else "projector process catching up"
    return json_response({"ready": ready, "lag": {}, "phase": phase}, 200 if ready else 503)


def projector_body(state: ProjectorState, topic: str) -> dict[str, object]:
    lag = state.lag()
    partitions = [
        {"partition": p, "position": state.positions.get(p, 0), "end": end, "lag": lag[p]}
        for p, end in sorted(state.highwaters.items())
    ]
    log = state.log
    return {
        "ready": state.ready,
        "phase": state.describe(),
        "topic": topic,
        "cluster_id": log.cluster_id if log else None,
        "topic_id": log.topic_id if log else None,
        "partitions": partitions,
        "skipped": state.skipped,
        "text_pending": state.text_pending,
    }


@router.get(
    "/v1/admin/projector",
    response_model=ProjectorOut,
    responses={404: {"description": "This replica runs no projector"}},
)
async def projector(context: Context) -> Response:
    """Which log this replica projects, and its position, end offset and lag per partition."""
    if context.projector is None:
        return json_response({"detail": "this replica runs no projector"}, 404)
    return json_response(projector_body(context.projector.state, context.projector.topic))
