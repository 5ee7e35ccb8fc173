"""Run every benchmark, print one table of the goals, write ``bench/results.json``.

Each benchmark module in ``bench/`` exposes ``run(quick: bool) -> dict[str, object]``
(its figures) and prints them as ``name: value`` lines when run on its own. This runner
runs each one in its own process with a time budget, then checks the goals of the
performance issue against the figures and prints one table with PASS or MISS per goal
and its target.

The exit status is 1 when a benchmark fails or runs out of time, and 0 otherwise: a
missed target is a finding to read in the table, not a broken run.

Usage::

    python bench/run.py            # the full suite (make bench), under 10 minutes on 2 cores
    python bench/run.py --quick    # a smoke run for CI, about 2 minutes with templates ready
    python bench/run.py serving    # only some benchmarks

Set ``BENCH_DATABASE_URL=postgres://user@host:port/prefix`` to run the serving and
mixed-load benchmarks on PostgreSQL as well as SQLite, and ``BENCH_BUDGET_SCALE`` (for
example 3) to stretch the time budgets on a machine busy with other work.
"""

from __future__ import annotations

import argparse
import json
import operator
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results.json"

# The benchmarks, in running order, with their time budgets in seconds (full, quick).
REGISTRY: dict[str, tuple[int, int]] = {
    "serving": (900, 480),  # 5 rounds x 14 targets x 3 s (1 s quick) per database
    "mixed_load": (240, 240),
    "matching": (150, 90),
    "booking": (120, 90),
    "webhooks": (120, 90),
    "exports": (120, 90),
    "lists": (240, 180),
    "scale": (2400, 600),  # 100,000 applicants, 500,000 sessions (10,000 / 50,000 in --quick)
    "outcomes": (300, 240),
}
# Files in bench/ that are helpers, not benchmarks.
HELPERS = {"__init__", "run", "common", "load", "wrkload", "bare_django", "profile_page"}
VENDORS = ("sqlite", "postgresql")
SERVING_ROLES = (
    "entrepreneur",
    "mentor",
    "reviewer",
    "judge",
    "programme_staff",
    "finance",
    "funder",
)

OPS = {">=": operator.ge, "<=": operator.le, "==": operator.eq}
SYMBOLS = {">=": "≥", "<=": "≤", "==": "="}


@dataclass
class Check:
    key: str
    op: str
    target: object
    required: bool = True  # a missing optional figure is not checked

    def holds(self, figures: dict[str, object]) -> bool | None:
        if self.key not in figures:
            return None
        try:
            return bool(OPS[self.op](figures[self.key], self.target))
        except TypeError:
            return False


@dataclass
class Goal:
    code: str
    what: str
    main: Check
    extra: list[Check] = field(default_factory=list)


