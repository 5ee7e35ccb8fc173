"""Named mutations: break one guarantee on purpose and check that its test fails.

Part of ``make mutate`` (run by hand, never in CI). mutmut covers the top-level apps; it
cannot reach the project package (the folder ``site/`` imported as ``semilla``: mutmut
names a mutant after its file path, ``site.privacy.services``, but switches it on by the
running function's module, ``semilla.privacy.services``, so those mutants never run).
This script is the fallback for the guarantees that matter most, wherever they live: each
mutation replaces one exact snippet, runs the tests that guard it and puts the file back.

    python scripts/named_mutations.py            # every mutation
    python scripts/named_mutations.py erasure-history booking-account-lock

Exit status 1 when a mutation survives (its tests still pass).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    original: str
    mutated: str
    tests: tuple[str, ...]
    postgres: bool = False


ERASURE_TEST = "tests/privacy/test_services.py::test_erasure_leaves_no_personal_text_and_no_files"

MUTATIONS = [
    Mutation(
        "erasure-history",
        "site/privacy/services.py",
        "    summary.update(_scrub_history(touched=touched, using=using))\n",
        "",
        (ERASURE_TEST,),
    ),
    Mutation(
        "erasure-revision-copies",
        "site/privacy/services.py",
        "            if spec.snapshot:\n",
        "            if False:\n",
        (ERASURE_TEST,),
    ),
    Mutation(
        "history-registry-formstate",
        "site/privacy/registry.py",
        '        "wagtailadmin.FormState",\n',
        '        "wagtailadmin.NoSuchModel",\n',
        ("tests/privacy/test_registry.py",),
    ),
    Mutation(
        "submit-eligibility",
        "cohorts/services/applications.py",
        "    result = _eligibility_of(locked, today=timezone.localdate(now))\n"
        "    if not result.eligible:\n",
        "    result = _eligibility_of(locked, today=timezone.localdate(now))\n    if False:\n",
        (
            "tests/cohorts/test_eligibility.py::"
            "test_application_submit_refused_when_an_answer_changed_after_the_prescreen",
        ),
    ),
    Mutation(
        "step-eligibility",
        "cohorts/services/applications.py",
        "    result = _eligibility_of(locked, today=timezone.localdate()) if changed else None\n",
        "    result = None\n",
        (
            "tests/cohorts/test_eligibility.py",
            "tests/cohorts/test_application_flow.py::"
            "test_step_changing_an_answer_explains_the_refusal_and_keeps_the_draft",
        ),
    ),
    Mutation(
        "booking-account-lock",
        "mentors/services/bookings.py",
        "    list(\n        get_user_model()\n        .objects.select_for_update()\n",
        "    (\n        get_user_model()\n        .objects\n",
        (
            "tests/integration/test_booking_contention.py::"
            "test_mentee_booking_two_mentors_at_the_same_moment_gets_one_session",
        ),
        postgres=True,
    ),
    Mutation(
        "booking-busy-per-person",
        "mentors/services/bookings.py",
        "Q(participant__user_id=Subquery(mentee))",
        "Q(participant_id=participant_id)",
        (
            "tests/integration/test_booking_contention.py::"
            "test_mentee_in_two_cohorts_cannot_book_both_mentors_at_one_time",
        ),
    ),
    Mutation(
        "payment-requester-records",
        "pitchday/services/disbursements.py",
        "    if locked.requested_by_id == actor.pk:\n"
        '        raise ServiceError(_("You requested this payment, so someone else must record it."))\n',
        "",
        ("tests/pitchday/test_duties.py::test_requester_cannot_record_their_own_payment",),
    ),
    Mutation(
        "grant-to-self",
        "pitchday/services/grants.py",
        "    ensure_may_be_grantee(grantee=grantee, fund_id=fund.pk, actor=actor)\n",
        "",
        ("tests/pitchday/test_duties.py::test_staff_cannot_award_a_grant_to_themselves",),
    ),
]


def run(mutation: Mutation) -> str:
    if mutation.postgres and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "skipped (needs DATABASE_URL on PostgreSQL)"
    path = ROOT / mutation.path
    source = path.read_text(encoding="utf-8")
    if source.count(mutation.original) != 1:
        return "stale (the snippet is not in the file exactly once: update this script)"
    try:
        path.write_text(source.replace(mutation.original, mutation.mutated), encoding="utf-8")
        result = subprocess.run(  # noqa: S603 - our own interpreter and test ids
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", *mutation.tests],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.write_text(source, encoding="utf-8")
    if result.returncode == 1:
        return "killed"
    if result.returncode == 0:
        return "SURVIVED"
    return f"error (pytest exit {result.returncode})"


def main(names: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not names or m.name in names]
    survived = False
    for mutation in chosen:
        outcome = run(mutation)
        survived |= outcome == "SURVIVED"
        print(f"{mutation.name:32} {outcome}", flush=True)  # noqa: T201
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
