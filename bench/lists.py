"""Benchmark: list, queue and dashboard pages with 1,000 rows ÷ the same pages with 10 rows
(P3: at most 1.5, paginated; the same query count, at most 15 queries a page).

Two copies of the benchmark template database (migrated, demo data; see bench/common.py)
get 10 and 1,000 rows of each list's records (bulk inserted: applicants with submitted
applications, half of them participants, review assignments for one reviewer, staff
access-audit entries). Two worker processes, one per database, each with Django set up
(production settings) and a staff member signed in through Django's test client, answer
timing requests from this process. Rounds alternate which database runs first, every
page is timed in every round, and each figure is a median of the rounds (7; 5 with
``--quick``).

Pages: the staff console's application and participant lists, the selection board of a
cohort, the indicator dashboard, the access audit, a reviewer's queue, the console's list
of mentoring sessions (5 sessions per applicant: 500,000 at the scale of bench/scale.py),
and the finance desk's grants list and home (half a ledger row per applicant: 50,000).

Figures: ``lists_<page>_ratio`` (median time with 1,000 rows ÷ with 10), the milliseconds
of each, ``lists_<page>_queries_10`` and ``_1000`` (SQL statements of one request),
``lists_ratio`` (the worst page's ratio), ``lists_worst_page``, ``lists_max_queries`` and
``lists_queries_equal`` (every page runs as many queries with 1,000 rows as with 10).

Usage::

    python bench/lists.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    MANAGE,
    PYTHON,
    SERVE_SETTINGS,
    base_env,
    log,
    prepare_sqlite,
    print_figures,
    secret_key,
)

ROOT = Path(MANAGE).parent
SIZES = (10, 1000)
PAGES = (
    "console_applications",
    "console_participants",
    "selection_board",
    "indicator_dashboard",
    "access_audit",
    "review_queue",
    "console_sessions",
    "finance_grants",
    "finance_desk",
)
#: mentoring sessions and ledger rows per applicant (issue 22's scale: 100,000 applications,
#: 500,000 sessions, 50,000 ledger rows)
SESSIONS_PER_APPLICANT = 5
LEDGER_ROWS_PER_APPLICANT = 0.5
STAFF_EMAIL = "listas@bench.semilla.invalid"


# --- the worker (a Django process on one database) -------------------------------------


def _seed(rows: int) -> dict[str, str]:
    """``rows`` records behind every page; returns {page: path}."""
    import datetime

    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group
    from django.urls import reverse
    from django.utils import timezone

    from bench.exports import _insert
    from cohorts.models import Application, Cohort, ReviewAssignment
    from semilla.enums import Role
    from semilla.models import User
    from semilla.privacy.models import AccessAudit

    staff, created = User.objects.get_or_create(
        email=STAFF_EMAIL,
        defaults={"full_name": "Equipo de benchmark", "is_staff": True, "is_superuser": True},
    )
    if created:
        for role in Role:
            staff.groups.add(Group.objects.get_or_create(name=str(role))[0])
        EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
        TOTP.activate(staff, generate_totp_secret())
    _insert(rows, 0)  # the applicants (bench/exports.py): applications, participants
    cohort = Cohort.objects.get(slug="cohorte-benchmark-exportes")
    applications = list(Application.objects.filter(cohort=cohort).values_list("pk", flat=True))
    ReviewAssignment.objects.bulk_create(
        [ReviewAssignment(application_id=pk, reviewer=staff) for pk in applications],
        batch_size=2000,
    )
    subjects = list(
        User.objects.filter(email__startswith="bench-export-").values_list("pk", flat=True)
    )
    now = timezone.now()
    AccessAudit.objects.bulk_create(
        [
            AccessAudit(
                actor=staff,
                subject_id=pk,
                model="cohorts.application",
                object_id=str(pk),
                fields=["birth_date", "document_type"],
                reason="Revisión de la solicitud",
                path="/admin/",
                created_at=now - datetime.timedelta(minutes=n),
            )
            for n, pk in enumerate(subjects)
        ],
        batch_size=2000,
    )
    _seed_sessions(rows, cohort=cohort, now=now)
    _seed_ledger(rows, staff=staff)
    return {
        "console_sessions": reverse("booking:index"),
        "finance_grants": reverse("pitchday:desk_grants"),
        "finance_desk": reverse("pitchday:desk_home"),
        "console_applications": reverse("cohorts_application:index"),
        "console_participants": reverse("cohorts_participant:index"),
        "selection_board": reverse("cohorts_selection", args=[cohort.pk]),
        "indicator_dashboard": reverse("reporting_dashboard"),
        "access_audit": reverse("privacy_admin_audit"),
        "review_queue": reverse("cohorts:review_queue"),
    }


def _seed_sessions(rows: int, *, cohort, now) -> None:
    """``rows × SESSIONS_PER_APPLICANT`` mentoring sessions: one mentor for every 100
    participants, an accepted match per participant, the sessions spread over the matches
    an hour apart for each mentor (nine in ten already held)."""
    import datetime

    from cohorts.models import Participant
    from mentors.models import Booking, Match, MentorProfile
    from semilla.models import User

    participants = list(
        Participant.objects.filter(cohort=cohort).values_list("pk", "user_id").order_by("pk")
    )
    count = max(2, len(participants) // 100)
    User.objects.bulk_create(
        [
            User(email=f"bench-mentor-{n}@example.org", full_name=f"Mentora {n}", password="!")  # noqa: S106  (unusable password)
            for n in range(count)
        ],
        batch_size=2000,
    )
    mentor_users = User.objects.filter(email__startswith="bench-mentor-").order_by("pk")
    MentorProfile.objects.bulk_create(
        [
            MentorProfile(user=user, status="active", headline="Contadora", capacity=10)
            for user in mentor_users
        ],
        batch_size=2000,
    )
    mentors = list(
        MentorProfile.objects.filter(user__email__startswith="bench-mentor-").order_by("pk")
    )
    Match.objects.bulk_create(
        [
            Match(
                cohort=cohort,
                participant_id=participant_pk,
                mentor=mentors[n % count],
                status="accepted",
                respond_by=now,
                responded_at=now,
            )
            for n, (participant_pk, _user) in enumerate(participants)
        ],
        batch_size=2000,
    )
    matches = list(
        Match.objects.filter(cohort=cohort).values_list("pk", "participant_id", "mentor_id")
    )
    total = rows * SESSIONS_PER_APPLICANT
    per_mentor: dict[int, int] = {}
    batch: list[Booking] = []
    for n in range(total):
        match_pk, participant_pk, mentor_pk = matches[n % len(matches)]
        slot = per_mentor.get(mentor_pk, 0)
        per_mentor[mentor_pk] = slot + 1
        # nine in ten in the past (held), the rest ahead
        if n % 10:
            starts = now - datetime.timedelta(hours=slot)
        else:
            starts = now + datetime.timedelta(days=1, hours=slot)
        batch.append(
            Booking(
                match_id=match_pk,
                mentor_id=mentor_pk,
                participant_id=participant_pk,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=60),
                topic="Precios y costos",
            )
        )
        if len(batch) == 5000:
            Booking.objects.bulk_create(batch)
            batch = []
    Booking.objects.bulk_create(batch)


def _seed_ledger(rows: int, *, staff) -> None:
    """``rows × LEDGER_ROWS_PER_APPLICANT`` ledger rows in one fund: a budget entry and a
    commitment for each of ``rows / 4`` active grants."""
    from cohorts.models import Participant
    from pitchday.enums import ENTRY_ACCOUNTS, EntryKind
    from pitchday.models import Fund, Grant, LedgerEntry

    fund = Fund.objects.create(name=f"Fondo benchmark {rows}", currency="COP")
    grantees = list(
        Participant.objects.filter(user__email__startswith="bench-export-")
        .order_by("pk")
        .values_list("user_id", flat=True)[: int(rows * LEDGER_ROWS_PER_APPLICANT) // 2]
    )
    Grant.objects.bulk_create(
        [
            Grant(
                reference=f"BENCH-{n:07d}",
                fund=fund,
                grantee_id=user_pk,
                business_name=f"Negocio {n}",
                amount=2_000_000_00,
                status="active",
                terms_es="Términos",
                terms_en="Terms",
                created_by=staff,
            )
            for n, user_pk in enumerate(grantees)
        ],
        batch_size=2000,
    )
    grants = list(Grant.objects.filter(fund=fund).values_list("pk", flat=True))
    entries = []
    for grant_pk in grants:
        for kind in (EntryKind.BUDGET, EntryKind.COMMITMENT):
            debit, credit = ENTRY_ACCOUNTS[kind]
            entries.append(
                LedgerEntry(
                    fund=fund,
                    kind=kind,
                    debit=debit,
                    credit=credit,
                    amount=2_000_000_00,
                    currency="COP",
                    grant_id=None if kind == EntryKind.BUDGET else grant_pk,
                    created_by=staff,
                )
            )
    LedgerEntry.objects.bulk_create(entries, batch_size=5000)


def _passed_second_factor(client, user) -> None:
    """Record in the client's session what allauth records at a sign-in with password and
    TOTP code: the access policy lets staff roles through only then."""
    from allauth.account.internal.flows.login import record_authentication

    class _Request:
        session = client.session

    record_authentication(_Request, user, "password", email=user.email)
    record_authentication(_Request, user, "mfa", type="totp")
    _Request.session.save()


def worker_main(rows: int) -> int:
    """Seed, sign in, then answer ``{"page": ..., "repeat": n}`` lines on standard input
    with ``{"seconds": [...], "status": ...}`` on standard output."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from semilla.models import User

    out = sys.stdout
    sys.stdout = sys.stderr  # anything else printed goes to the log, not the protocol
    translation.activate("es")
    paths = _seed(rows)
    client = Client()
    staff = User.objects.get(email=STAFF_EMAIL)
    client.force_login(staff)
    _passed_second_factor(client, staff)
    queries: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for page, path in paths.items():
        client.get(path)  # warm per-process caches (templates, content types, site)
        with CaptureQueriesContext(connection) as captured:
            statuses[page] = client.get(path).status_code
        queries[page] = len(captured.captured_queries)
    out.write(json.dumps({"ready": True, "queries": queries, "statuses": statuses}) + "\n")
    out.flush()
    for line in sys.stdin:
        command = json.loads(line)
        path = paths[command["page"]]
        seconds = []
        for _ in range(command["repeat"]):
            started = time.perf_counter()
            response = client.get(path)
            seconds.append(time.perf_counter() - started)
        out.write(json.dumps({"seconds": seconds, "status": response.status_code}) + "\n")
        out.flush()
    return 0