def goals() -> list[Goal]:
    """The goals of the performance issue that benchmarks measure (P3's query counts per
    app and P8's page weights are also tests: tests/<app>/ and tests/perf/)."""
    found: list[Goal] = []
    for v in VENDORS:
        s = f"serving_{v}"
        found.append(
            Goal(
                "P1",
                f"cached lesson ÷ bare Django, {v}",
                Check(f"{s}_cached_lesson_ratio", ">=", 0.7),
                [Check(f"{s}_cached_lesson_sql_per_request", "==", 0)],
            )
        )
        found.append(
            Goal("P2", f"rendered lesson ÷ bare Django, {v}",
                 Check(f"{s}_uncached_lesson_ratio", ">=", 0.25))
        )  # fmt: skip
        found += [
            Goal(
                "P10",
                f"Mi espacio, {role} ÷ bare Django, {v}",
                Check(f"{s}_dashboard_{role}_ratio", ">=", 0.15),
                [Check(f"{s}_dashboard_{role}_non_2xx_3xx", "==", 0, required=False)],
            )
            for role in SERVING_ROLES
        ]
        found.append(
            Goal(
                "P11",
                f"signed-in lesson ÷ bare Django, {v}",
                Check(f"{s}_signed_in_lesson_ratio", ">=", 0.15),
                [Check(f"{s}_signed_in_lesson_non_2xx_3xx", "==", 0, required=False)],
            )
        )
        found += [
            Goal(
                "P12",
                f"{what} (page cache) ÷ bare Django, {v}",
                Check(f"{s}_{name}_ratio", ">=", 0.5),
                [Check(f"{s}_{name}_sql_per_request", "==", 0)],
            )
            for name, what in (("cohort_list", "cohort list"), ("cohort", "cohort page"))
        ]
    found += [
        Goal(
            "P4",
            "matching ÷ scipy dense, same objective",
            Check("matching_ratio", "<=", 1.0),
            [Check("matching_objectives_equal", "==", True)],
        ),
        Goal(
            "P5",
            "booking contention ÷ baseline",
            Check("booking_ratio", "<=", 3.0),
            [
                Check("booking_bookings", "==", 1, required=False),
                Check("booking_errors", "==", 0, required=False),
            ],
        ),
        Goal(
            "P6",
            "webhook replay ÷ first delivery",
            Check("webhooks_ratio", "<=", 0.5),
            [Check("webhooks_ledger_writes", "==", 0, required=False)],
        ),
        Goal(
            "P3",
            "list pages 1,000 ÷ 10 rows, worst page",
            Check("lists_ratio", "<=", 1.5),
            [
                Check("lists_max_queries", "<=", 15),
                Check("lists_queries_equal", "==", True),
                Check("lists_pages_failed", "==", 0),
                Check("lists_exports_linear", "==", True, required=False),
            ],
        ),
        Goal("P7", "exports 10k ÷ 1k rows", Check("exports_ratio", "<=", 12.0)),
        Goal(
            "P3×100",
            "lists and dashboards 100,000 ÷ 1,000 rows, worst page; exports linear",
            Check("scale_ratio", "<=", 1.5),
            [
                Check("scale_rows", ">=", 0),
                Check("scale_queries_equal", "==", True),
                Check("scale_pages_failed", "==", 0),
                Check("scale_exports_linear", "==", True, required=False),
            ],
        ),
        Goal(
            "O1",
            "outcomes section 50k ÷ 500 answers",
            Check("outcomes_ratio", "<=", 1.5),
            [Check("outcomes_queries_equal", "==", True)],
        ),
    ]
    for v in VENDORS:
        found.append(
            Goal(
                "P9",
                f"mixed load 90/10, 'database is locked', {v}",
                Check(f"mixed_{v}_database_locked", "==", 0),
                [
                    Check(f"mixed_{v}_status_5xx", "==", 0),
                    Check(f"mixed_{v}_bookings", ">=", 1, required=False),
                    Check(f"mixed_{v}_read_p95_ms", ">=", 0, required=False),
                    Check(f"mixed_{v}_write_p95_ms", ">=", 0, required=False),
                ],
            )
        )
    return found


def discover(selected: list[str]) -> list[str]:
    """Registered benchmarks first (in order), then any other module with ``run``."""
    others = sorted(
        p.stem
        for p in BENCH_DIR.glob("*.py")
        if p.stem not in HELPERS and p.stem not in REGISTRY and "def run(" in p.read_text()
    )
    names = [*REGISTRY, *others]
    if selected:
        unknown = set(selected) - set(names)
        if unknown:
            raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        names = [n for n in names if n in selected]
    return names


