"""HTTP metrics shared by the services: requests and latencies by route template, and the
/metrics route that exposes an app's registry.

Each app has its own registry, so that tests (and several apps in one process) never
collide on the global default registry.
"""

from __future__ import annotations

import time

from fastapi import APIRouter, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class RequestMetrics:
    """Pure ASGI middleware: cheaper than BaseHTTPMiddleware and sees the matched route."""

    def __init__(self, app: ASGIApp, registry: CollectorRegistry) -> None:
        self.app = app
        self.requests = Counter(
            "http_requests", "HTTP requests.", ["method", "route", "status"], registry=registry
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to the response's start.",
            ["method", "route"],
            registry=registry,
            buckets=LATENCY_BUCKETS,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began, status = time.perf_counter(), [500]

        async def send_observed(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                self._observe(scope, status[0], time.perf_counter() - began)
            await send(message)

        await self.app(scope, receive, send_observed)

    def _observe(self, scope: Scope, status: int, seconds: float) -> None:
        route = getattr(scope.get("route"), "path", "unmatched")
        self.requests.labels(scope["method"], route, str(status)).inc()
        self.latency.labels(scope["method"], route).observe(seconds)


def metrics_router(registry: CollectorRegistry) -> APIRouter:
    router = APIRouter(tags=["operations"])

    example = 'http_requests_total{method="GET",route="/v1/timeline",status="200"} 3.0'
    content = {CONTENT_TYPE_LATEST: {"example": example}}

    @router.get("/metrics", response_class=Response, responses={200: {"content": content}})
    def metrics() -> Response:
        """Prometheus metrics: requests and latencies by route, and the service's own."""
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return router
