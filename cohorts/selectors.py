"""Reads: scoped to a user, with the prefetching that keeps query counts constant."""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from semilla import table_cache
from semilla.models import User
from semilla.permissions import is_programme_staff

from .conflicts import ConflictMatcher, business_key, tokens
from .enums import (
    UNDER_REVIEW,
    ApplicationStatus,
    AssignmentStatus,
    ConflictKind,
    DocumentKind,
    ParticipantStatus,
)
from .models import (
    Application,
    ApplicationDocument,
    Attendance,
    Cohort,
    Participant,
    ReviewAssignment,
    ReviewerConflict,
    Score,
    Workshop,
)


def participants_for_cohort(*, cohort: Cohort, active_only: bool = True) -> QuerySet[Participant]:
    qs = Participant.objects.filter(cohort=cohort).select_related("user", "application")
    if active_only:
        qs = qs.filter(status=ParticipantStatus.ACTIVE)
    return qs.order_by("user__full_name", "pk")


def with_labels(*, rows: list, fields: Sequence[str]) -> list:
    """Set ``<field>_label`` on every row: the display label of a choice field, translated
    once per list instead of once per row (``get_<field>_display`` rebuilds the whole
    choice list on every call, which costs more than the rest of a row)."""
    if not rows:
        return rows
    meta = rows[0]._meta
    for name in fields:
        labels = {value: str(label) for value, label in meta.get_field(name).flatchoices}
        for row in rows:
            value = getattr(row, name)
            setattr(row, f"{name}_label", labels.get(value, value))
    return rows


# --- Public ------------------------------------------------------------------------------


def cohorts_open(
    *, now: datetime.datetime | None = None, exclude: Cohort | None = None
) -> QuerySet[Cohort]:
    now = now or timezone.now()
    qs = (
        Cohort.objects.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)
        .select_related("programme")
        .order_by("closes_at", "name")
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs


def cohorts_upcoming(*, now: datetime.datetime | None = None) -> QuerySet[Cohort]:
    now = now or timezone.now()
    return (
        Cohort.objects.filter(is_published=True, opens_at__gt=now)
        .select_related("programme")
        .order_by("opens_at", "name")
    )


def cohort_list_changes_at(
    *, open_cohorts: list[Cohort], upcoming: list[Cohort]
) -> datetime.datetime | None:
    """When the public cohort list changes by itself: the first open call closes or the
    first upcoming one opens (``upcoming`` ordered by opening, as
    :func:`cohorts_upcoming`)."""
    moments = [c.closes_at for c in open_cohorts] + [c.opens_at for c in upcoming[:1]]
    return min(moments, default=None)


def cohort_changes_at(*, cohort: Cohort, now: datetime.datetime) -> datetime.datetime | None:
    """When a cohort's public page changes by itself: its call opens, or closes."""
    for moment in (cohort.opens_at, cohort.closes_at):
        if moment > now:
            return moment
    return None


def cohort_get_public(*, slug: str) -> Cohort:
    return get_object_or_404(
        Cohort.objects.select_related("programme"), slug=slug, is_published=True
    )


# --- Applicants --------------------------------------------------------------------------


def applications_for_user(*, user: User) -> QuerySet[Application]:
    return Application.objects.filter(user=user).select_related("cohort").order_by("-created_at")


def application_get_for_applicant(*, user: User, pk: int) -> Application:
    """The person's own application (anyone else's: 404)."""
    return get_object_or_404(
        Application.objects.select_related("cohort", "user").prefetch_related(
            "documents", "history"
        ),
        pk=pk,
        user=user,
    )


def reviewer_may_see_document(*, document: ApplicationDocument, cohort: Cohort) -> bool:
    """Reviewers see business evidence; identity documents only when the review is not
    blind (an identity document shows the name)."""
    return document.kind != DocumentKind.IDENTITY or not cohort.blind_review


