"""Benchmark: list, queue and dashboard pages with 1,000 rows ÷ the same pages with 10 rows
(P3: at most 1.5, paginated; the same query count, at most 15 queries a page).

Two copies of the benchmark template database (migrated, demo data; see bench/common.py)
get 10 and 1,000 rows of each list's records (bulk inserted, in the shape the services
write them: applicants with submitted applications, one in five of them participants,
review assignments (at most 100 per reviewer), staff access-audit entries, mentoring sessions,
grants with their tranches, disbursements and ledger entries). Two worker processes, one
per database, each with Django set up (production settings) and signed-in accounts
through Django's test client (a staff member with every role; one with each of the
programme staff, finance and funder roles, for their dashboards), answer timing requests
from this process. Rounds alternate which database runs first, every page is timed in
every round, and each figure is a median of the rounds (7; 5 with ``--quick``).

Pages: the staff console's application and participant lists, the selection board of a
cohort, the indicator dashboard, the access audit, a reviewer's queue, the console's list
of mentoring sessions (5 sessions per applicant: 500,000 at the scale of bench/scale.py),
the finance desk's grants list, home, payments queue and reconciliation (half a ledger row
per applicant: 50,000), the console's home, "Mi espacio" of programme staff, finance and a
funder, and the funders' indicator page. Exports (a cohort's applications as CSV, the
indicators as CSV) are timed the same way and reported in applicants per second: their
time grows with their rows by nature (linear: the rate with the larger size at least two
thirds of the rate with the smaller).

Figures: ``lists_<page>_ratio`` (median time with 1,000 rows ÷ with 10), the milliseconds
of each, ``lists_<page>_queries_10`` and ``_1000`` (SQL statements of one request),
``lists_ratio`` (the worst page's ratio, exports apart), ``lists_worst_page``,
``lists_max_queries`` and ``lists_queries_equal`` (every page and export runs as many
queries with 1,000 rows as with 10), ``lists_<export>_rows_per_s_<size>`` and
``lists_exports_linear``.

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
    "finance_disbursements",
    "finance_reconciliation",
    "console_home",
    "dashboard_staff",
    "dashboard_finance",
    "dashboard_funder",
    "funder_dashboard",
)
#: exports: their time grows with their rows by nature; timed apart, reported in rows per
#: second at both sizes (linear: the rate does not fall by more than a third)
EXPORTS = ("export_applications", "export_indicators_csv")
#: participants, mentoring sessions and ledger rows per applicant (issue 22's scale:
#: 100,000 applications, 20,000 participants, 500,000 sessions, 50,000 ledger rows)
PARTICIPANT_EVERY = 5
SESSIONS_PER_APPLICANT = 5
REVIEWS_PER_REVIEWER = 100
LEDGER_ROWS_PER_APPLICANT = 0.5
STAFF_EMAIL = "listas@bench.semilla.invalid"
#: one signed-in account per role whose dashboards are timed (Mi espacio, the funders' page)
ROLE_EMAILS = {
    "staff": "personal@bench.semilla.invalid",
    "finance": "finanzas@bench.semilla.invalid",
    "funder": "financiador@bench.semilla.invalid",
}
#: which account times which page (the rest: the staff member with every role)
PAGE_CLIENT = {
    "dashboard_staff": "staff",
    "dashboard_finance": "finance",
    "dashboard_funder": "funder",
    "funder_dashboard": "funder",
    "export_applications": "staff",
}


# --- the worker (a Django process on one database) -------------------------------------


def _account(email: str, roles, *, superuser: bool = False):
    """A signed-in account of the benchmark with ``roles``, a verified address and TOTP."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from semilla.models import User

    user, created = User.objects.get_or_create(
        email=email,
        defaults={"full_name": "Equipo de benchmark", "is_staff": True, "is_superuser": superuser},
    )
    if created:
        for role in roles:
            user.groups.add(Group.objects.get_or_create(name=str(role))[0])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        TOTP.activate(user, generate_totp_secret())
    return user


