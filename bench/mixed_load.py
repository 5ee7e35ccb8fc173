"""Benchmark: a mixed load of reads and writes with the task cluster running (P9).

The site runs under gunicorn (production settings, 2 workers) with ``manage.py qcluster``
beside it, on SQLite and, when ``BENCH_DATABASE_URL`` is set, on PostgreSQL. A separate
load process (``bench/load.py``, mode ``mix``) plays concurrent visitors for 60 seconds
(15 in ``--quick``; ``BENCH_MIXED_SECONDS`` overrides both):

reads (about 90 % of the requests)
    the home page, a lesson, the cohort list and a cohort's page (anonymous); "Mi espacio",
    "my applications" and the first step of one's application (signed in);
writes (about 10 %)
    saving the first step of one's draft application (a transaction that locks the
    application and records history), booking a session with one's mentor (a free slot
    picked from the booking page; the service locks the pair, checks the slot and the
    allowance, and queues the notifications), signing up (a new account, e-mail address,
    role, confirmation e-mail queued for the task cluster) and logging in (a new session).
    Every visitor is the mentee of an accepted match (``bench/common.py``); two visitors
    share a mentor, so bookings also compete for slots.

Every write first fetches its form (for the CSRF cookie), so each write action is one
read and one write; the weights below give about one write in ten requests.

The goal: zero "database is locked" errors (counted in the web and task-cluster logs),
and no server errors. Answers 429 are allauth's rate limits on sign-up and log-in (all
load comes from one address) and are reported apart; they are not errors.

Usage::

    python bench/mixed_load.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    BENCH_VAR,
    LOCKED,
    Database,
    Gunicorn,
    TaskCluster,
    collectstatic,
    databases,
    django_call,
    log,
    print_figures,
    run_load,
    secret_key,
    serve_env,
)

VISITORS = 8
LOGIN_PASSWORD = "carga-de-prueba-2026"  # noqa: S105 - a benchmark-only account
# Not derived from the address: the similarity validator would refuse it.
SIGNUP_PASSWORD = "girasoles-en-el-cafetal-2026"  # noqa: S105


def actions(
    pages: dict[str, str],
    cohort_slug: str,
    login_email: str,
    bookings: bool = True,
    booking_days: list[str] | None = None,
) -> list[dict]:
    """The mix: 88 read actions and 12 write actions (each write also reads its form).

    Booking (weight 3) is spread over the days the booking page offers
    (``booking_days``): the visitor opens one day's page (``?dia=``), picks one of its
    free times (a ``hora=`` link) and posts the short form with it."""
    reads = [
        {"name": "home", "kind": "get", "path": "/es/", "weight": 13},
        {"name": "lesson", "kind": "get", "path": pages["lesson"], "weight": 16},
        {"name": "cohort_list", "kind": "get", "path": pages["cohort_list"], "weight": 13},
        {"name": "cohort", "kind": "get", "path": f"/es/cohortes/{cohort_slug}/", "weight": 10},
        {"name": "dashboard", "kind": "get", "path": "/es/mi-espacio/", "auth": True,
         "weight": 12},
        {"name": "my_applications", "kind": "get", "path": "/es/cohortes/mis-solicitudes/",
         "auth": True, "weight": 12},
        {"name": "draft_read", "kind": "get", "path": "{draft_path}", "auth": True,
         "weight": 12},
    ]  # fmt: skip
    writes = [
        {"name": "draft_save", "kind": "post", "path": "{draft_path}", "auth": True,
         "form": "draft_form", "weight": 5},  # the visitor's own valid form
        {"name": "signup", "kind": "post", "path": pages["signup"], "fresh": True,
         "form": {"email": "nueva{n}@bench.semilla.invalid", "full_name": "Nueva persona {n}",
                  "password1": SIGNUP_PASSWORD, "password2": SIGNUP_PASSWORD},
         "weight": 2},
        {"name": "login", "kind": "post", "path": pages["login"], "fresh": True,
         "form": {"login": login_email, "password": LOGIN_PASSWORD}, "weight": 2},
    ]  # fmt: skip
    days = booking_days or []
    if bookings and days:
        writes += [
            {"name": "booking", "kind": "post", "path": f"/es/mentores/reservar/?dia={day}",
             "post_path": "/es/mentores/reservar/", "auth": True,
             "form": {"mode": "virtual", "topic": "Flujo de caja", "note": ""},
             "pick": {"hora": r"hora=(\d+)#reservar"}, "weight": 3 / len(days)}
            for day in days
        ]  # fmt: skip
    return [a for a in reads + writes if a["path"]]


def measure(db: Database, quick: bool) -> dict[str, object]:
    secret = secret_key()
    env = serve_env(db, secret)
    collectstatic(env)
    log("creating the visitors")
    setup = django_call(
        db,
        "mixed_setup",
        secret,
        count=VISITORS // 2 if quick else VISITORS,
        password=LOGIN_PASSWORD,
    )
    pages, before = setup["pages"], setup["counts"]
    if not setup["cohort"]:
        raise RuntimeError("no open cohort in the benchmark database (cohorts demo data)")
    duration = float(os.environ.get("BENCH_MIXED_SECONDS", 15 if quick else 60))
    bookings = not setup["bookings_unavailable"]
    if not bookings:
        log(f"bookings left out of the mix: {setup['bookings_unavailable']}")
    mix = actions(
        pages, setup["cohort"], setup["login_email"], bookings, setup.get("booking_days", [])
    )
    visitors = setup["visitors"]
    plan = {
        "mode": "mix",
        "host": "127.0.0.1",
        "duration": duration,
        "actions": mix,
        "visitors": visitors,
    }
    prefix = f"mixed_{db.vendor}"
    with (
        Gunicorn(env, BENCH_VAR / f"mixed-{db.vendor}-web.log") as server,
        TaskCluster(env, BENCH_VAR / f"mixed-{db.vendor}-tasks.log") as cluster,
    ):
        plan["port"] = server.port
        log(f"mixed load on {db.vendor}: {len(visitors)} visitors for {duration:.0f} s")
        result = run_load(plan, timeout=duration + 300)
        locked = server.count(LOCKED) + cluster.count(LOCKED)
        tracebacks = server.count("Traceback") + cluster.count("Traceback")
    (BENCH_VAR / f"mixed-{db.vendor}-load.json").write_text(json.dumps(result, indent=1))
    after = django_call(db, "counts", secret)
    acts = result["actions"]
    writes = sum(a["requests"] for a in acts.values() if a["kind"] == "post")
    requests = sum(a["requests"] for a in acts.values())
    by_class: dict[str, int] = {}
    for a in acts.values():
        for status, count in a["statuses"].items():
            key = "429" if status == "429" else f"{status[0]}xx"
            by_class[key] = by_class.get(key, 0) + count
    nothing_to_pick = sum(a["errors"].get("nothing_to_pick", 0) for a in acts.values())
    transport_errors = sum(sum(a["errors"].values()) for a in acts.values()) - nothing_to_pick
    return {
        f"{prefix}_seconds": result["seconds"],
        f"{prefix}_visitors": len(visitors),
        f"{prefix}_requests": requests,
        f"{prefix}_rps": round(requests / result["seconds"], 1),
        f"{prefix}_write_share": round(writes / requests, 3) if requests else 0,
        f"{prefix}_draft_saves": acts.get("draft_save", {}).get("statuses", {}).get("302", 0),
        f"{prefix}_signups": after["users"] - before["users"],
        f"{prefix}_signups_refused": acts.get("signup", {}).get("statuses", {}).get("200", 0),
        f"{prefix}_logins": acts.get("login", {}).get("statuses", {}).get("302", 0),
        f"{prefix}_bookings": after["bookings"] - before["bookings"],
        f"{prefix}_booking_posts": acts.get("booking", {}).get("requests", 0),
        f"{prefix}_booking_no_free_slot": nothing_to_pick,
        f"{prefix}_rate_limited_429": by_class.get("429", 0),
        f"{prefix}_status_4xx": by_class.get("4xx", 0),
        f"{prefix}_status_5xx": by_class.get("5xx", 0),
        f"{prefix}_transport_errors": transport_errors,
        f"{prefix}_tracebacks": tracebacks,
        f"{prefix}_database_locked": locked,
        f"{prefix}_tasks_done": after["tasks_done"] - before["tasks_done"],
        f"{prefix}_read_p95_ms": max(
            (a["latency_ms_p95"] or 0 for a in acts.values() if a["kind"] == "get"), default=0
        ),
        f"{prefix}_write_p95_ms": max(
            (a["latency_ms_p95"] or 0 for a in acts.values() if a["kind"] == "post"), default=0
        ),
    }


def run(quick: bool) -> dict[str, object]:
    """Run on SQLite, and on PostgreSQL when ``BENCH_DATABASE_URL`` is set."""
    figures: dict[str, object] = {}
    for db in databases("mixed"):
        try:
            figures.update(measure(db, quick))
        finally:
            db.cleanup()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="15 seconds, for CI smoke")
    args = parser.parse_args(argv)
    print_figures(run(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
