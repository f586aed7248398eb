"""What request handlers share, built once in the app's lifespan and injected."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request, Response

from services.query.article_status import DeadLetterFinder
from services.query.change_feed import ChangeFeed
from services.query.etags import TaggedBody
from services.query.page_cache import PageCache
from services.query.projector import Projector, ProjectorState
from services.query.reads import Reader
from services.query.story_index import StoryIndex


@dataclass(frozen=True)
class QueryContext:
    reader: Reader
    projector: Projector | None
    feed: ChangeFeed
    pages: PageCache[TaggedBody] = field(default_factory=PageCache)
    stories: PageCache[bytes] = field(default_factory=lambda: PageCache(64))
    story_index: StoryIndex = field(default_factory=StoryIndex)
    dead_letters: DeadLetterFinder | None = None  # None: no broker to ask

    @property
    def projector_state(self) -> ProjectorState | None:
        return self.projector.state if self.projector else None


async def get_context(request: Request) -> QueryContext:
    context: QueryContext = request.app.state.query
    return context


Context = Annotated[QueryContext, Depends(get_context)]


def json_bytes(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def json_response(body: Any, status_code: int = 200) -> Response:
    """JSON without a second validation pass: handlers already build the public shape."""
    return Response(json_bytes(body), status_code=status_code, media_type="application/json")
