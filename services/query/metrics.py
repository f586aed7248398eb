"""Prometheus metrics of one app: requests by route template, projector lag, store size.

Each app has its own registry, so that tests (and several apps in one process) never
collide on the global default registry.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.query.projector import ProjectorState

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


class StoreCollector(Collector):
    """Values read at scrape time: projector lag and skips, incidents stored."""

    def __init__(
        self, state: Callable[[], ProjectorState | None], stored: Callable[[], int]
    ) -> None:
        self._state, self._stored = state, stored

    def collect(self) -> Iterator[Metric]:
        stored = GaugeMetricFamily("incidents_stored", "Incidents in the current timeline.")
        stored.add_metric([], self._stored())
        yield stored
        state = self._state()
        if state is None:
            return
        lag = GaugeMetricFamily(
            "projector_lag_records", "Records behind the partition's end.", labels=["partition"]
        )
        for partition, records in sorted(state.lag().items()):
            lag.add_metric([str(partition)], records)
        yield lag
        skipped = CounterMetricFamily("projector_skipped_records", "Undecodable records.")
        skipped.add_metric([], state.skipped)
        yield skipped
