"""The worker's metrics: lag per owned partition from end offsets and progress."""

from __future__ import annotations

from prometheus_client import generate_latest

from services.normalizer.metrics import PartitionProgress, WorkerMetrics


def test_lag_is_end_minus_next_offset_for_known_partitions() -> None:
    progress = PartitionProgress()
    progress.done("articles", 0, 9)
    progress.done("articles", 1, 4)
    ends = {("articles", 0): 15, ("articles", 1): 5, ("articles", 2): 7, ("articles", 3): None}
    assert progress.lag(ends) == {("articles", 0): 5, ("articles", 1): 0}


def test_scrape_exposes_counts_time_and_lag() -> None:
    metrics = WorkerMetrics()
    metrics.watch_lag(lambda: {("articles", 2): 12})
    metrics.progress.done("articles", 2, 9)
    metrics.records.labels("published").inc()
    metrics.records.labels("dead_letter").inc()
    metrics.dead_letters.labels("ValidationError").inc()
    metrics.normalize_seconds.observe(0.002)
    text = generate_latest(metrics.registry).decode()
    assert 'normalizer_records_processed_total{outcome="published"} 1.0' in text
    assert 'normalizer_dead_letters_total{error_class="ValidationError"} 1.0' in text
    assert "normalizer_normalization_seconds_count 1.0" in text
    assert 'normalizer_partition_lag{partition="2",topic="articles"} 2.0' in text