def run_child(name: str, quick: bool, budget: int) -> dict[str, object]:
    """Run ``bench/<name>.py``'s ``run(quick)`` in its own process group with a budget."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    args = [sys.executable, str(Path(__file__)), "--child", name, "--out", str(out)]
    if quick:
        args.append("--quick")
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=ROOT, start_new_session=True)  # noqa: S603
    try:
        proc.wait(timeout=budget)
        status = "ok" if proc.returncode == 0 else "error"
        error = "" if proc.returncode == 0 else f"exit status {proc.returncode}"
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=90)  # the benchmark stops its servers first
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        status, error = "timeout", f"over its budget of {budget} s"
    seconds = round(time.monotonic() - start, 1)
    figures: dict[str, object] = {}
    if out.exists() and out.stat().st_size:
        payload = json.loads(out.read_text())
        figures = payload.get("figures", {})
        error = payload.get("error") or error
        if payload.get("error"):
            status = "error"
    out.unlink(missing_ok=True)
    return {"status": status, "seconds": seconds, "figures": figures, "error": error}


def child_main(name: str, quick: bool, out: Path) -> int:
    """In the child process: import the benchmark, run it, print and save its figures."""
    import importlib
    import traceback

    def stop(signum, frame):  # the runner's time budget: clean up servers on the way out
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    sys.path.insert(0, str(ROOT))
    from bench.common import print_figures

    try:
        module = importlib.import_module(f"bench.{name}")
        figures = module.run(quick)
    except Exception as exc:  # noqa: BLE001 - reported in the table and results.json
        traceback.print_exc()
        out.write_text(json.dumps({"figures": {}, "error": f"{type(exc).__name__}: {exc}"}))
        return 1
    print_figures(figures)
    out.write_text(json.dumps({"figures": figures, "error": ""}, default=str))
    return 0


def fmt(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def evaluate(figures: dict[str, object]) -> list[dict[str, object]]:
    rows = []
    for goal in goals():
        main = goal.main.holds(figures)
        if main is None:
            continue  # that benchmark did not run here (missing module or database)
        failed = [c for c in goal.extra if c.holds(figures) is False]
        missing = [c for c in goal.extra if c.required and c.holds(figures) is None]
        result = "PASS" if main and not failed and not missing else "MISS"
        target = f"{SYMBOLS[goal.main.op]} {fmt(goal.main.target)}"
        notes = [f"{c.key}={fmt(figures[c.key])}" for c in goal.extra if c.key in figures]
        notes += [f"{c.key} missing" for c in missing]
        rows.append(
            {
                "goal": goal.code,
                "what": goal.what,
                "value": figures[goal.main.key],
                "target": target,
                "result": result,
                "notes": ", ".join(notes),
            }
        )
    return rows


def print_table(rows: list[dict[str, object]], modules: dict[str, dict]) -> None:
    lines = [("goal", "what", "value", "target", "result", "also")]
    lines += [
        (r["goal"], r["what"], fmt(r["value"]), r["target"], r["result"], r["notes"]) for r in rows
    ]
    for name, m in modules.items():
        if m["status"] != "ok":
            lines.append(("-", f"bench/{name}.py", "-", "-", m["status"].upper(), m["error"]))
    widths = [max(len(str(line[i])) for line in lines) for i in range(5)]
    print()
    for i, line in enumerate(lines):
        cells = [str(c).ljust(w) for c, w in zip(line[:5], widths, strict=True)]
        print("  ".join([*cells, str(line[5])]).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    ran = ", ".join(f"{n} {m['seconds']:.0f}s" for n, m in modules.items())
    print(f"\nbenchmarks: {ran}")


def prepare_templates(names: list[str]) -> None:
    """Build the database templates up front, outside the benchmarks' time budgets."""
    sys.path.insert(0, str(ROOT))
    from bench import common

    os.environ["BENCH_FINGERPRINT"] = common.fingerprint()  # inherited by the benchmarks
    if not {"serving", "mixed_load"} & set(names):
        return

    # SQLite and PostgreSQL at once: each is mostly one manage.py process (2 cores)
    jobs = [lambda: common.prepare_sqlite("probe")]
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url:
        jobs.append(lambda: common.prepare_postgresql("probe", url))
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        for future in [pool.submit(job) for job in jobs]:
            try:
                future.result().cleanup()
            except Exception as exc:  # noqa: BLE001 - each benchmark then reports its own failure
                print(f"preparing a benchmark database failed: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="*", help="run only these (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI smoke runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child, args.quick, Path(args.out))

    started = time.monotonic()
    # BENCH_BUDGET_SCALE=3 stretches every time budget (a machine shared with other work).
    budget_scale = float(os.environ.get("BENCH_BUDGET_SCALE", "1"))
    names = discover(args.benchmarks)
    load_before = os.getloadavg()
    prepare_templates(names)
    modules: dict[str, dict] = {}
    for name in names:
        if not (BENCH_DIR / f"{name}.py").exists():
            print(f"== bench/{name}.py: not written yet, skipped", flush=True)
            continue
        full, quick = REGISTRY.get(name, (120, 60))
        budget = round((quick if args.quick else full) * budget_scale)
        print(f"== bench/{name}.py (budget {budget} s)", flush=True)
        modules[name] = run_child(name, args.quick, budget)
    figures = {k: v for m in modules.values() for k, v in m["figures"].items()}
    rows = evaluate(figures)
    print_table(rows, modules)
    total = round(time.monotonic() - started, 1)
    print(f"total: {total} s{' (quick)' if args.quick else ''}")
    RESULTS.write_text(
        json.dumps(
            {
                "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "quick": args.quick,
                "total_seconds": total,
                "machine": {
                    "cpus": os.cpu_count(),
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in os.getloadavg()],
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                    "postgresql": bool(os.environ.get("BENCH_DATABASE_URL")),
                    "budget_scale": budget_scale,
                },
                "goals": rows,
                "benchmarks": modules,
            },
            indent=2,
            default=str,
        )
        + "\n"
    )
    print(f"results: {RESULTS.relative_to(ROOT)}")
    return 1 if any(m["status"] != "ok" for m in modules.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
