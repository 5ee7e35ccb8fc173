"""Reads of seed grants for views and reports, scoped to the person asking, with constant
query counts: grants, milestones, evidence, payout details and the desk's queues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from ..enums import DisbursementStatus, MilestoneStatus, PayoutDetailsStatus
from ..models import (
    Disbursement,
    Evidence,
    Grant,
    Milestone,
    PayoutDetails,
    ReconciliationIssue,
    ReconciliationRun,
    Tranche,
)
from ..money import GrantBalance, grant_balances
from ..permissions import may_manage_grants
from ..rails import get_rail

if TYPE_CHECKING:
    from semilla.models import User


def _grant_queryset() -> QuerySet[Grant]:
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


def grant_list_for_grantee(*, user: User) -> list[tuple[Grant, GrantBalance]]:
    """The person's grants with their money (two queries)."""
    grants = list(Grant.objects.filter(grantee=user).select_related("fund").order_by("-created_at"))
    balances = grant_balances(grant_ids=[g.pk for g in grants])
    return [(grant, balances[grant.pk]) for grant in grants]


def grant_get_for_report(*, reference: str) -> Grant:
    """Any grant with its tranches, milestones and evidence (the use-of-funds export; the
    view has checked the role); else 404."""
    return get_object_or_404(_grant_queryset(), reference=reference)


def grant_get_for_user(*, user: User, reference: str) -> Grant:
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
    tranches = list(grant.tranches.all())
    for tranche in tranches:
        tranche.in_flight_text = " ".join(  # type: ignore[attr-defined]
            get_rail(d.rail).in_flight_text(d)
            for d in tranche.disbursements.all()
            if d.status == DisbursementStatus.PROCESSING
        )
    return tranches


def milestone_get_for_user(*, user: User, reference: str, pk: int) -> Milestone:
    queryset = Milestone.objects.select_related("tranche__grant__grantee").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("budget_line"))
    )
    if not may_manage_grants(user):
        queryset = queryset.filter(tranche__grant__grantee=user)
    return get_object_or_404(queryset, pk=pk, tranche__grant__reference=reference)


def evidence_get_for_user(*, user: User, pk: int) -> Evidence:
    queryset = Evidence.objects.select_related("milestone__tranche__grant")
    if not may_manage_grants(user):
        queryset = queryset.filter(milestone__tranche__grant__grantee=user)
    return get_object_or_404(queryset, pk=pk)


def milestones_awaiting_review() -> QuerySet[Milestone]:
    return (
        Milestone.objects.filter(status=MilestoneStatus.SUBMITTED)
        .select_related("tranche__grant__grantee")
        .annotate(evidence_count=Count("evidence"))
        .order_by("submitted_at")
    )


#: Payments still to be dealt with: the payments queue shows them, the desk's home counts
#: them (an ``IN`` over the status index, not a scan of every payment ever made).
OPEN_DISBURSEMENT_STATUSES: tuple[str, ...] = tuple(
    s
    for s in DisbursementStatus.values
    if s not in (DisbursementStatus.PAID, DisbursementStatus.CANCELLED, DisbursementStatus.REVERSED)
)


@dataclass(frozen=True)
class DeskCounts:
    """What waits for the desk: milestones to review, open payments, open differences."""

    milestones: int
    disbursements: int
    issues: int


def desk_counts() -> DeskCounts:
    """Three counts (three queries), each over an index of the open items only
    (``milestone_review_idx``, ``disbursement_queue_idx``, ``recon_issue_open_idx``): their
    cost follows the work waiting, not the history of milestones, payments or differences."""
    return DeskCounts(
        milestones=Milestone.objects.filter(status=MilestoneStatus.SUBMITTED).count(),
        disbursements=Disbursement.objects.filter(status__in=OPEN_DISBURSEMENT_STATUSES).count(),
        issues=ReconciliationIssue.objects.open().count(),
    )


def _queue_order(
    queryset: QuerySet[Disbursement, Any], status: str | None
) -> QuerySet[Disbursement, Any]:
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.filter(status__in=OPEN_DISBURSEMENT_STATUSES)
    return queryset.order_by("requested_at", "pk")


