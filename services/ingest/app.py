"""The ingest API: validates articles and answers 202 only once Kafka has them."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, status
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from prometheus_client import CollectorRegistry
from starlette.concurrency import run_in_threadpool

from services.ingest.batch import (
    BatchError,
    UnsupportedMediaTypeError,
    batch_format,
    media_type,
    split_items,
    validate_items,
)
from services.ingest.publisher import (
    BrokerUnavailableError,
    Publisher,
    Receipt,
    publish_all,
)
from services.ingest.submission import ArticleIn, size_problem, to_event
from services.platform.http.api_keys import key_dependencies
from services.platform.http.body_limit import BodyLimit
from services.platform.http.errors import field_problem, install_error_replies, retry_later
from services.platform.http.metrics import metrics_router
from services.platform.http.middleware import add_middleware
from services.platform.settings import Settings
from services.timeline.events import ARTICLE_ID_PATTERN

log = logging.getLogger(__name__)

NOT_CONFIRMED = (
    "{cause}: the record is not confirmed (it may or may not have been written). "
    "Retrying is safe: the same article and revision never yields a second timeline."
)
AT_LEAST_ONCE = (
    "At-least-once: 202 means the broker has the record. 503 means it did not confirm "
    "within produce_timeout_s; the record may still be written, and retrying is safe, "
    "since the same article and revision yields one timeline however often it arrives."
)


def get_publisher(request: Request) -> Publisher:
    publisher: Publisher = request.app.state.publisher
    return publisher


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppPublisher = Annotated[Publisher, Depends(get_publisher)]
AppSettings = Annotated[Settings, Depends(get_settings)]


def receipt_body(receipt: Receipt) -> dict[str, Any]:
    return {
        "article_id": receipt.article_id,
        "revision": receipt.revision,
        "topic": receipt.topic,
        "partition": receipt.partition,
        "offset": receipt.offset,
    }


def status_url(settings: Settings, receipt: Receipt) -> str:
    """Where the client learns what became of the revision: built, dead-lettered (and
    why), retracted, or still accepted (the query service's status route)."""
    query = urlencode({"revision": receipt.revision})
    path = f"/v1/articles/{quote(receipt.article_id, safe='')}/status?{query}"
    return f"{settings.service_url('query')}{path}"


def unavailable(exc: BrokerUnavailableError, settings: Settings) -> JSONResponse:
    # The cause (broker address, client exception) is in the log, not in the reply.
    return retry_later(NOT_CONFIRMED.format(cause=exc), settings.retry_after_s)


async def json_only(request: Request) -> None:
    """415 for a body that says it is not JSON: browsers post text/plain and form bodies
    across origins without asking first (FastAPI would otherwise try to read them)."""
    kind = media_type(request.headers.get("content-type", "application/json"))
    if kind != "application/json" and not kind.endswith("+json"):
        msg = f"Content-Type must be application/json, not {kind!r}"
        detail = [{"type": "value_error", "loc": ["header", "content-type"], "msg": msg}]
        raise HTTPException(status_code=415, detail=detail)


async def submit_article(
    article: ArticleIn, publisher: AppPublisher, settings: AppSettings
) -> JSONResponse:
    """Accept one article; 202 means the record is on the broker. The reply's
    `status_url` (GET, on the query service) says what became of this revision: accepted,
    built (with its incident count), dead-lettered (with the reason) or retracted."""
    event = to_event(article)
    # Off the event loop: the check builds the timeline (milliseconds for an article of
    # ordinary length, more near the 1 MiB limit).
    if problem := await run_in_threadpool(size_problem, event, settings.max_record_bytes):
        return field_problem(["body", "body"], problem, status_code=413)
    try:
        receipt = await publisher.publish(event)
    except BrokerUnavailableError as exc:
        return unavailable(exc, settings)
    body = receipt_body(receipt)
    log.info("article accepted", extra=body)
    body["status_url"] = status_url(settings, receipt)
    return JSONResponse(body, status_code=status.HTTP_202_ACCEPTED)


RETRACT_DESCRIPTION = """Publish a retraction of the article on news.articles.v1; the
normalizer turns it into a tombstone on news.timelines.v1 and every read model drops the
article and its incidents. 202 means Kafka has the retraction. An id that was never
submitted is not an error: the retraction is recorded all the same (a submission may still
be on its way, and ids are not looked up here)."""


async def retract_article(
    article_id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=128,
            pattern=ARTICLE_ID_PATTERN,
            description="The article to withdraw.",
        ),
    ],
    publisher: AppPublisher,
    settings: AppSettings,
    reason: Annotated[
        str | None, Query(max_length=1000, description="Why, for people reading the log.")
    ] = None,
) -> JSONResponse:
    """Withdraw an article from every timeline."""
    try:
        receipt = await publisher.retract(article_id, reason)
    except BrokerUnavailableError as exc:
        return unavailable(exc, settings)
    body = receipt_body(receipt)
    del body["revision"]
    return JSONResponse(body | {"retracted": True}, status_code=status.HTTP_202_ACCEPTED)


