"""The query service's FastAPI app, built by `create_app` (nothing happens at import)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from prometheus_client import CollectorRegistry

from services.normalizer.redrive import dead_letters_of
from services.platform.http.api_keys import key_dependencies
from services.platform.http.errors import install_error_replies
from services.platform.http.metrics import metrics_router
from services.platform.http.middleware import add_middleware
from services.platform.settings import Settings
from services.query import catalog_routes, health, routes, sse, story_routes, web
from services.query.article_status import DeadLetterFinder, DeadLetterSeen
from services.query.catalog import live_incidents
from services.query.change_feed import ChangeFeed
from services.query.context import QueryContext
from services.query.cursor_key import cursor_key
from services.query.metrics import StoreCollector
from services.query.projector import Projector
from services.query.reads import Reader
from services.query.standalone import watch_commits
from services.query.store import TimelineStore

DESCRIPTION = """Ordered, filtered, paged and live timelines of news incidents.

Paging: the first page fixes a snapshot; walking its cursors yields every incident that
existed then exactly once, in order, even while incidents are added, replaced or retracted.
A cursor older than the snapshot retention answers 410: start again from the first page.
"""


def create_app(
    settings: Settings, *, bootstrap: str | None = None, project: bool | None = None
) -> FastAPI:
    """The app; with `bootstrap` (or `project`), its lifespan also runs the projector, from
    that broker (or from the one settings or the local broker's state file name)."""
    registry = CollectorRegistry()
    # Swagger UI and ReDoc assets come from fastapi-offline's package, not a CDN, so /docs
    # works where only the service can be reached.
    app = FastAPIOffline(
        title="news-timeline query",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan(settings, bootstrap, registry, project=project),
    )
    add_middleware(app, registry, settings.cors_origins, methods=["GET"])
    install_error_replies(app)
    app.state.stream_slots = sse.StreamSlots(settings.query_max_streams, settings.retry_after_s)
    reads = key_dependencies(settings.query_api_keys)
    for module in (routes, catalog_routes, story_routes, sse):
        app.include_router(module.router, dependencies=reads)
    app.include_router(health.router)
    app.include_router(metrics_router(registry))
    web.mount(app)
    return app


def dead_letter_finder(settings: Settings, bootstrap: str) -> DeadLetterFinder:
    """The article status route's view of the dead-letter topic (pending records only)."""

    async def find(article_id: str) -> list[DeadLetterSeen]:
        found = await dead_letters_of(settings, bootstrap, article_id)
        return [DeadLetterSeen(v.partition, v.offset, v.revision, v.cause) for v in found]

    return find


def lifespan(
    settings: Settings,
    bootstrap: str | None,
    registry: CollectorRegistry,
    *,
    project: bool | None = None,
) -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]:
    projecting = bootstrap is not None if project is None else project

    @contextlib.asynccontextmanager
    async def run(app: FastAPI) -> AsyncIterator[None]:
        store = TimelineStore(settings.database_path)
        feed, reader = ChangeFeed(), Reader(settings.database_path, cursor_key(settings))
        projector = Projector(settings, bootstrap, store, feed.ring) if projecting else None
        letters = dead_letter_finder(settings, bootstrap) if bootstrap else None
        app.state.query = context = QueryContext(reader, projector, feed, dead_letters=letters)
        collector = StoreCollector(
            lambda: context.projector_state, lambda: live_incidents(reader.conn())
        )
        registry.register(collector)
        # Without a projector of its own, another process may be writing the store.
        work = projector.run_forever() if projector else watch_commits(reader.path, feed)
        task = asyncio.create_task(work)
        try:
            yield
        finally:
            registry.unregister(collector)
            task.cancel()
            # Leaving the group needs the broker; a shutdown does not wait for it long.
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, 3.0)
            store.close()

    return run
