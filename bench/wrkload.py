"""Serving load with wrk, a compiled HTTP load generator, and its bookkeeping.

A load generator written in Python with threads saturates before a Django view does on
two cores, so the serving benchmarks measure throughput with ``wrk`` (Debian's package:
``apt-get install -y wrk``). Each run here:

- asks wrk for a machine-readable summary through a small Lua script (:data:`REPORT_LUA`:
  requests, duration, bytes, errors by kind, latency percentiles), printed as one line
  that starts with :data:`MARKER` and parsed by :func:`parse_report`;
- measures the CPU time wrk itself used (``getrusage`` of the child processes around the
  run) and the CPU time of the server's process group (``/proc/<pid>/stat``), so that a
  report can show the load generator's share (:func:`cpu_share`) and a reader can see it
  was not the bottleneck.

The pure parts (parsing, ratios, medians, CPU shares, the order of the targets in each
round) are tested in ``tests/perf/test_bench.py``; nothing here imports Django.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MARKER = "WRK-REPORT "
PERCENTILES = (50, 90, 95, 99)
# wrk's Lua hooks: ``done`` runs once at the end with the summary and the latency
# histogram (microseconds). One JSON line, easy to find among wrk's own output.
REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  local parts = {
    string.format('"requests":%d', summary.requests),
    string.format('"duration_us":%d', summary.duration),
    string.format('"bytes":%d', summary.bytes),
    string.format('"connect_errors":%d', e.connect),
    string.format('"read_errors":%d', e.read),
    string.format('"write_errors":%d', e.write),
    string.format('"timeouts":%d', e.timeout),
    string.format('"non_2xx_3xx":%d', e.status),
  }
  for _, p in ipairs({50, 90, 95, 99}) do
    table.insert(parts, string.format('"p%d_us":%d', p, latency:percentile(p)))
  end
  io.write("WRK-REPORT {" .. table.concat(parts, ",") .. "}\\n")
end
"""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    bytes: int
    errors: int  # connection errors of every kind and timeouts
    non_2xx_3xx: int
    latency_ms: dict[int, float]  # percentile -> milliseconds
    wrk_cpu_seconds: float = 0.0
    server_cpu_seconds: float = 0.0
    wall_seconds: float = 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def parse_report(output: str) -> WrkResult:
    """The summary line that :data:`REPORT_LUA` printed in wrk's standard output."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            break
    else:
        raise ValueError(f"no wrk report in the output:\n{output[-2000:]}")
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        errors=data["connect_errors"] + data["read_errors"] + data["write_errors"]
        + data["timeouts"],
        non_2xx_3xx=data["non_2xx_3xx"],
        latency_ms={p: data[f"p{p}_us"] / 1000 for p in PERCENTILES},
    )  # fmt: skip


def cpu_share(cpu_seconds: float, wall_seconds: float, cores: int) -> float:
    """Fraction of the machine's CPU capacity over ``wall_seconds`` that was used."""
    if wall_seconds <= 0 or cores <= 0:
        return 0.0
    return cpu_seconds / (wall_seconds * cores)


def share_of(part: float, other: float) -> float:
    """``part`` ÷ (``part`` + ``other``): the load generator's share of the CPU time that
    the load generator and the server used together."""
    total = part + other
    return part / total if total > 0 else 0.0


def ratios(values: Sequence[float], bases: Sequence[float]) -> list[float]:
    """Per-round ratios ``value ÷ base`` of rounds measured side by side (rounds whose
    base is 0 are left out)."""
    if len(values) != len(bases):
        raise ValueError("one base per round")
    return [v / b for v, b in zip(values, bases, strict=True) if b]


def median(values: Sequence[float]) -> float:
    """The median, or 0.0 with no values (a target that never answered)."""
    return float(statistics.median(values)) if values else 0.0


def round_order(names: Sequence[str], round_no: int) -> list[str]:
    """The targets of round ``round_no``, rotated by one place each round and reversed on
    odd rounds, so that no target is always first, last, or after the same neighbour."""
    if not names:
        return []
    shift = round_no % len(names)
    order = list(names[shift:]) + list(names[:shift])
    return order[::-1] if round_no % 2 else order


# --- processes -------------------------------------------------------------------------

_CLK_TCK = os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds (user + system, with reaped children) of the live processes of the
    process group ``pgid`` (a gunicorn master and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            # fields[0] is the state (field 3 of proc(5)); utime is field 14
            total += sum(int(x) for x in fields[11:15])
    return total / _CLK_TCK


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(
    url: str,
    *,
    seconds: float,
    connections: int,
    threads: int = 1,
    headers: dict[str, str] | None = None,
    server_pgid: int | None = None,
) -> WrkResult:
    """Load ``url`` for ``seconds`` with wrk; the summary, with wrk's and the server's CPU."""
    if not available():
        raise RuntimeError("wrk is not installed (apt-get install -y wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REPORT_LUA)
    args = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        "--timeout", "10s", "-s", script.name,
    ]  # fmt: skip
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    args.append(url)
    server_before = group_cpu_seconds(server_pgid) if server_pgid else 0.0
    cpu_before, wall_before = _children_cpu(), time.monotonic()
    try:
        proc = subprocess.run(  # noqa: S603
            args, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    wall = time.monotonic() - wall_before
    wrk_cpu = _children_cpu() - cpu_before
    server_cpu = (group_cpu_seconds(server_pgid) - server_before) if server_pgid else 0.0
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    result = parse_report(proc.stdout)
    return WrkResult(
        **{
            **result.__dict__,
            "wrk_cpu_seconds": wrk_cpu,
            "server_cpu_seconds": server_cpu,
            "wall_seconds": wall,
        }
    )