def _seed(rows: int) -> dict[str, str]:
    """``rows`` records behind every page; returns {page: path}."""
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from bench.exports import _insert
    from cohorts.models import Application, Cohort, ReviewAssignment
    from semilla.enums import Role
    from semilla.models import User
    from semilla.privacy.models import AccessAudit

    staff = _account(STAFF_EMAIL, list(Role), superuser=True)
    finance = _account(ROLE_EMAILS["finance"], [Role.FINANCE])
    _account(ROLE_EMAILS["staff"], [Role.STAFF])
    _account(ROLE_EMAILS["funder"], [Role.FUNDER])
    # the applicants (bench/exports.py): applications, one in PARTICIPANT_EVERY a participant
    _insert(rows, 0, participant_every=PARTICIPANT_EVERY)
    cohort = Cohort.objects.get(slug="cohorte-benchmark-exportes")
    applications = list(Application.objects.filter(cohort=cohort).values_list("pk", flat=True))
    # A reviewer holds a queue of at most REVIEWS_PER_REVIEWER applications whatever the
    # programme's size: the timed one the first ones, one more reviewer for every further
    # REVIEWS_PER_REVIEWER (the queue must not slow down as other queues grow).
    others = User.objects.bulk_create(
        [
            User(email=f"bench-reviewer-{n}@example.org", full_name=f"Revisora {n}", password="!")  # noqa: S106  (unusable password)
            for n in range(len(applications) // REVIEWS_PER_REVIEWER)
        ],
        batch_size=2000,
    )
    if others and not others[0].pk:
        others = list(User.objects.filter(email__startswith="bench-reviewer-").order_by("pk"))
    reviewers = [staff, *others]
    ReviewAssignment.objects.bulk_create(
        [
            ReviewAssignment(application_id=pk, reviewer=reviewers[n // REVIEWS_PER_REVIEWER])
            for n, pk in enumerate(applications)
        ],
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
    _seed_ledger(rows, staff=staff, finance=finance)
    dashboard = reverse("semilla:dashboard")
    return {
        "finance_disbursements": reverse("pitchday:desk_disbursements"),
        "finance_reconciliation": reverse("pitchday:desk_reconciliation"),
        "console_home": reverse("wagtailadmin_home"),
        "dashboard_staff": dashboard,
        "dashboard_finance": dashboard,
        "dashboard_funder": dashboard,
        "funder_dashboard": reverse("reporting:funder"),
        "export_applications": reverse("cohorts_export", args=[cohort.pk]),
        "export_indicators_csv": reverse("reporting_export_csv"),
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


def _seed_ledger(rows: int, *, staff, finance) -> None:
    """``rows × LEDGER_ROWS_PER_APPLICANT`` ledger rows in one fund, in the shape the
    services write them: the fund's budget entry, then for each of ``rows / 4`` active
    grants (two tranches each) the commitment and, for its first tranche, a paid
    disbursement (requested by one person, approved and recorded by another) and its
    payment entry. One grant in ten has its second tranche's payment requested (the
    finance desk's queue), one paid disbursement in ten a reconciliation difference left
    open: enough that the reconciliation page is a full page (25) already at 1,000
    applicants, so that both sizes render the same rows and the comparison measures the
    table's size, not how many rows happen to be on screen."""
    from django.utils import timezone

    from pitchday.enums import ENTRY_ACCOUNTS, EntryKind
    from pitchday.models import (
        Disbursement,
        Fund,
        Grant,
        LedgerEntry,
        ReconciliationIssue,
        Tranche,
    )
    from semilla.models import User

    now = timezone.now()
    amount = 2_000_000_00
    count = max(1, int(rows * LEDGER_ROWS_PER_APPLICANT) // 2)
    fund = Fund.objects.create(name=f"Fondo benchmark {rows}", currency="COP")
    grantees = list(
        User.objects.filter(email__startswith="bench-export-")
        .order_by("pk")
        .values_list("pk", flat=True)[:count]
    )
    Grant.objects.bulk_create(
        [
            Grant(
                reference=f"BN{fund.pk}-{n:07d}",
                fund=fund,
                grantee_id=user_pk,
                business_name=f"Negocio {n}",
                amount=amount,
                status="active",
                terms_es="Términos",
                terms_en="Terms",
                created_by=staff,
            )
            for n, user_pk in enumerate(grantees)
        ],
        batch_size=2000,
    )
    grants = list(Grant.objects.filter(fund=fund).order_by("pk").values_list("pk", flat=True))
    Tranche.objects.bulk_create(
        [
            Tranche(
                grant_id=grant_pk,
                number=number,
                amount=amount // 2,
                status=("paid" if number == 1 else "in_payment" if n % 10 == 0 else "locked"),
            )
            for n, grant_pk in enumerate(grants)
            for number in (1, 2)
        ],
        batch_size=5000,
    )
    tranches = dict(
        Tranche.objects.filter(grant__fund=fund).values_list("pk", "grant_id").order_by("pk")
    )
    order = {pk: n for n, pk in enumerate(grants)}
    first_of: dict[int, int] = {}
    payments = []
    for tranche_pk, grant_pk in tranches.items():
        first = grant_pk not in first_of
        if first:
            first_of[grant_pk] = tranche_pk
        if not first and order[grant_pk] % 10:
            continue
        payments.append(
            Disbursement(
                tranche_id=tranche_pk,
                amount=amount // 2,
                currency="COP",
                status="paid" if first else "requested",
                idempotency_key=f"bench-{rows}-{tranche_pk}",
                rail="bank_transfer",
                requested_by=staff,
                approved_by=finance if first else None,
                approved_at=now if first else None,
                recorded_by=finance if first else None,
                provider_reference=f"TRX-{tranche_pk}" if first else "",
                paid_at=now if first else None,
            )
        )
    Disbursement.objects.bulk_create(payments, batch_size=5000)
    paid = list(
        Disbursement.objects.filter(tranche__grant__fund=fund, status="paid")
        .order_by("pk")
        .values_list("pk", "tranche__grant_id")
    )

    def entry(kind, **fields) -> LedgerEntry:
        debit, credit = ENTRY_ACCOUNTS[kind]
        return LedgerEntry(
            fund=fund, kind=kind, debit=debit, credit=credit, currency="COP", created_by=staff,
            **fields,
        )  # fmt: skip

    entries = [entry(EntryKind.BUDGET, amount=amount * len(grants), memo="Presupuesto")]
    entries += [entry(EntryKind.COMMITMENT, amount=amount, grant_id=pk) for pk in grants]
    entries += [
        entry(EntryKind.DISBURSEMENT, amount=amount // 2, grant_id=grant_pk, disbursement_id=pk)
        for pk, grant_pk in paid
    ]
    LedgerEntry.objects.bulk_create(entries, batch_size=5000)
    ReconciliationIssue.objects.bulk_create(
        [
            ReconciliationIssue(
                kind="amount",
                external_id=f"po_bench_{pk}",
                disbursement_id=pk,
                expected="1.000.000,00",
                found="999.000,00",
            )
            for pk, _grant in paid[::10]
        ],
        batch_size=5000,
    )


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
    clients: dict[str, Client] = {}
    for key, email in {"all": STAFF_EMAIL, **ROLE_EMAILS}.items():
        clients[key] = Client()
        user = User.objects.get(email=email)
        clients[key].force_login(user)
        _passed_second_factor(clients[key], user)

    def get(page: str):
        response = clients[PAGE_CLIENT.get(page, "all")].get(paths[page])
        if response.streaming:  # a streamed export: its rows are read as it is sent
            b"".join(response.streaming_content)
        return response

    queries: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for page in paths:
        # warm per-process caches (templates, content types, site); twice, because the
        # table cache learns the tables of a value on its first computation and stores it
        # on the second: the request counted is the steady state (the first load with
        # the table cache off is counted by the tests, tests/perf/test_staff_dashboards.py)
        get(page)
        get(page)
        with CaptureQueriesContext(connection) as captured:
            statuses[page] = get(page).status_code
        queries[page] = len(captured.captured_queries)
    out.write(json.dumps({"ready": True, "queries": queries, "statuses": statuses}) + "\n")
    out.flush()
    for line in sys.stdin:
        command = json.loads(line)
        seconds = []
        for _ in range(command["repeat"]):
            started = time.perf_counter()
            response = get(command["page"])
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
        log(
            f"timing {len(PAGES)} pages and {len(EXPORTS)} exports x {len(sizes)} sizes"
            f" x {rounds} rounds x {repeat}"
        )
        for round_no in range(rounds):
            order = sizes if round_no % 2 == 0 else sizes[::-1]
            for page in PAGES + EXPORTS:
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
    failed = 0
    linear = True
    for page in PAGES + EXPORTS:
        ok = all(statuses[(page, rows)] == {200} for rows in sizes)
        per_round = [b / a for a, b in zip(times[(page, small)], times[(page, large)], strict=True)]
        ratio = round(statistics.median(per_round), 3)
        q_small, q_large = (ready[rows]["queries"][page] for rows in sizes)
        ms = {rows: 1000 * statistics.median(times[(page, rows)]) for rows in sizes}
        figures[f"{prefix}_{page}_ratio"] = ratio
        figures[f"{prefix}_{page}_ms_{small}"] = round(ms[small], 1)
        figures[f"{prefix}_{page}_ms_{large}"] = round(ms[large], 1)
        figures[f"{prefix}_{page}_queries_{small}"] = q_small
        figures[f"{prefix}_{page}_queries_{large}"] = q_large
        if not ok:
            failed += 1
            figures[f"{prefix}_{page}_statuses"] = ",".join(
                str(s) for rows in sizes for s in sorted(statuses[(page, rows)])
            )
            continue
        all_queries += [q_small, q_large]
        queries_equal = queries_equal and q_small == q_large
        if page in EXPORTS:
            # rows (applicants) behind the export per second; linear: the rate with the
            # large size at least two thirds of the rate with the small one
            rates = {rows: rows / (ms[rows] / 1000) for rows in sizes}
            figures[f"{prefix}_{page}_rows_per_s_{small}"] = round(rates[small])
            figures[f"{prefix}_{page}_rows_per_s_{large}"] = round(rates[large])
            linear = linear and rates[large] >= rates[small] / 1.5
            continue
        ratios[page] = ratio
    worst = max(ratios, key=ratios.get) if ratios else ""
    figures.update(
        {
            f"{prefix}_ratio": ratios[worst] if worst else -1,
            f"{prefix}_worst_page": worst,
            f"{prefix}_pages_timed": len(ratios),
            f"{prefix}_pages_failed": failed,
            f"{prefix}_max_queries": max(all_queries, default=-1),
            f"{prefix}_queries_equal": queries_equal,
            f"{prefix}_exports_linear": linear,
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
