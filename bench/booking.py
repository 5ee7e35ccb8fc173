"""Booking under contention: 100 concurrent attempts on one slot vs 100 sequential
bookings on distinct slots.

Ten mentees of one mentor (capacity 10) fire ten attempts each at the same slot from 100
threads; exactly one booking must exist afterwards and every other attempt must be a
clean refusal (no server error). The baseline books 100 distinct slots one after the
other through the same service. Printed as ``name: value`` lines; the goal is
``booking_ratio`` (contended time / sequential time) <= 3.

Runs on PostgreSQL when ``BENCH_DATABASE_URL`` is set (the goal is stated for it), on
the SQLite benchmark database otherwise (``booking_vendor`` says which).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ATTEMPTS = 100
MENTEES = 10


def _setup_pair_data(tag: str):
    """One mentor available every day, ten accepted matches; generous cohort limits."""
    import datetime

    from django.utils import timezone

    from cohorts.enums import ApplicationStatus
    from cohorts.models import Application, Cohort, Participant, Programme
    from mentors.enums import MatchStatus, MentorStatus
    from mentors.models import Match, MentorProfile, WeeklyAvailability
    from semilla.models import User

    now = timezone.now()
    programme = Programme.objects.create(name=f"Bench {tag}")
    cohort = Cohort.objects.create(
        programme=programme,
        name=f"Bench {tag}",
        slug=f"bench-{tag}",
        city="cucuta",
        starts_on=now.date(),
        ends_on=now.date() + datetime.timedelta(days=90),
        seats=50,
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
        mentoring_hours_per_pair=200,
        max_upcoming_bookings=200,
    )
    mentor_user = User.objects.create_user(
        email=f"bench-mentor-{tag}@example.org", full_name="Mentora Bench"
    )
    mentor = MentorProfile.objects.create(
        user=mentor_user,
        status=MentorStatus.ACTIVE,
        headline="Bench",
        bio="Bench",
        expertise=["finance"],
        languages=["es"],
        capacity=10,
        min_notice_hours=0,
        buffer_minutes=0,
        horizon_days=60,
    )
    WeeklyAvailability.objects.bulk_create(
        [
            WeeklyAvailability(
                mentor=mentor,
                weekday=d,
                start_time=datetime.time(0),
                end_time=datetime.time(23, 59),
            )
            for d in range(7)
        ]
    )
    matches = []
    for i in range(MENTEES):
        user = User.objects.create_user(
            email=f"bench-{tag}-{i}@example.org", full_name=f"Emprendedora {i}"
        )
        application = Application.objects.create(
            user=user,
            cohort=cohort,
            status=ApplicationStatus.CONFIRMED,
            submitted_at=now,
            languages=["es"],
        )
        participant = Participant.objects.create(cohort=cohort, user=user, application=application)
        matches.append(
            Match.objects.create(
                cohort=cohort,
                participant=participant,
                mentor=mentor,
                status=MatchStatus.ACCEPTED,
                respond_by=now,
            )
        )
    MentorProfile.objects.filter(pk=mentor.pk).update(active_mentees=MENTEES)
    return mentor, matches


def _contended(matches) -> dict[str, object]:
    from django.db import connections

    from mentors import selectors, services
    from mentors.models import Booking, Match

    slot = selectors.free_slots(match=matches[0])[0]
    barrier = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(match_id: int) -> None:
        try:
            try:
                match = Match.objects.select_related("participant__user").get(pk=match_id)
            except Exception:
                # e.g. the server refuses the connection (max_connections below 100 + a
                # few): release the others instead of leaving them at the barrier forever
                barrier.abort()
                raise
            barrier.wait(timeout=120)
            services.booking_create(match=match, starts_at=slot, actor=match.participant.user)
            outcome = "booked"
        except services.BookingError:
            outcome = "refused"
        except Exception as exc:  # noqa: BLE001 - counted as a server error
            outcome = f"error: {exc!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [
        threading.Thread(target=attempt, args=(matches[i % MENTEES].pk,)) for i in range(ATTEMPTS)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    errors = [o for o in outcomes if o.startswith("error")]
    return {
        "seconds": elapsed,
        "bookings": Booking.objects.filter(mentor_id=matches[0].mentor_id, starts_at=slot).count(),
        "refused": outcomes.count("refused"),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
    }


def _sequential(matches) -> float:
    from mentors import selectors, services

    slots = selectors.free_slots(match=matches[0])
    started = time.perf_counter()
    for i in range(ATTEMPTS):
        match = matches[i % MENTEES]
        services.booking_create(
            match=match, starts_at=slots[2 * i + 10], actor=match.participant.user
        )
    return time.perf_counter() - started


def worker() -> dict[str, object]:
    """Inside a process with Django set up on the benchmark database."""
    import django

    django.setup()
    from django.db import connection

    from mentors.models import Match

    tag = str(int(time.time() * 1000))
    _mentor, matches = _setup_pair_data(tag)
    matches = list(
        Match.objects.filter(pk__in=[m.pk for m in matches])
        .select_related("participant__user", "cohort")
        .order_by("pk")
    )
    contended = _contended(matches)
    _mentor2, others = _setup_pair_data(tag + "b")
    others = list(
        Match.objects.filter(pk__in=[m.pk for m in others])
        .select_related("participant__user", "cohort")
        .order_by("pk")
    )
    sequential = _sequential(others)
    return {
        "booking_vendor": connection.vendor,
        "booking_attempts": ATTEMPTS,
        "booking_bookings": contended["bookings"],
        "booking_refused": contended["refused"],
        "booking_errors": contended["errors"],
        "booking_contended_s": round(contended["seconds"], 4),
        "booking_sequential_s": round(sequential, 4),
        "booking_ratio": round(contended["seconds"] / sequential, 3),
    }


def run(quick: bool) -> dict[str, object]:
    """Prepare the benchmark database, then measure in a child process."""
    import subprocess

    from bench import common

    url = os.environ.get("BENCH_DATABASE_URL", "")
    db = common.prepare_postgresql("booking", url) if url else common.prepare_sqlite("booking")
    try:
        env = common.base_env(
            DJANGO_SETTINGS_MODULE=common.PREP_SETTINGS, DATABASE_URL=db.url, Q_SYNC="true"
        )
        proc = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--worker"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-3000:])
        return json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        db.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="same sizes (already small)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker()))
        return 0
    from bench.common import print_figures

    print_figures(run(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
