"""Benchmark: serving throughput with wrk, as ratios to a bare Django project (P1, P2, P10,
P11, P12).

Two servers run side by side under gunicorn with the repository's ``gunicorn.conf.py``
(2 workers, 2 threads each):

- the site, with the production settings, on a database prepared for the benchmark (the
  demo data with the starter curriculum): SQLite always, PostgreSQL too when
  ``BENCH_DATABASE_URL`` is set;
- ``bench/bare_django.py``, a one-file Django project with no middleware, no apps and no
  database, whose one view answers 3 bytes: the yardstick.

wrk (a compiled load generator, ``bench/wrkload.py``) loads every target for a few seconds
with 4 keep-alive connections, in rounds; the order of the targets changes from round to
round (rotated, and reversed every other round). A target's ratio is the median over the
rounds of (its requests per second ÷ the bare project's in the same round). The targets:

``bare``             the bare project (the denominator);
``baseline``         ``/bench/baseline/`` on the site: the same 3-byte answer behind every
                     middleware of the site (the old denominator, shown beside);
``cached_lesson``    P1, an anonymous reader's lesson from the page cache (0 SQL);
``uncached_lesson``  P2, the same lesson with a query string: rendered on every request;
``signed_in_lesson`` P11, the lesson read again by a signed-in entrepreneur;
``dashboard_<role>`` P10, "Mi espacio" of the demo account of each role (second factor
                     passed for the roles that need it);
``cohort_list``, ``cohort``  P12, the public cohort list and an open cohort's page from
                     the page cache.

Before the rounds, a few plain requests to each target read the ``X-Bench-Queries``
header (SQL statements per request) and ``X-Page-Cache``. wrk's own CPU time and the
servers' are measured around every run: ``..._wrk_cpu_share`` is wrk's share of the
machine during the rounds, ``..._wrk_cpu_of_load`` its share of the CPU time that wrk and
the server used together (on the bare project, where wrk works hardest per server CPU
second, ``..._wrk_cpu_of_load_bare``).

Usage::

    python bench/serving.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import wrkload  # noqa: E402
from bench.common import (  # noqa: E402
    BENCH_VAR,
    Database,
    Gunicorn,
    base_env,
    collectstatic,
    databases,
    django_call,
    log,
    print_figures,
    secret_key,
    serve_env,
)

CONNECTIONS = 4  # 2 workers x 2 threads (gunicorn.conf.py)
ROLES = ("entrepreneur", "mentor", "reviewer", "judge", "programme_staff", "finance", "funder")
QUERIES_HEADER = "X-Bench-Queries"
PROBES = 5  # plain requests per target that read the SQL count


def targets(pages: dict[str, str], sessions: dict[str, str]) -> list[dict[str, str]]:
    """The targets on the site (the bare project is added by :func:`measure`)."""
    lesson = pages["lesson"]
    found = [
        {"name": "baseline", "path": "/bench/baseline/"},
        {"name": "cached_lesson", "path": lesson},
        {"name": "uncached_lesson", "path": f"{lesson}?bench=uncached"},
        {"name": "cohort_list", "path": pages.get("cohort_list", "")},
        {"name": "cohort", "path": pages.get("cohort", "")},
    ]
    if "entrepreneur" in sessions:
        found.append(
            {"name": "signed_in_lesson", "path": lesson, "cookie": sessions["entrepreneur"]}
        )
    found += [
        {"name": f"dashboard_{role}", "path": "/es/mi-espacio/", "cookie": sessions[role]}
        for role in ROLES
        if role in sessions
    ]
    return [t for t in found if t["path"]]


def _probe(port: int, path: str, cookie: str) -> tuple[int, list[int], str]:
    """(status, SQL statements of each probe, X-Page-Cache of the last)."""
    import http.client

    counts, status, cache = [], 0, ""
    for _ in range(PROBES):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": f"127.0.0.1:{port}"}
        if cookie:
            headers["Cookie"] = cookie
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
            counts.append(int(response.getheader(QUERIES_HEADER, "-1")))
            cache = response.getheader("X-Page-Cache", "")
        finally:
            conn.close()
    return status, counts, cache


def summarise(
    prefix: str, runs: dict[str, list[wrkload.WrkResult]], cores: int
) -> dict[str, object]:
    """Figures from the rounds: per target its median requests per second, latency, its
    ratios to the bare project and to the baseline view; wrk's CPU shares."""
    figures: dict[str, object] = {}
    bare = [r.rps for r in runs["bare"]]
    base = [r.rps for r in runs.get("baseline", [])]
    for name, results in runs.items():
        rps = [r.rps for r in results]
        figures[f"{prefix}_{name}_rps"] = round(wrkload.median(rps), 1)
        figures[f"{prefix}_{name}_p50_ms"] = round(
            wrkload.median([r.latency_ms[50] for r in results]), 2
        )
        figures[f"{prefix}_{name}_p95_ms"] = round(
            wrkload.median([r.latency_ms[95] for r in results]), 2
        )
        figures[f"{prefix}_{name}_non_2xx_3xx"] = sum(r.non_2xx_3xx for r in results)
        figures[f"{prefix}_{name}_errors"] = sum(r.errors for r in results)
        if name != "bare":
            figures[f"{prefix}_{name}_ratio"] = round(wrkload.median(wrkload.ratios(rps, bare)), 3)
        if base and name not in ("bare", "baseline"):
            figures[f"{prefix}_{name}_ratio_to_baseline"] = round(
                wrkload.median(wrkload.ratios(rps, base)), 3
            )
    every = [r for results in runs.values() for r in results]
    wrk_cpu = sum(r.wrk_cpu_seconds for r in every)
    server_cpu = sum(r.server_cpu_seconds for r in every)
    wall = sum(r.wall_seconds for r in every)
    figures[f"{prefix}_wrk_cpu_share"] = round(wrkload.cpu_share(wrk_cpu, wall, cores), 3)
    figures[f"{prefix}_wrk_cpu_of_load"] = round(wrkload.share_of(wrk_cpu, server_cpu), 3)
    figures[f"{prefix}_wrk_cpu_of_load_bare"] = round(
        wrkload.share_of(
            sum(r.wrk_cpu_seconds for r in runs["bare"]),
            sum(r.server_cpu_seconds for r in runs["bare"]),
        ),
        3,
    )
    return figures


