"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.query.context import Context, json_response
from services.query.models import HealthOut, ReadinessOut

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
    if state is None:  # no projector: the store is served as it is
        return json_response({"ready": True, "lag": {}, "phase": "no projector"})
    lag = {str(p): n for p, n in state.catch_up_lag().items()}
    body = {"ready": state.ready, "lag": lag, "phase": state.phase}
    return json_response(body, 200 if state.ready else 503)
