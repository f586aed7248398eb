"""Prometheus metrics read at scrape time: projector lag, skipped records, store size."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from services.query.projector import ProjectorState


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
