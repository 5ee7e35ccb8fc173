"""Benchmark: lesson page throughput against a bare Django view on the same server (P1, P2).

The site runs under gunicorn with the production settings and 2 workers (see
``bench/common.py``) on a database prepared for the benchmark (the demo data with the
starter curriculum): SQLite always, and PostgreSQL when ``BENCH_DATABASE_URL`` is set. A
separate process (``bench/load.py``) loads three targets on that one server, interleaved
round by round:

- ``baseline``: ``semilla.benchmark.baseline``, a bare ``HttpResponse`` behind the same
  middleware as every page;
- ``cached``: an anonymous visitor reading a lesson page that the page cache holds;
- ``uncached``: the same lesson page with a query string, which the page cache never
  serves, so every request renders the page (routing, queries, templates).

Figures per database (``serving_<vendor>_...``): requests per second (median of the
rounds), the ratios ``cached / baseline`` (P1, target >= 0.7) and ``uncached / baseline``
(P2, target >= 0.25), the medians of the per-round ratios, SQL statements per request
(``X-Bench-Queries``; of which on the database cache table), latency percentiles and
non-2xx answers.

Usage::

    python bench/serving.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    BENCH_VAR,
    Database,
    Gunicorn,
    collectstatic,
    databases,
    django_call,
    http_get,
    log,
    print_figures,
    run_load,
    secret_key,
    serve_env,
)

CONNECTIONS = 4  # 2 workers x 2 threads (gunicorn.conf.py)


def _sql_per_request(counter: dict[str, int]) -> tuple[float, int]:
    """(mean, max) of the SQL statements per request from a header-value histogram."""
    total = sum(counter.values())
    if not total:
        return -1.0, -1
    mean = sum(int(k) * v for k, v in counter.items()) / total
    return round(mean, 2), max(int(k) for k in counter)


def measure(db: Database, quick: bool) -> dict[str, object]:
    secret = secret_key()
    env = serve_env(db, secret)
    collectstatic(env)
    pages = django_call(db, "pages", secret)
    if not pages["lesson"]:
        raise RuntimeError("no live lesson page in the benchmark database")
    lesson = pages["lesson"]
    prefix = f"serving_{db.vendor}"
    with Gunicorn(env, BENCH_VAR / f"serving-{db.vendor}.log") as server:
        for path in (lesson, lesson, "/bench/baseline/"):
            status, _ = http_get(server.port, path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}:\n{server.log_text()[-2000:]}")
        plan = {
            "mode": "ab",
            "host": "127.0.0.1",
            "port": server.port,
            "connections": CONNECTIONS,
            "rounds": 5 if quick else 7,
            "seconds": 1.0 if quick else 3.0,
            "warmup": 0.5 if quick else 2.0,
            "targets": [
                {"name": "baseline", "path": "/bench/baseline/"},
                {"name": "cached", "path": lesson},
                {"name": "uncached", "path": f"{lesson}?bench=uncached"},
            ],
        }
        log(f"serving on {db.vendor}: {plan['rounds']} rounds x 3 targets x {plan['seconds']} s")
        result = run_load(plan, timeout=600)
        server_errors = server.count("Traceback")
    t = result["targets"]
    base, cached, uncached = (t[n] for n in ("baseline", "cached", "uncached"))
    cached_ratios = [c / b for c, b in zip(cached["rps"], base["rps"], strict=True) if b]
    uncached_ratios = [u / b for u, b in zip(uncached["rps"], base["rps"], strict=True) if b]
    cached_sql, cached_sql_max = _sql_per_request(cached["queries"])
    cached_cache_sql, _ = _sql_per_request(cached["cache_queries"])
    uncached_sql, _ = _sql_per_request(uncached["queries"])
    baseline_sql, _ = _sql_per_request(base["queries"])
    non_2xx = sum(
        count
        for target in t.values()
        for status, count in target["statuses"].items()
        if not status.startswith("2")
    ) + sum(sum(target["errors"].values()) for target in t.values())
    return {
        f"{prefix}_lesson_path": lesson,
        f"{prefix}_rounds": plan["rounds"],
        f"{prefix}_baseline_rps": base["rps_median"],
        f"{prefix}_cached_rps": cached["rps_median"],
        f"{prefix}_uncached_rps": uncached["rps_median"],
        f"{prefix}_cached_ratio": round(statistics.median(cached_ratios), 3),
        f"{prefix}_uncached_ratio": round(statistics.median(uncached_ratios), 3),
        f"{prefix}_baseline_sql_per_request": baseline_sql,
        f"{prefix}_cached_sql_per_request": cached_sql,
        f"{prefix}_cached_sql_max": cached_sql_max,
        f"{prefix}_cached_cache_table_sql_per_request": cached_cache_sql,
        f"{prefix}_uncached_sql_per_request": uncached_sql,
        f"{prefix}_baseline_p50_ms": base["latency_ms_p50"],
        f"{prefix}_cached_p50_ms": cached["latency_ms_p50"],
        f"{prefix}_uncached_p50_ms": uncached["latency_ms_p50"],
        f"{prefix}_uncached_p95_ms": uncached["latency_ms_p95"],
        f"{prefix}_lesson_bytes": cached["mean_bytes"],
        f"{prefix}_non_2xx": non_2xx,
        f"{prefix}_server_errors": server_errors,
    }


def run(quick: bool) -> dict[str, object]:
    """Measure on SQLite, and on PostgreSQL when ``BENCH_DATABASE_URL`` is set."""
    figures: dict[str, object] = {}
    for db in databases("serving"):
        try:
            figures.update(measure(db, quick))
        finally:
            db.cleanup()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short rounds, for CI smoke")
    args = parser.parse_args(argv)
    print_figures(run(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
