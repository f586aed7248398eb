"""Reading wrk's report."""

from __future__ import annotations

from bench.api_load import LoadResult, parse_wrk

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:18090/v1/timeline?q=siege
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   188.29ms  256.73ms   1.97s    92.26%
    Req/Sec   107.29     85.26   220.00     45.76%
  Latency Distribution
     50%  125.47ms
     75%  153.51ms
     90%  269.48ms
     99%    1.47s 
  632 requests in 3.01s, 23.29MB read
  Socket errors: connect 0, read 0, write 0, timeout 6
  Non-2xx or 3xx responses: 2
Requests/sec:    209.98
Transfer/sec:      7.74MB
"""  # noqa: W291 - wrk pads the 99% line


def test_parse_wrk_report() -> None:
    assert parse_wrk(WRK_OUTPUT) == LoadResult(209.98, 125.47, 1470.0, 8)
    fast = WRK_OUTPUT.replace("125.47ms", "812.00us").replace("timeout 6", "timeout 0")
    assert parse_wrk(fast).p50_ms == 0.812
