"""Reads for views and reports, scoped to the person asking, with constant query counts."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from semilla.permissions import has_any_role, is_finance, is_programme_staff

from .enums import DisbursementStatus, MilestoneStatus
from .models import (
    Disbursement,
    Evidence,
    Grant,
    Milestone,
    ReconciliationIssue,
    Tranche,
)
from .money import GrantBalance, grant_balances


def may_manage_grants(user) -> bool:
    return is_programme_staff(user) or is_finance(user)


def _grant_queryset():
    return Grant.objects.select_related("fund", "grantee").prefetch_related(
        Prefetch(
            "tranches",
            queryset=Tranche.objects.select_related("milestone").prefetch_related(
                Prefetch(
                    "milestone__evidence", queryset=Evidence.objects.select_related("budget_line")
                ),
                Prefetch("disbursements", queryset=Disbursement.objects.order_by("-pk")),
            ),
        ),
        "budget_lines",
    )


def grant_list_for_grantee(*, user) -> list[tuple[Grant, GrantBalance]]:
    """The person's grants with their money (two queries)."""
    grants = list(Grant.objects.filter(grantee=user).select_related("fund").order_by("-created_at"))
    balances = grant_balances(grant_ids=[g.pk for g in grants])
    return [(grant, balances[grant.pk]) for grant in grants]


def grant_get_for_user(*, user, reference: str) -> Grant:
    """The grantee's own grant, or any grant for staff and finance; else 404."""
    queryset = _grant_queryset()
    if not may_manage_grants(user):
        queryset = queryset.filter(grantee=user)
    return get_object_or_404(queryset, reference=reference)


def grant_tranches_for_page(*, grant: Grant) -> list[Tranche]:
    """The grant's tranches (prefetched with their payments by ``grant_get_for_user``),
    each with ``in_flight_text``: what is true about a payment that is PROCESSING, in the
    words of the rail that carries it (a manual rail has sent nothing until finance
    records it). No query beyond the grant's own."""
    from .rails import get_rail

    tranches = list(grant.tranches.all())
    for tranche in tranches:
        tranche.in_flight_text = " ".join(  # type: ignore[attr-defined]
            get_rail(d.rail).in_flight_text(d)
            for d in tranche.disbursements.all()
            if d.status == DisbursementStatus.PROCESSING
        )
    return tranches


def milestone_get_for_user(*, user, reference: str, pk: int) -> Milestone:
    queryset = Milestone.objects.select_related("tranche__grant__grantee").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("budget_line"))
    )
    if not may_manage_grants(user):
        queryset = queryset.filter(tranche__grant__grantee=user)
    return get_object_or_404(queryset, pk=pk, tranche__grant__reference=reference)


def evidence_get_for_user(*, user, pk: int) -> Evidence:
    queryset = Evidence.objects.select_related("milestone__tranche__grant")
    if not may_manage_grants(user):
        queryset = queryset.filter(milestone__tranche__grant__grantee=user)
    return get_object_or_404(queryset, pk=pk)


def milestones_awaiting_review():
    return (
        Milestone.objects.filter(status=MilestoneStatus.SUBMITTED)
        .select_related("tranche__grant__grantee")
        .annotate(evidence_count=Count("evidence"))
        .order_by("submitted_at")
    )


def disbursement_queue(*, status: str | None = None):
    queryset = Disbursement.objects.select_related(
        "tranche__grant__grantee",
        "tranche__grant__fund",
        "requested_by",
        "approved_by",
        "payout_details",
    )
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.exclude(
            status__in=[
                DisbursementStatus.PAID,
                DisbursementStatus.CANCELLED,
                DisbursementStatus.REVERSED,
            ]
        )
    return queryset.order_by("requested_at", "pk")


def open_reconciliation_issues():
    return ReconciliationIssue.objects.filter(resolved_at__isnull=True).select_related(
        "disbursement__tranche__grant"
    )


def may_see_aggregates(user) -> bool:
    from semilla.enums import Role

    return has_any_role(user, [Role.STAFF, Role.FINANCE, Role.FUNDER])


# --- pitch day ---------------------------------------------------------------------------------


def event_results(event) -> dict:
    """Ranked results, coverage and audience votes of an event (a fixed number of
    queries whatever the number of pitches, judges and scores)."""
    from .enums import PitchStatus
    from .models import AudienceVote, Pitch, PitchScore
    from .scoring import compute_results

    criteria = list(event.rubric.criteria.all())
    weights = {c.pk: c.weight for c in criteria}
    pitches = list(
        Pitch.objects.filter(event=event, status=PitchStatus.SUBMITTED)
        .select_related("participant__user")
        .order_by("submitted_at", "pk")
    )
    scores = list(
        PitchScore.objects.filter(pitch__event=event).values_list(
            "judge_id", "pitch_id", "criterion_id", "value"
        )
    )
    results = compute_results(scores=scores, weights=weights, pitch_ids=[p.pk for p in pitches])
    by_id = {p.pk: p for p in pitches}
    votes = dict(
        AudienceVote.objects.filter(event=event)
        .values("pitch_id")
        .annotate(n=Count("pk"))
        .values_list("pitch_id", "n")
    )
    rows = []
    for result in results:
        pitch = by_id[result.pitch_id]
        rows.append(
            {
                "pitch": pitch,
                "result": result,
                "votes": votes.get(pitch.pk, 0),
                "covered": result.judges >= event.min_judges,
                "criteria": [(c, result.per_criterion.get(c.pk)) for c in criteria],
            }
        )
    return {"rows": rows, "criteria": criteria, "uncovered": [r for r in rows if not r["covered"]]}


def events_for_user(user):
    """Events the person takes part in: as judge, as participant, or all for staff."""
    from semilla.permissions import is_programme_staff

    from .models import PitchEvent

    events = PitchEvent.objects.select_related("rubric").order_by("-starts_at")
    if is_programme_staff(user):
        return events
    return events.filter(Q(judges__user=user) | Q(cohorts__participants__user=user)).distinct()
