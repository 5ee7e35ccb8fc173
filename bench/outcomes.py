"""Benchmark: the outcomes section of the indicator dashboard with 500 and with 50,000
survey answers.

Usage::

    python bench/outcomes.py            # 500 then 50,000 answers
    python bench/outcomes.py --quick    # fewer timing rounds, for CI smoke runs

A copy of the benchmark template database (migrated, demo data; see bench/common.py) gets
250 participants with a baseline and an end-of-cohort answer each (500 answers, bulk
inserted); the outcomes section is timed (median of several rounds: the grouped query, the
roll-up with small-cell suppression and the formatting the dashboard shows) and its queries
counted; then participants up to 50,000 answers and the same again. The goal: the same
number of queries, and the time with 50,000 at most 1.5 times the time with 500.

The dashboard reads the per-cohort sums (``outcomes.OutcomeSummary``) that every answer
refreshes; that refresh (one grouped query over the cohort's answers) is timed too, as
``outcomes_refresh_*``: it is where the cost of 50,000 answers goes.

Prints ``name: value`` lines; :func:`run` returns the same figures as a dict.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import in_django_main, measured_rounds, run_in_django  # noqa: E402


def _insert(participants: int, start: int) -> None:
    """``participants`` people, each with an answered baseline and an end-of-cohort
    answer (70 % answered, the rest pending)."""
    import datetime
    import random

    from django.utils import timezone

    from cohorts.models import Application, Cohort, Participant, Programme
    from outcomes.demo import _answers
    from outcomes.models import Response
    from outcomes.services import waves_ensure
    from semilla.enums import City, DocumentType, PopulationGroup, Sex
    from semilla.models import User

    rng = random.Random(start)
    now = timezone.now()
    programme, _created = Programme.objects.get_or_create(name="Programa benchmark")
    cohort, _created = Cohort.objects.get_or_create(
        slug="cohorte-benchmark-resultados",
        defaults={
            "programme": programme,
            "name": "Cohorte benchmark resultados",
            "city": City.CALI,
            "starts_on": now.date() - datetime.timedelta(days=200),
            "ends_on": now.date() - datetime.timedelta(days=110),
            "seats": 100_000,
            "opens_at": now - datetime.timedelta(days=300),
            "closes_at": now - datetime.timedelta(days=250),
        },
    )
    waves = {w.kind: w for w in waves_ensure(cohort=cohort)}
    prefix = "bench-outcome-"
    User.objects.bulk_create(
        [
            User(email=f"{prefix}{n}@example.org", full_name=f"Persona {n}", password="!")  # noqa: S106  (unusable password)
            for n in range(start, start + participants)
        ],
        batch_size=2000,
    )
    users = list(
        User.objects.filter(email__startswith=prefix).order_by("pk")[start : start + participants]
    )
    documents = [DocumentType.PPT, DocumentType.CEDULA, DocumentType.IN_PROCESS, DocumentType.NONE]
    Application.objects.bulk_create(
        [
            Application(
                user=user,
                cohort=cohort,
                status="confirmed",
                sex=list(Sex.values)[n % 4],
                population_group=list(PopulationGroup.values)[n % 3],
                city=list(City.values)[n % 8],
                document_type=documents[n % 4],
                birth_date=datetime.date(1960 + n % 40, 1 + n % 12, 1),
                submitted_at=now,
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    applications = list(Application.objects.filter(cohort=cohort, user__in=users).order_by("pk"))
    Participant.objects.bulk_create(
        [
            Participant(cohort=cohort, user_id=a.user_id, application_id=a.pk, status="completed")
            for a in applications
        ],
        batch_size=2000,
    )
    participants_rows = list(
        Participant.objects.filter(cohort=cohort, user__in=users).order_by("pk")
    )
    rows = []
    for participant in participants_rows:
        before = _answers(rng, stage=0, base=None)
        common = {"status": "answered", "channel": "self", "answered_at": now}
        rows.append(Response(wave=waves["baseline"], participant=participant, **common, **before))
        if rng.random() < 0.7:
            after = _answers(rng, stage=1, base=before)
            rows.append(Response(wave=waves["end"], participant=participant, **common, **after))
        else:
            rows.append(Response(wave=waves["end"], participant=participant))
    Response.objects.bulk_create(rows, batch_size=2000)


def _refresh() -> float:
    """What every answer (and the nightly task) does: recompute the cohort's sums."""
    from cohorts.models import Cohort
    from outcomes.services import summary_refresh

    cohort = Cohort.objects.get(slug="cohorte-benchmark-resultados")
    started = time.perf_counter()
    summary_refresh(cohort_id=cohort.pk)
    return time.perf_counter() - started


def _measure(rounds: int) -> tuple[float, int, int]:
    from semilla.reporting.exports import outcome_rows
    from semilla.reporting.outcomes import build_outcomes
    from semilla.reporting.selectors import Filters, cohort_choices

    filters = Filters.default()
    cohorts = cohort_choices()

    def work():
        report = build_outcomes(
            filters, breakdown="sex", after_wave="end", suppress=True, cohorts=cohorts
        )
        outcome_rows(report)
        return report

    seconds, queries, report = measured_rounds(rounds, work)
    operating = next(i for i in report.items if i.measure.key == "operating").total
    answers = (operating.n_before.value or 0) + (operating.n_after.value or 0)
    return seconds, queries, answers


def inner(rounds: int) -> dict[str, object]:
    import django

    django.setup()
    from django.utils import translation

    from outcomes.models import Response

    translation.activate("es")
    existing = Response.objects.count()  # the demo's answers
    _insert(250, 0)
    small_refresh = _refresh()
    small_s, small_q, small_seen = _measure(rounds)
    small_n = Response.objects.count() - existing
    _insert(24_750, 250)
    large_refresh = _refresh()
    large_s, large_q, large_seen = _measure(rounds)
    large_n = Response.objects.count() - existing
    return {
        "outcomes_answers_small": small_n,
        "outcomes_answers_large": large_n,
        # answers the dashboard counted (baseline + end answered, demo cohorts included)
        "outcomes_answered_seen_small": small_seen,
        "outcomes_answered_seen_large": large_seen,
        "outcomes_refresh_500_s": round(small_refresh, 4),
        "outcomes_refresh_50k_s": round(large_refresh, 4),
        "outcomes_500_s": round(small_s, 4),
        "outcomes_50k_s": round(large_s, 4),
        "outcomes_ratio": round(large_s / small_s, 2) if small_s else 0.0,
        "outcomes_queries_500": small_q,
        "outcomes_queries_50k": large_q,
        "outcomes_queries_equal": small_q == large_q,
    }


def run(quick: bool) -> dict[str, object]:
    return run_in_django(
        str(Path(__file__).resolve()),
        name="outcomes",
        quick=quick,
        message="outcomes: 500 then 50,000 survey answers",
        timeout=900,
    )


def main(argv: list[str] | None = None) -> int:
    return in_django_main(argv, doc=__doc__, inner=inner, run=run)


if __name__ == "__main__":
    sys.exit(main())
