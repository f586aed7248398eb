"""The middleware every HTTP service wears, in one place and one order."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from prometheus_client import CollectorRegistry

from services.platform.http.metrics import RequestMetrics
from services.platform.http.request_ids import RequestIds

# Headers a browser page on an allowed origin may read from our replies.
EXPOSED = ["X-Next-Cursor", "X-Request-ID", "ETag"]
# Small replies are not worth the CPU; a timeline page of 100 items is tens of kB.
GZIP_MIN_BYTES = 1000


def add_middleware(
    app: FastAPI, registry: CollectorRegistry, cors_origins: Sequence[str], methods: Sequence[str]
) -> None:
    """Outermost first: request id, metrics, CORS, then gzip. Starlette's gzip leaves
    text/event-stream alone, so the SSE stream is never buffered."""
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(cors_origins),
        allow_methods=list(methods),
        allow_headers=[
            "Content-Type",
            "If-None-Match",
            "Last-Event-ID",
            "X-Request-ID",
            "X-API-Key",
            "Authorization",
        ],
        expose_headers=EXPOSED,
    )
    app.add_middleware(RequestMetrics, registry=registry)
    app.add_middleware(RequestIds)
