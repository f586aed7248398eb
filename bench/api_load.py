"""Load generators for `make bench-api`, each in its own process: wrk when installed,
otherwise an httpx client (this module's `__main__`) with the same shape of output."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx


@dataclass(frozen=True)
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


# Makes every request's URL unique (an ignored parameter), so no response cache can help.
UNIQUE_URLS_LUA = """
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
local n = 0
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. id .. "-" .. n)
end
"""


def run_load(url: str, connections: int, duration_s: float, *, unique: bool = False) -> LoadResult:
    """Drive `url` with `connections` concurrent keep-alive clients for `duration_s`;
    `unique` appends a distinct ignored parameter to every request."""
    wrk = shutil.which("wrk")
    if wrk:
        return _with_wrk(wrk, url, connections, duration_s, unique=unique)
    mode = "unique" if unique else "same"
    command = [
        sys.executable,
        "-m",
        "bench.api_load",
        url,
        str(connections),
        str(duration_s),
        mode,
    ]
    root = Path(__file__).resolve().parents[1]  # bench/ is run from the checkout
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=duration_s + 60, cwd=root
    )
    return LoadResult(**json.loads(done.stdout))


def _with_wrk(
    wrk: str, url: str, connections: int, duration_s: float, *, unique: bool
) -> LoadResult:
    command = [wrk, "-t2", f"-c{connections}", f"-d{duration_s:.0f}s", "--latency", url]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(UNIQUE_URLS_LUA)
        script.flush()
        extra = ["-s", script.name] if unique else []
        out = subprocess.run(
            command + extra, capture_output=True, text=True, check=True, timeout=duration_s + 60
        ).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> LoadResult:
    """Rate, median and 99th percentile of `wrk --latency` output; errors are non-2xx
    responses and socket timeouts."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", out, re.MULTILINE))
    failed = re.findall(r"Non-2xx or 3xx responses: (\d+)|timeout (\d+)", out)
    return LoadResult(
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),  # type: ignore[index]
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        errors=sum(int(n or 0) for pair in failed for n in pair),
    )


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


async def _client_loop(
    http: httpx.AsyncClient, url: str, until: float, latencies: list[float], unique: bool
) -> int:
    errors = 0
    sep = "&" if "?" in url else "?"
    while time.perf_counter() < until:
        target = f"{url}{sep}nocache={len(latencies)}-{id(latencies)}" if unique else url
        began = time.perf_counter()
        response = await http.get(target)
        latencies.append(time.perf_counter() - began)
        errors += response.status_code >= 400
    return errors


async def _httpx_load(url: str, connections: int, duration_s: float, unique: bool) -> LoadResult:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=30) as http:
        until = time.perf_counter() + duration_s
        loops = [_client_loop(http, url, until, latencies, unique) for _ in range(connections)]
        errors = sum(await asyncio.gather(*loops))
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return LoadResult(len(latencies) / duration_s, pct(0.5), pct(0.99), errors)


if __name__ == "__main__":
    target, clients, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    result = asyncio.run(_httpx_load(target, clients, seconds, sys.argv[4] == "unique"))
    sys.stdout.write(json.dumps(asdict(result)))
