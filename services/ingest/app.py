"""The ingest API: validates articles and answers 202 only once Kafka has them."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request, status
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from prometheus_client import CollectorRegistry

from services.ingest.batch import BatchError, split_items, validate_items
from services.ingest.publisher import (
    ArticlePublisher,
    BrokerUnavailableError,
    Receipt,
    publish_all,
)
from services.ingest.submission import ArticleIn, to_event
from services.platform.http_metrics import metrics_router
from services.platform.http_middleware import add_middleware
from services.timeline.events import ARTICLE_ID_PATTERN

log = logging.getLogger(__name__)


def get_publisher(request: Request) -> ArticlePublisher:
    publisher: ArticlePublisher = request.app.state.publisher
    return publisher


Publisher = Annotated[ArticlePublisher, Depends(get_publisher)]


def receipt_body(receipt: Receipt) -> dict[str, Any]:
    return {
        "article_id": receipt.article_id,
        "revision": receipt.revision,
        "topic": receipt.topic,
        "partition": receipt.partition,
        "offset": receipt.offset,
    }


def unavailable(exc: BrokerUnavailableError) -> JSONResponse:
    return JSONResponse(
        {"detail": f"{exc}; nothing was written, retry later"},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
    )


async def submit_article(article: ArticleIn, publisher: Publisher) -> JSONResponse:
    """Accept one article; 202 means the record is on the broker."""
    try:
        receipt = await publisher.publish(to_event(article))
    except BrokerUnavailableError as exc:
        return unavailable(exc)
    body = receipt_body(receipt)
    log.info("article accepted", extra=body)
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
    publisher: Publisher,
    reason: Annotated[
        str | None, Query(max_length=1000, description="Why, for people reading the log.")
    ] = None,
) -> JSONResponse:
    """Withdraw an article from every timeline."""
    try:
        receipt = await publisher.retract(article_id, reason)
    except BrokerUnavailableError as exc:
        return unavailable(exc)
    body = receipt_body(receipt)
    del body["revision"]
    return JSONResponse(body | {"retracted": True}, status_code=status.HTTP_202_ACCEPTED)


async def submit_batch(request: Request, publisher: Publisher) -> JSONResponse:
    """Up to 1,000 articles as a JSON array or JSON Lines; an outcome per item."""
    try:
        items = split_items(await request.body(), request.headers.get("content-type", ""))
    except (BatchError, UnicodeDecodeError) as exc:
        detail = [{"loc": ["body"], "msg": str(exc), "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=422)
    valid, refused = validate_items(items)
    outcomes = await publish_all(publisher, [event for _, event in valid])
    results: dict[int, dict[str, Any]] = {
        r.index: {"index": r.index, "status": "refused", "error": r.error} for r in refused
    }
    for (index, _), outcome in zip(valid, outcomes, strict=True):
        if isinstance(outcome, Receipt):
            results[index] = {"index": index, "status": "accepted", **receipt_body(outcome)}
        else:
            results[index] = {"index": index, "status": "failed", "error": str(outcome)}
    body = [results[i] for i in sorted(results)]
    counts = {s: sum(1 for r in body if r["status"] == s) for s in ("accepted", "refused")}
    code = 503 if valid and not any(isinstance(o, Receipt) for o in outcomes) else 200
    log.info("batch handled", extra={**counts, "items": len(body)})
    return JSONResponse({**counts, "items": body}, status_code=code)


def create_app(
    make_publisher: Callable[[], ArticlePublisher], cors_origins: Sequence[str] = ()
) -> FastAPI:
    """Build the app; the publisher (and its producer) lives for the app's lifespan."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.publisher = make_publisher()
        try:
            yield
        finally:
            await app.state.publisher.close()

    # Docs assets served from the fastapi-offline package: /docs works with no CDN.
    app = FastAPIOffline(title="news-timeline ingest", version="1", lifespan=lifespan)
    # 202 / 422 / 503 counts by route are the service's accepted / refused / unavailable.
    registry = CollectorRegistry()
    add_middleware(app, registry, cors_origins, methods=["GET", "POST", "DELETE"])
    app.include_router(metrics_router(registry))
    app.post("/v1/articles", status_code=202, summary="Submit one article")(submit_article)
    app.delete(
        "/v1/articles/{article_id}",
        status_code=202,
        summary="Retract an article",
        description=RETRACT_DESCRIPTION,
        responses={202: {"description": "Kafka has the retraction"},
                   503: {"description": "Broker unreachable; nothing was written"}},
    )(retract_article)  # fmt: skip
    app.post(
        "/v1/articles:batch",
        summary="Submit up to 1,000 articles",
        openapi_extra={"requestBody": batch_request_body()},
    )(submit_batch)
    app.get("/healthz", summary="Liveness")(healthz)
    return app


def batch_request_body() -> dict[str, Any]:
    """The batch route reads its raw body (to accept JSON Lines too), so its OpenAPI body
    is declared by hand from the same model."""
    item = ArticleIn.model_json_schema()
    example = item["examples"][0]
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "array", "maxItems": 1000, "items": item},
                "example": [example],
            },
            "application/x-ndjson": {
                "schema": {"type": "string", "description": "one article (JSON) a line"},
                "example": json.dumps(example),
            },
        },
    }


async def healthz() -> dict[str, str]:
    return {"status": "ok"}
