"""The normalizer workers' own view for `newstimeline status`: their /healthz and the
counters of their /metrics (records processed by outcome, dead letters, lag, gaps)."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
from prometheus_client.parser import text_string_to_metric_families

from services.platform.settings import Settings

# The samples of the worker's /metrics that status shows, summed over their labels.
SHOWN = {
    "normalizer_records_processed_total": "processed",
    "normalizer_dead_letters_total": "dead_letters",
    "normalizer_partition_lag": "lag",
    # Records found missing and read again (issue 19): above 0 means a race was met.
    "normalizer_offset_gaps_total": "gaps",
}


@dataclass
class WorkerStatus:
    url: str
    # Given on the command line or in settings: one that does not answer fails status.
    required: bool
    answered: bool = False
    counts: dict[str, float] = field(default_factory=dict)
    error: str | None = None


def worker_urls(settings: Settings, given: list[str]) -> list[tuple[str, bool]]:
    """(url, required): the named workers, else the default address, not required (a
    deployment may run its workers elsewhere)."""
    if urls := given or settings.status_worker_urls:
        return [(url, True) for url in urls]
    return [(settings.service_url("worker"), False)]


def counts_of(metrics_text: str) -> dict[str, float]:
    counts = dict.fromkeys(SHOWN.values(), 0.0)
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if shown := SHOWN.get(sample.name):
                counts[shown] += sample.value
    return counts


async def ask_worker(url: str, required: bool, timeout_s: float) -> WorkerStatus:
    status = WorkerStatus(url, required)
    base = url.rstrip("/")
    try:
        async with httpx.AsyncClient(timeout=timeout_s) as http:
            (await http.get(f"{base}/healthz")).raise_for_status()
            metrics = await http.get(f"{base}/metrics")
        metrics.raise_for_status()
    except httpx.HTTPError as exc:
        status.error = str(exc) or type(exc).__name__
        return status
    status.answered, status.counts = True, counts_of(metrics.text)
    return status
