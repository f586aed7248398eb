"""The normalizer worker's Prometheus metrics: records by outcome, dead letters by cause,
normalization time, and lag per partition of the articles topic.

Lag is read when scraped: the end offset the consumer last saw for each partition it owns,
minus the next offset this worker has to process there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

# Normalizing one article takes about a millisecond; long bodies take tens.
NORMALIZE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)

Partition = tuple[str, int]
EndOffsets = Callable[[], Mapping[Partition, int | None]]


@dataclass
class PartitionProgress:
    """Next offset to process per partition, as the agent moves through records."""

    next_offsets: dict[Partition, int] = field(default_factory=dict)

    def done(self, topic: str, partition: int, offset: int) -> None:
        self.next_offsets[(topic, partition)] = offset + 1

    def lag(self, ends: Mapping[Partition, int | None]) -> dict[Partition, int]:
        """Records behind, for each owned partition whose end and position are known."""
        return {
            tp: max(end - self.next_offsets[tp], 0)
            for tp, end in ends.items()
            if end is not None and tp in self.next_offsets
        }


class LagCollector(Collector):
    def __init__(self, progress: PartitionProgress, ends: EndOffsets) -> None:
        self.progress, self.ends = progress, ends

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "normalizer_partition_lag",
            "Records of the articles topic not yet processed, per owned partition.",
            labels=["topic", "partition"],
        )
        for (topic, partition), lag in sorted(self.progress.lag(self.ends()).items()):
            gauge.add_metric([topic, str(partition)], lag)
        yield gauge


@dataclass
class WorkerMetrics:
    """One registry per worker app, so tests can build several without collisions."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    progress: PartitionProgress = field(default_factory=PartitionProgress)

    def __post_init__(self) -> None:
        self.records = Counter(
            "normalizer_records_processed",
            "Article records handled, by outcome (published, skipped, dead_letter).",
            ["outcome"],
            registry=self.registry,
        )
        self.dead_letters = Counter(
            "normalizer_dead_letters",
            "Records sent to the dead-letter topic, by error class.",
            ["error_class"],
            registry=self.registry,
        )
        self.gaps = Counter(
            "normalizer_offset_gaps",
            "Records of an owned partition found not handled while a later one was (each is "
            "read again and handled before the committed offset moves past it).",
            registry=self.registry,
        )
        self.healed = Counter(
            "normalizer_healed_records",
            "Records read again and handled to fill a gap.",
            registry=self.registry,
        )
        self.normalize_seconds = Histogram(
            "normalizer_normalization_seconds",
            "Time to decode, normalize and build the timeline of one record.",
            registry=self.registry,
            buckets=NORMALIZE_BUCKETS,
        )

    def watch_lag(self, ends: EndOffsets) -> None:
        self.registry.register(LagCollector(self.progress, ends))
