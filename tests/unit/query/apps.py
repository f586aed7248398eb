"""The query app over a store filled directly, driven through httpx's ASGI transport."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence

import httpx
from asgi_lifespan import LifespanManager

from services.platform.settings import Settings
from services.query.api import create_app
from services.query.store import Change, TimelineStore


@contextlib.asynccontextmanager
async def api_client(
    settings: Settings, changes: Sequence[Change]
) -> AsyncIterator[httpx.AsyncClient]:
    store = TimelineStore(settings.database_path)
    store.apply("timelines", 0, list(enumerate(changes)))
    store.close()
    async with LifespanManager(create_app(settings)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http
