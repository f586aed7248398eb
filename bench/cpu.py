"""Where the CPU goes during a benchmark phase: CPU seconds per process from /proc, and
optional py-spy profiles of the service processes (collapsed stacks, summarized)."""

from __future__ import annotations

import collections
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_LINE = re.compile(r":\d+\)$")  # frames differ by line; functions are what we rank


def own_cpu_seconds(pid: int) -> float | None:
    """User plus system CPU seconds of a process (its threads included), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # Fields after the command name start at field 3 (state): utime is 14, stime 15.
    return (int(fields[11]) + int(fields[12])) / TICKS


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as every bench prints it."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def children(pid: int) -> list[int]:
    """The live child processes of `pid` (the worker command's Faust child, for one); from
    each process's parent id, since not every kernel lists a task's children."""
    found: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            found.append(int(stat.parent.name))
    return found


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds of a process and its live descendants (a supervising process does
    little itself), or None when it is gone."""
    own = own_cpu_seconds(pid)
    if own is None:
        return None
    return own + sum(cpu_seconds(child) or 0.0 for child in children(pid))


class CpuMeter:
    """CPU seconds each named process (with its descendants, except those named `alone`)
    spent between `start` and `stop`."""

    def __init__(self, pids: Mapping[str, int], alone: frozenset[str] = frozenset()) -> None:
        self.pids = dict(pids)
        self.alone = alone
        self._before: dict[str, float] = {}
        self.spent: dict[str, float] = {}

    def _seconds(self, name: str) -> float | None:
        pid = self.pids[name]
        return own_cpu_seconds(pid) if name in self.alone else cpu_seconds(pid)

    def start(self) -> None:
        self._before = {n: s for n in self.pids if (s := self._seconds(n)) is not None}

    def stop(self) -> dict[str, float]:
        for name, before in self._before.items():
            after = self._seconds(name)
            if after is not None:
                self.spent[name] = after - before
        return self.spent


@contextmanager
def profiled(pids: Mapping[str, int], folder: Path | None, tag: str) -> Iterator[list[Path]]:
    """py-spy sampling each process while the block runs, into `folder`/tag-name.txt
    (collapsed stacks); nothing when `folder` is None or py-spy is missing."""
    # The dev dependency installs py-spy beside this interpreter, which may not be on PATH.
    spy = shutil.which(
        "py-spy", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    )
    outputs: list[Path] = []
    spies: list[subprocess.Popen[bytes]] = []
    if folder is not None and spy is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, pid in pids.items():
            out = folder / f"{tag}-{name}.txt"
            command = [spy, "record", "--pid", str(pid), "--rate", "50", "--format", "raw"]
            command += ["--subprocesses"]  # the worker command runs Faust in a child
            command += ["--nonblocking", "--output", str(out)]
            quiet = subprocess.DEVNULL
            spies.append(subprocess.Popen(command, stdout=quiet, stderr=quiet))
            outputs.append(out)
    try:
        yield outputs
    finally:
        for process in spies:
            process.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
        for process in spies:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def top_frames(collapsed: Path, count: int = 12) -> list[tuple[str, float]]:
    """The functions with the most samples at the top of the stack (self time), as
    (function, share of samples) from py-spy's collapsed output."""
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text(errors="replace").splitlines():
        stack, _, samples = line.rpartition(" ")
        if not stack or not samples.isdigit():
            continue
        frame = _LINE.sub(")", stack.rsplit(";", 1)[-1])
        own[frame] += int(samples)
        total += int(samples)
    return [(frame, n / total) for frame, n in own.most_common(count)] if total else []