class Worker:
    """A worker process on one database, driven line by line."""

    def __init__(self, db_url: str, rows: int, secret: str, log_path: Path) -> None:
        env = base_env(
            DJANGO_SETTINGS_MODULE=SERVE_SETTINGS,
            SECRET_KEY=secret,
            ALLOWED_HOSTS="testserver,127.0.0.1",
            DATABASE_URL=db_url,
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            LOG_LEVEL="WARNING",
            EMAIL_URL="consolemail://",
        )
        self._log = open(log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603
            [PYTHON, str(Path(__file__)), "worker", str(rows)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        self.log_path = log_path

    def read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait()
            tail = self.log_path.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"list worker stopped ({self.proc.returncode}):\n{tail}")
        return json.loads(line)

    def time(self, page: str, repeat: int) -> dict:
        self.proc.stdin.write(json.dumps({"page": page, "repeat": repeat}) + "\n")
        self.proc.stdin.flush()
        return self.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


# --- the benchmark -----------------------------------------------------------------------


def run(quick: bool) -> dict[str, object]:
    rounds, repeat = (5, 1) if quick else (7, 3)
    return measure(SIZES, rounds=rounds, repeat=repeat, prefix="lists")


def measure(sizes: tuple[int, int], *, rounds: int, repeat: int, prefix: str) -> dict[str, object]:
    """Every page with ``sizes[0]`` and with ``sizes[1]`` rows, interleaved; figures
    named ``<prefix>_...`` (``bench/scale.py`` uses it with 1,000 and 100,000 rows)."""
    secret = secret_key()
    dbs = {rows: prepare_sqlite(f"{prefix}_{rows}") for rows in sizes}
    workers: dict[int, Worker] = {}
    try:
        log(f"seeding {' and '.join(map(str, sizes))} rows per list")
        for rows, db in dbs.items():
            log_path = ROOT / "var" / "bench" / f"{prefix}-{rows}.log"
            workers[rows] = Worker(db.url, rows, secret, log_path)
        ready = {rows: w.read() for rows, w in workers.items()}
        times: dict[tuple[str, int], list[float]] = {}
        statuses: dict[tuple[str, int], set[int]] = {}
        log(f"timing {len(PAGES)} pages x {len(sizes)} sizes x {rounds} rounds x {repeat}")
        for round_no in range(rounds):
            order = sizes if round_no % 2 == 0 else sizes[::-1]
            for page in PAGES:
                for rows in order:
                    answer = workers[rows].time(page, repeat)
                    times.setdefault((page, rows), []).append(statistics.median(answer["seconds"]))
                    statuses.setdefault((page, rows), set()).add(answer["status"])
    finally:
        for w in workers.values():
            w.close()
        for db in dbs.values():
            db.cleanup()
    small, large = sizes
    figures: dict[str, object] = {}
    ratios: dict[str, float] = {}
    all_queries: list[int] = []
    queries_equal = True
    for page in PAGES:
        ok = all(statuses[(page, rows)] == {200} for rows in sizes)
        per_round = [b / a for a, b in zip(times[(page, small)], times[(page, large)], strict=True)]
        ratio = round(statistics.median(per_round), 3)
        q_small, q_large = (ready[rows]["queries"][page] for rows in sizes)
        figures[f"{prefix}_{page}_ratio"] = ratio
        figures[f"{prefix}_{page}_ms_{small}"] = round(
            1000 * statistics.median(times[(page, small)]), 1
        )
        figures[f"{prefix}_{page}_ms_{large}"] = round(
            1000 * statistics.median(times[(page, large)]), 1
        )
        figures[f"{prefix}_{page}_queries_{small}"] = q_small
        figures[f"{prefix}_{page}_queries_{large}"] = q_large
        if not ok:
            figures[f"{prefix}_{page}_statuses"] = ",".join(
                str(s) for rows in sizes for s in sorted(statuses[(page, rows)])
            )
            continue
        ratios[page] = ratio
        all_queries += [q_small, q_large]
        queries_equal = queries_equal and q_small == q_large
    worst = max(ratios, key=ratios.get) if ratios else ""
    figures.update(
        {
            f"{prefix}_ratio": ratios[worst] if worst else -1,
            f"{prefix}_worst_page": worst,
            f"{prefix}_pages_timed": len(ratios),
            f"{prefix}_pages_failed": len(PAGES) - len(ratios),
            f"{prefix}_max_queries": max(all_queries, default=-1),
            f"{prefix}_queries_equal": queries_equal,
            f"{prefix}_rounds": rounds,
        }
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["worker"]:
        sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
        sys.path.insert(0, str(ROOT))
        return worker_main(int(argv[1]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for CI smoke")
    args = parser.parse_args(argv)
    print_figures(run(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
