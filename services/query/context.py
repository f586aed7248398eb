"""What request handlers share, built once in the app's lifespan and injected."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Response

from services.query.feed import ChangeFeed
from services.query.projector import Projector, ProjectorState
from services.query.reads import Reader


@dataclass(frozen=True)
class QueryContext:
    reader: Reader
    projector: Projector | None
    feed: ChangeFeed

    @property
    def projector_state(self) -> ProjectorState | None:
        return self.projector.state if self.projector else None


def get_context(request: Request) -> QueryContext:
    context: QueryContext = request.app.state.query
    return context


Context = Annotated[QueryContext, Depends(get_context)]


def json_response(body: Any, status_code: int = 200) -> Response:
    """JSON without a second validation pass: handlers already build the public shape."""
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(raw.encode(), status_code=status_code, media_type="application/json")