async def submit_batch(
    request: Request, publisher: AppPublisher, settings: AppSettings
) -> JSONResponse:
    """Up to 1,000 articles as a JSON array or JSON Lines; an outcome per item."""
    content_type = request.headers.get("content-type", "")
    try:
        batch_format(content_type)  # refused before the body is read
        items = split_items(await request.body(), content_type)
    except UnsupportedMediaTypeError as exc:
        return field_problem(["header", "content-type"], str(exc), status_code=415)
    except (BatchError, UnicodeDecodeError) as exc:
        return field_problem(["body"], str(exc)[:300])
    valid, refused = await run_in_threadpool(validate_items, items, settings.max_record_bytes)
    outcomes = await publish_all(publisher, [event for _, event in valid])
    results: dict[int, dict[str, Any]] = {
        r.index: {"index": r.index, "status": "refused", "error": r.error} for r in refused
    }
    for (index, _), outcome in zip(valid, outcomes, strict=True):
        if isinstance(outcome, Receipt):
            results[index] = {"index": index, "status": "accepted", **receipt_body(outcome)}
        else:
            error = NOT_CONFIRMED.format(cause=outcome)
            results[index] = {"index": index, "status": "failed", "error": error}
    body = [results[i] for i in sorted(results)]
    statuses = ("accepted", "refused", "failed")
    counts = {s: sum(1 for r in body if r["status"] == s) for s in statuses}
    log.info("batch handled", extra={**counts, "items": len(body)})
    if valid and not counts["accepted"]:
        headers = {"Retry-After": str(settings.retry_after_s)}
        return JSONResponse({**counts, "items": body}, status_code=503, headers=headers)
    return JSONResponse({**counts, "items": body})


def create_app(
    make_publisher: Callable[[], Publisher], settings: Settings | None = None
) -> FastAPI:
    """Build the app; the publisher (and its producer) lives for the app's lifespan."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.publisher = make_publisher()
        try:
            yield
        finally:
            await app.state.publisher.close()

    # Docs assets served from the fastapi-offline package: /docs works with no CDN.
    app = FastAPIOffline(
        title="news-timeline ingest", version="1", description=AT_LEAST_ONCE, lifespan=lifespan
    )
    app.state.settings = settings
    # 202 / 422 / 503 counts by route are the service's accepted / refused / unavailable.
    registry = CollectorRegistry()
    # Added first, so it runs inside the others: metrics and request ids see its 413s.
    app.add_middleware(BodyLimit, max_bytes=settings.ingest_max_request_bytes)
    add_middleware(app, registry, settings.cors_origins, methods=["GET", "POST", "DELETE"])
    install_error_replies(app)
    app.include_router(metrics_router(registry))
    writes = key_dependencies(settings.ingest_api_keys)
    app.post(
        "/v1/articles",
        status_code=202,
        summary="Submit one article",
        dependencies=[*writes, Depends(json_only)],
        responses=write_responses(),
    )(submit_article)
    app.delete(
        "/v1/articles/{article_id}",
        status_code=202,
        summary="Retract an article",
        description=RETRACT_DESCRIPTION,
        dependencies=writes,
        responses={202: {"description": "Kafka has the retraction"}, **write_responses()},
    )(retract_article)
    app.post(
        "/v1/articles:batch",
        summary="Submit up to 1,000 articles",
        dependencies=writes,
        responses=write_responses(batch=True),
        openapi_extra={"requestBody": batch_request_body()},
    )(submit_batch)
    app.get("/healthz", summary="Liveness")(healthz)
    app.get("/readyz", summary="Readiness: the broker answers", responses=ready_responses())(readyz)
    return app


def write_responses(*, batch: bool = False) -> dict[int | str, dict[str, Any]]:
    """What the write routes may answer besides success, for the OpenAPI document."""
    responses: dict[int | str, dict[str, Any]] = {
        413: {"description": "Request body over ingest_max_request_bytes; not read"},
        422: {"description": "Invalid article (or batch): the field and the reason"},
        503: {
            "description": AT_LEAST_ONCE,
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        },
    }
    responses[415] = {"description": "A body that is not JSON (or JSON Lines, for a batch)"}
    if batch:
        responses[200] = {"description": "An outcome per item: accepted, refused or failed"}
    return responses


def ready_responses() -> dict[int | str, dict[str, Any]]:
    return {503: {"description": "The broker does not answer"}}


def batch_request_body() -> dict[str, Any]:
    """The batch route reads its raw body (to accept JSON Lines too), so its OpenAPI body
    is declared by hand from the same model."""
    article = ArticleIn.model_json_schema()
    example = article["examples"][0]
    # Each item is validated on its own and refused alone (its outcome says why), so any
    # value is a well-formed item; the article schema says what gets accepted.
    item = {"anyOf": [article, {}], "description": "An article, as POST /v1/articles takes"}
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "array", "minItems": 1, "maxItems": 1000, "items": item},
                "example": [example],
            },
            "application/x-ndjson": {
                "schema": {
                    "type": "string",
                    "pattern": r"\S",  # at least one line that is not blank
                    "description": "one article (JSON) a line, 1 to 1,000 lines",
                },
                "example": json.dumps(example),
            },
        },
    }


async def healthz() -> dict[str, str]:
    return {"status": "ok"}


async def readyz(publisher: AppPublisher, settings: AppSettings) -> JSONResponse:
    """200 while the broker answers with the articles topic; 503 otherwise."""
    if await publisher.ready():
        return JSONResponse({"ready": True})
    return retry_later("the broker does not answer", settings.retry_after_s)