def measure(db: Database, quick: bool) -> dict[str, object]:
    import os

    secret = secret_key()
    env = serve_env(db, secret)
    collectstatic(env)
    setup = django_call(db, "serving_setup", secret)
    pages, sessions = setup["pages"], setup["sessions"]
    if not pages["lesson"]:
        raise RuntimeError("no live lesson page in the benchmark database")
    prefix = f"serving_{db.vendor}"
    rounds = 5
    seconds = 1.0 if quick else 3.0
    figures: dict[str, object] = {f"{prefix}_rounds": rounds, f"{prefix}_seconds": seconds}
    bare_env = base_env(GUNICORN_THREADS="2")
    with (
        Gunicorn(env, BENCH_VAR / f"serving-{db.vendor}.log") as site,
        Gunicorn(
            bare_env, BENCH_VAR / "serving-bare.log", app="bench.bare_django:application"
        ) as bare,
    ):
        plan = [{"name": "bare", "path": "/", "server": bare}]
        for target in targets(pages, sessions):
            # twice: the first probes fill the caches (and record the signed-in reader's
            # visit of the lesson); the second read the steady state
            for _ in range(2):
                status, counts, cache = _probe(site.port, target["path"], target.get("cookie", ""))
            if status != 200:
                log(f"{target['name']} answered {status}: left out")
                figures[f"{prefix}_{target['name']}_status"] = status
                continue
            figures[f"{prefix}_{target['name']}_sql_per_request"] = max(counts)
            if cache:
                figures[f"{prefix}_{target['name']}_page_cache"] = cache
            plan.append({**target, "server": site})
        names = [t["name"] for t in plan]
        by_name = {t["name"]: t for t in plan}
        log(f"serving on {db.vendor}: {rounds} rounds x {len(plan)} targets x {seconds} s")
        for name in names:  # warm-up, not counted
            run_target(by_name[name], 0.5 if quick else 1.0)
        runs: dict[str, list[wrkload.WrkResult]] = {name: [] for name in names}
        for round_no in range(rounds):
            for name in wrkload.round_order(names, round_no):
                runs[name].append(run_target(by_name[name], seconds))
        # every round's figure, so a reader can see how much the medians hide
        for name in names:
            log(f"{name:<32} " + " ".join(f"{r.rps:7.0f}" for r in runs[name]) + "  req/s by round")
        figures[f"{prefix}_server_errors"] = site.count("Traceback")
    figures.update(summarise(prefix, runs, os.cpu_count() or 1))
    figures[f"{prefix}_lesson_path"] = pages["lesson"]
    return figures


def run_target(target: dict, seconds: float) -> wrkload.WrkResult:
    server = target["server"]
    headers = {"Host": f"127.0.0.1:{server.port}"}
    if target.get("cookie"):
        headers["Cookie"] = target["cookie"]
    return wrkload.run_wrk(
        f"http://127.0.0.1:{server.port}{target['path']}",
        seconds=seconds,
        connections=CONNECTIONS,
        headers=headers,
        server_pgid=server.proc.pid,
    )


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
