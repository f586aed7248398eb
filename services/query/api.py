"""The query service's FastAPI app, built by `create_app` (nothing happens at import)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from services.platform.settings import Settings
from services.query import health, routes
from services.query.context import QueryContext
from services.query.projector import Projector
from services.query.reads import Reader
from services.query.store import TimelineStore


def create_app(settings: Settings, *, bootstrap: str | None = None) -> FastAPI:
    """The app; with `bootstrap`, its lifespan also runs the projector from that broker."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = TimelineStore(settings.database_path)
        projector = Projector(settings, bootstrap, store) if bootstrap else None
        app.state.query = QueryContext(Reader(settings.database_path), projector)
        task = asyncio.create_task(projector.run_forever()) if projector else None
        try:
            yield
        finally:
            if task:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            store.close()

    app = FastAPI(title="news-timeline query", version="1", lifespan=lifespan)
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET"])
    app.include_router(routes.router)
    app.include_router(health.router)
    return app