def document_get_for_viewer(*, user: User, pk: int) -> ApplicationDocument:
    """The owner, programme staff, or a reviewer with an active assignment (not one who
    abstained); anyone else: 404."""
    qs = ApplicationDocument.objects.select_related("application__cohort").filter(
        deleted_at__isnull=True
    )
    if is_programme_staff(user):
        return get_object_or_404(qs, pk=pk)
    document = get_object_or_404(
        qs.filter(
            Q(application__user=user)
            | Q(
                application__assignments__reviewer=user,
                application__assignments__status__in=[
                    AssignmentStatus.ASSIGNED,
                    AssignmentStatus.SUBMITTED,
                ],
            )
        ).distinct(),
        pk=pk,
    )
    if document.application.user_id != user.pk and not reviewer_may_see_document(
        document=document, cohort=document.application.cohort
    ):
        raise Http404
    return document


# --- Reviewers ---------------------------------------------------------------------------


def review_queue_for(*, reviewer: User) -> QuerySet[ReviewAssignment]:
    """A reviewer's assignments, still to review first (the cohort closing soonest first),
    then the ones done (oldest first). A queryset: the page slices it."""
    return (
        ReviewAssignment.objects.filter(reviewer=reviewer)
        .exclude(application__status=ApplicationStatus.WITHDRAWN)
        .select_related("application__cohort", "application__user")
        # Only what the queue shows: every row of a page costs less to load.
        .only(
            "status",
            "weighted_score",
            "submitted_at",
            "application__business_name",
            "application__cohort__name",
            "application__cohort__blind_review",
            "application__cohort__closes_at",
            "application__user__full_name",
            "application__user__email",
        )
        .annotate(
            finished=Case(
                When(status=AssignmentStatus.ASSIGNED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "finished",
            F("submitted_at").asc(nulls_first=True),
            "application__cohort__closes_at",
            "pk",
        )
    )


def review_queue_progress(*, reviewer: User) -> dict[str, int]:
    """Done and total of a reviewer's whole queue (one query, whatever its length)."""
    counts = (
        ReviewAssignment.objects.filter(reviewer=reviewer)
        .exclude(application__status=ApplicationStatus.WITHDRAWN)
        .aggregate(total=Count("pk"), done=Count("pk", filter=~Q(status=AssignmentStatus.ASSIGNED)))
    )
    done, total = counts["done"], counts["total"]
    return {"done": done, "total": total, "percent": round(100 * done / total) if total else 0}


def conflicts_for(*, reviewer: User) -> list[ReviewerConflict]:
    return list(
        ReviewerConflict.objects.filter(reviewer=reviewer)
        .select_related("applicant")
        .order_by("-created_at", "-pk")
    )


#: Fewest characters a reviewer must type to search applicants (no browsing the list).
CONFLICT_SEARCH_MIN = 3
CONFLICT_SEARCH_LIMIT = 10


def _conflict_candidates_qs(*, reviewer) -> QuerySet[Application]:
    """Applications a reviewer may find to declare a conflict with: submitted ones of
    cohorts still selecting (decisions not released), not their own, and not under blind
    review (there the reviewer types a name or e-mail, matched without showing anyone)."""
    now = timezone.now()
    return (
        Application.objects.filter(
            cohort__opens_at__lte=now,
            cohort__decisions_released_at__isnull=True,
            cohort__blind_review=False,
        )
        .exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
        .exclude(user=reviewer)
    )


_ACCENT_CLASSES = {
    "a": "aáàäâAÁÀÄÂ",
    "e": "eéèëêEÉÈËÊ",
    "i": "iíìïîIÍÌÏÎ",
    "o": "oóòöôOÓÒÖÔ",
    "u": "uúùüûUÚÙÜÛ",
    "n": "nñNÑ",
    "c": "cçCÇ",
}


def accent_insensitive_pattern(*, query: str) -> str:
    """A regular expression matching ``query`` whatever its accents ("Fernandez" finds
    "Fernández"; "ñ" and "n" are the same letter here)."""

    parts = [
        "".join(
            f"[{_ACCENT_CLASSES[ch]}]" if ch in _ACCENT_CLASSES else re.escape(ch) for ch in word
        )
        for word in tokens(query)
    ]
    return r"\W+".join(parts) if parts else re.escape(query)


def conflict_candidates(*, reviewer: User, query: str) -> list[Application]:
    """Applications matching ``query``: an exact e-mail address, or part of the person's
    name or of the business name. At most ``CONFLICT_SEARCH_LIMIT``; nothing for a query
    shorter than ``CONFLICT_SEARCH_MIN``."""
    query = (query or "").strip()
    if len(query) < CONFLICT_SEARCH_MIN:
        return []
    if "@" in query:
        match = Q(user__email__iexact=query)
    else:
        pattern = accent_insensitive_pattern(query=query)
        match = Q(user__full_name__iregex=pattern) | Q(business_name__iregex=pattern)
    return list(
        _conflict_candidates_qs(reviewer=reviewer)
        .filter(match)
        .select_related("user", "cohort")
        .order_by("user__full_name", "pk")[:CONFLICT_SEARCH_LIMIT]
    )


def conflict_candidate_get(*, reviewer: User, pk: int) -> Application:
    """One application the reviewer may declare a conflict with (anything else: 404)."""
    return get_object_or_404(
        _conflict_candidates_qs(reviewer=reviewer).select_related("user"), pk=pk
    )


def conflicts_covering(*, application: Application) -> list:
    """Every declared conflict that covers ``application`` (for staff): with its person,
    its business, or a name or e-mail matching it."""

    key = business_key(application.business_name)
    wanted = Q(kind=ConflictKind.PERSON, applicant_id=application.user_id) | Q(
        kind=ConflictKind.TEXT
    )
    if key:
        wanted |= Q(kind=ConflictKind.BUSINESS, match_key=key)
    rows = (
        ReviewerConflict.objects.filter(wanted)
        .select_related("reviewer", "applicant")
        .order_by("-created_at", "-pk")
    )
    covering = []
    for conflict in rows:
        matcher = ConflictMatcher()
        matcher.add(conflict.reviewer_id, conflict.kind, conflict.applicant_id, conflict.match_key)
        if matcher.blocks(conflict.reviewer_id, application):
            covering.append(conflict)
    return covering


def assignment_get_for_reviewer(*, reviewer: User, pk: int) -> ReviewAssignment:
    return get_object_or_404(
        ReviewAssignment.objects.select_related(
            "application__cohort__rubric", "application__user"
        ).prefetch_related("application__documents", "scores"),
        pk=pk,
        reviewer=reviewer,
    )


def other_reviews(*, assignment: ReviewAssignment) -> list[ReviewAssignment]:
    """The other reviewers' submitted reviews: only once this reviewer has submitted."""
    if assignment.status != AssignmentStatus.SUBMITTED:
        return []
    return list(
        ReviewAssignment.objects.filter(
            application_id=assignment.application_id, status=AssignmentStatus.SUBMITTED
        )
        .exclude(pk=assignment.pk)
        .select_related("reviewer")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("submitted_at")
    )


# --- Staff -------------------------------------------------------------------------------


RANKED_STATUSES = (
    *UNDER_REVIEW,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.CONFIRMED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.DECLINED,
    ApplicationStatus.EXPIRED,
)


#: The ranking of the selection board: best weighted mean first, then best median, then
#: the earliest submitted; applications not scored yet last. The index
#: ``cohorts_app_ranking`` holds the same order, so a page is read without sorting the
#: whole cohort.
RANKING = (
    F("score_mean").desc(nulls_last=True),
    F("score_median").desc(nulls_last=True),
    F("submitted_at").asc(),
    F("pk").asc(),
)


def ranked_applications(*, cohort: Cohort, shortlisted_only: bool = False) -> QuerySet[Application]:
    """Applications under review or waiting, best weighted mean first. A queryset: the
    selection board shows one page of it."""
    qs = (
        Application.objects.filter(cohort=cohort, status__in=RANKED_STATUSES)
        .select_related("user")
        # Only the board's columns: every row of a page costs less to load.
        .only(
            "status",
            "business_name",
            "shortlisted",
            "needs_document_check",
            "population_group",
            "review_count",
            "score_mean",
            "score_median",
            "score_spread",
            "decision",
            "released_at",
            "user__full_name",
            "user__email",
        )
        # A correlated subquery, not a join: a join would GROUP BY every column of every
        # application, which costs time in proportion to the whole cohort on each page.
        .annotate(
            assigned=Coalesce(
                Subquery(
                    ReviewAssignment.objects.filter(application=OuterRef("pk"))
                    .exclude(status=AssignmentStatus.ABSTAINED)
                    .order_by()
                    .values("application")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )
        )
        .order_by(*RANKING)
    )
    if shortlisted_only:
        qs = qs.filter(shortlisted=True)
    return qs


def reviewer_progress(*, cohort: Cohort, applications: Sequence[int]) -> list[dict]:
    """Reviews done and assigned in the cohort of the people reviewing ``applications``
    (the page of the board), by name. One query whose cost follows those reviewers'
    queues, not the size of the cohort (the board links to every assignment)."""
    if not applications:
        return []
    reviewers = ReviewAssignment.objects.filter(application__in=applications).values("reviewer")
    # The cohort as an EXISTS on each assignment, not a join: a join lets the database
    # start from the cohort's applications (all of them) instead of those reviewers.
    in_cohort = Exists(Application.objects.filter(pk=OuterRef("application_id"), cohort=cohort))
    return list(
        ReviewAssignment.objects.filter(in_cohort, reviewer__in=reviewers)
        .values("reviewer__full_name", "reviewer__email")
        .annotate(total=Count("pk"), done=Count("pk", filter=~Q(status=AssignmentStatus.ASSIGNED)))
        .order_by("reviewer__full_name", "reviewer__email")
    )


@dataclass(frozen=True)
class SelectionSummary:
    """The numbers at the top of a cohort's selection board, from one grouped query."""

    counts: list[tuple[str, int]]  # (status label, applications), in status order
    ranked: int  # applications in the ranking
    shortlisted: int  # of which shortlisted
    pending: int  # of which with a decision waiting to be released


def _selection_counts(cohort_id: int) -> dict[str, tuple[int, int, int]]:
    """{status: (applications, shortlisted, decision waiting)} of a cohort, one query over
    the covering index ``cohorts_app_cohort_status``."""
    return {
        row["status"]: (row["n"], row["shortlisted"], row["pending"])
        for row in Application.objects.filter(cohort_id=cohort_id)
        .values("status")
        .annotate(
            n=Count("pk"),
            shortlisted=Count("pk", filter=Q(shortlisted=True)),
            pending=Count("pk", filter=~Q(decision="") & Q(released_at__isnull=True)),
        )
        .order_by()
    }


def selection_summary(*, cohort: Cohort) -> SelectionSummary:
    """The board's counts. Counting reads an index entry per application of the cohort
    (100,000 at issue 22's scale), so the counts are kept in the table cache: exact, never
    stale (any write to an application makes the next view count again), and a repeat
    view reads none. The labels are the reader's language, put on after."""
    rows = table_cache.cached(
        "selection_counts", (cohort.pk,), lambda: _selection_counts(cohort.pk)
    )
    ranked = [rows[status] for status in RANKED_STATUSES if status in rows]
    return SelectionSummary(
        counts=[
            (str(status.label), rows[status.value][0])
            for status in ApplicationStatus
            if status.value in rows
        ],
        ranked=sum(n for n, _shortlisted, _pending in ranked),
        shortlisted=sum(shortlisted for _n, shortlisted, _pending in ranked),
        pending=sum(pending for _n, _shortlisted, pending in ranked),
    )


# --- Participants ------------------------------------------------------------------------


def participations_for_user(*, user: User) -> list[Participant]:
    return list(
        Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE)
        .select_related("cohort__programme")
        .order_by("-cohort__starts_on")
    )


def participant_get_for_user(*, user: User, slug: str) -> Participant:
    return get_object_or_404(
        Participant.objects.select_related("cohort__programme", "user"),
        user=user,
        cohort__slug=slug,
        status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED],
    )


def workshops_with_attendance(*, participant: Participant) -> list[tuple[Workshop, bool | None]]:
    workshops = list(Workshop.objects.filter(cohort_id=participant.cohort_id))
    marks = dict(
        Attendance.objects.filter(participant=participant).values_list("workshop_id", "present")
    )
    return [(w, marks.get(w.pk)) for w in workshops]


def roster(*, cohort: Cohort) -> list[Participant]:
    return list(participants_for_cohort(cohort=cohort, active_only=False))
