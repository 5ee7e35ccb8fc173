"""Benchmark: the indicator export (the dashboard's report as XLSX and CSV) with 1,000 and
with 10,000 records.

Usage::

    python bench/exports.py            # 1,000 then 10,000 applicants (half participants)
    python bench/exports.py --quick    # fewer timing rounds, for CI smoke runs

A copy of the benchmark template database (migrated, demo data; see bench/common.py) gets
1,000 applicants (bulk inserted), the export is timed (median of several rounds: report
query + roll-up + XLSX + CSV) and its queries counted; then 9,000 more applicants and the
same again. The goal: the time ratio 10k ÷ 1k at most 12 (linear or better) and the same
number of queries (the report is one database aggregation whatever the size).

Prints ``name: value`` lines; :func:`run` returns the same figures as a dict.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import in_django_main, measured_rounds, run_in_django  # noqa: E402


def _insert(count: int, start: int, *, participant_every: int = 2) -> None:
    """``count`` people with a submitted application, one in ``participant_every`` of them
    a participant (half by default)."""
    import datetime

    from django.utils import timezone

    from cohorts.models import Application, Cohort, Participant, Programme
    from semilla.enums import City, DocumentType, PopulationGroup, Sex
    from semilla.models import User

    now = timezone.now()
    programme, _created = Programme.objects.get_or_create(name="Programa benchmark")
    cohort, _created = Cohort.objects.get_or_create(
        slug="cohorte-benchmark-exportes",
        defaults={
            "programme": programme,
            "name": "Cohorte benchmark",
            "city": City.CALI,
            "starts_on": now.date(),
            "ends_on": now.date() + datetime.timedelta(days=90),
            "seats": 100_000,
            "opens_at": now - datetime.timedelta(days=30),
            "closes_at": now + datetime.timedelta(days=30),
        },
    )
    users = User.objects.bulk_create(
        [
            User(email=f"bench-export-{n}@example.org", full_name=f"Persona {n}", password="!")  # noqa: S106  (unusable password)
            for n in range(start, start + count)
        ],
        batch_size=2000,
    )
    if not users[0].pk:
        users = list(
            User.objects.filter(email__startswith="bench-export-").order_by("pk")[
                start : start + count
            ]
        )
    sexes, groups = list(Sex.values), list(PopulationGroup.values)
    documents = [DocumentType.PPT, DocumentType.CEDULA, DocumentType.IN_PROCESS, DocumentType.NONE]
    cities = list(City.values)
    applications = Application.objects.bulk_create(
        [
            Application(
                user=user,
                cohort=cohort,
                status="submitted",
                sex=sexes[n % 4],
                population_group=groups[n % 3],
                city=cities[n % 8],
                document_type=documents[n % 4],
                birth_date=datetime.date(1960 + n % 40, 1 + n % 12, 1),
                submitted_at=now - datetime.timedelta(days=n % 300),
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    if not applications[0].pk:
        applications = list(
            Application.objects.filter(cohort=cohort).order_by("pk")[start : start + count]
        )
    Participant.objects.bulk_create(
        [
            Participant(
                cohort=cohort,
                user_id=a.user_id,
                application_id=a.pk,
                status="completed" if n % 4 == 0 else "active",
            )
            for n, a in enumerate(applications)
            if n % participant_every == 0
        ],
        batch_size=2000,
    )


def _measure(rounds: int) -> tuple[float, int, int]:
    from semilla.reporting.exports import to_csv, to_xlsx
    from semilla.reporting.selectors import Filters, build_report, cohort_choices

    filters = Filters.default()

    def work():
        report = build_report(filters=filters, suppress=True, cohorts=cohort_choices())
        to_xlsx(report)
        to_csv(report)
        return report

    seconds, queries, report = measured_rounds(rounds, work)
    return seconds, queries, report.get("applicants").total.value


def inner(rounds: int) -> dict[str, object]:
    import django

    django.setup()
    from django.utils import translation

    translation.activate("es")
    _insert(1_000, 0)
    small_s, small_q, small_n = _measure(rounds)
    _insert(9_000, 1_000)
    large_s, large_q, large_n = _measure(rounds)
    return {
        "exports_records_small": small_n,
        "exports_records_large": large_n,
        "exports_1k_s": round(small_s, 4),
        "exports_10k_s": round(large_s, 4),
        "exports_ratio": round(large_s / small_s, 2) if small_s else 0.0,
        "exports_queries_1k": small_q,
        "exports_queries_10k": large_q,
        "exports_queries_equal": small_q == large_q,
    }


def run(quick: bool) -> dict[str, object]:
    return run_in_django(
        str(Path(__file__).resolve()),
        name="exports",
        quick=quick,
        message="exports: 1,000 then 10,000 applicants",
        timeout=600,
    )


def main(argv: list[str] | None = None) -> int:
    return in_django_main(argv, doc=__doc__, inner=inner, run=run)


if __name__ == "__main__":
    sys.exit(main())