def _with_what_the_queue_shows() -> QuerySet[Disbursement]:
    return Disbursement.objects.select_related(
        "tranche__grant__grantee",
        "tranche__grant__fund",
        "requested_by",
        "approved_by",
        "payout_details",
    )


def disbursement_queue(*, status: str | None = None) -> QuerySet[Disbursement]:
    return _queue_order(_with_what_the_queue_shows(), status)


#: Payments on one page of the desk's payments queue.
DESK_DISBURSEMENTS_PER_PAGE = 25


def disbursements_page_for_desk(
    *, status: str | None = None, page: str | int | None = None, per_page: int | None = None
) -> Page:
    """One page of the payments queue (oldest request first, open ones or one status), with
    each payment's grant, grantee, fund, people and payout details: two queries (the count
    and the page) however many payments there are. An out-of-range or unreadable ``page``
    gives the nearest page.

    The page is chosen first among the payments' keys alone (the status index holds the
    status, the request's time and the key: sorting what waits costs a few bytes a
    payment), and only its rows are then read with their grant, people and details, in
    the same query (``pk IN (the page's keys)``). Sorting the joined rows themselves made
    the page grow with every payment waiting (issue 22's scale)."""
    keys = Paginator(
        _queue_order(Disbursement.objects.values_list("pk", flat=True), status),
        per_page or DESK_DISBURSEMENTS_PER_PAGE,
    ).get_page(page)
    keys.object_list = (
        _with_what_the_queue_shows().filter(pk__in=keys.object_list).order_by("requested_at", "pk")
    )
    return keys


#: Open differences on one page of the reconciliation desk.
DESK_ISSUES_PER_PAGE = 25


def open_reconciliation_issues_page(
    *, page: str | int | None = None, per_page: int | None = None
) -> Page:
    """One page of the open reconciliation differences (newest first): two queries (the
    count and the page) however many there are, both over ``recon_issue_open_idx``. A
    full page (25) must cost little more than a nearly empty one: each difference loads
    only the columns the desk shows, and its grant's reference as one annotated column
    (not three more model instances per row, the payment, tranche and grant, with every
    date of theirs converted). The reference is a subquery, not joins: the count drops an
    unused subquery and reads the index alone, where joins stayed in it and made the count
    grow with every open difference (issue 22's scale)."""
    reference = (
        Disbursement.objects.filter(pk=OuterRef("disbursement_id"))
        .order_by()
        .values("tranche__grant__reference")[:1]
    )
    issues = (
        ReconciliationIssue.objects.open()
        .only("kind", "external_id", "expected", "found", "created_at")
        .annotate(grant_reference=Subquery(reference))
    )
    return Paginator(issues, per_page or DESK_ISSUES_PER_PAGE).get_page(page)


def reconciliation_last_run() -> ReconciliationRun | None:
    return ReconciliationRun.objects.first()


def payout_details_current(*, user: User) -> tuple[PayoutDetails | None, PayoutDetails | None]:
    """(confirmed, pending) payout details of a person (one query)."""
    confirmed = pending = None
    for details in PayoutDetails.objects.filter(
        user=user, status__in=[PayoutDetailsStatus.CONFIRMED, PayoutDetailsStatus.PENDING]
    ):
        if details.status == PayoutDetailsStatus.CONFIRMED:
            confirmed = details
        else:
            pending = details
    return confirmed, pending


def grants_for_desk(*, status: str | None = None) -> QuerySet[Grant]:
    """The desk's list of grants, newest first, optionally of one status."""
    grants = Grant.objects.select_related("grantee", "fund").order_by("-created_at")
    return grants.filter(status=status) if status else grants


#: Grants on one page of the desk's list.
DESK_GRANTS_PER_PAGE = 25


def grants_page_for_desk(
    *, status: str | None = None, page: str | int | None = None, per_page: int | None = None
) -> Page:
    """One page of the desk's list of grants (newest first, optionally of one status), with
    each grant's grantee and fund: two queries (the count and the page) however many
    grants there are. An out-of-range or unreadable ``page`` gives the nearest page."""
    return Paginator(grants_for_desk(status=status), per_page or DESK_GRANTS_PER_PAGE).get_page(
        page
    )
