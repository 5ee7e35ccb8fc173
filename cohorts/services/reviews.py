"""Review: rubric checks, reviewers' conflicts of interest, assignments, scores and
abstentions."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from semilla.enums import Role
from semilla.errors import ServiceError
from semilla.models import User
from semilla.transitions import transition

from .. import conflicts
from ..conflicts import ConflictMatcher
from ..enums import (
    ASSIGNMENT,
    UNDER_REVIEW,
    AssignmentStatus,
    ConflictKind,
)
from ..models import (
    Application,
    Cohort,
    Criterion,
    ReviewAssignment,
    ReviewerConflict,
    Rubric,
    Score,
)
from .base import S, application_lock, application_move

# --- Rubric and review -------------------------------------------------------------------

#: Reviewers' weighted scores (0-100) further apart than this are flagged as a disagreement.
DISAGREEMENT_SPREAD = Decimal(25)


def rubric_errors(*, weights: list[int]) -> list[str]:
    if not weights:
        return [_("A rubric needs at least one criterion.")]
    if sum(weights) != 100:
        return [
            _("The weights add up to %(total)s; they must add up to 100.") % {"total": sum(weights)}
        ]
    return []


def conflict_blocks(*, reviewer: User, application: Application) -> bool:
    """True when ``reviewer`` is the applicant or declared a conflict that covers
    ``application`` (a person, a business, or a name or e-mail matching it)."""
    if reviewer.pk == application.user_id:
        return True
    return ConflictMatcher.for_reviewers([reviewer.pk]).blocks(reviewer.pk, application)


def _conflict_complete(conflict: ReviewerConflict) -> None:
    """Fill ``match_key`` (and the business name of a person's application) and refuse an
    incomplete declaration."""
    kind = conflict.kind
    if kind == ConflictKind.PERSON:
        if conflict.applicant_id is None:
            raise ServiceError(_("Choose the person you have a conflict of interest with."))
        conflict.business_name = conflict.text = conflict.match_key = ""
    elif kind == ConflictKind.BUSINESS:
        conflict.match_key = conflicts.business_key(conflict.business_name)
        conflict.applicant = None
        conflict.text = ""
        if not conflict.match_key:
            raise ServiceError(_("Write the name of the business."))
    elif kind == ConflictKind.TEXT:
        conflict.text = conflict.text.strip()
        conflict.match_key = conflicts.text_key(conflict.text)
        conflict.applicant = None
        conflict.business_name = ""
        if len(conflict.text) < 3 or not conflict.match_key:
            raise ServiceError(_("Write a full name, a business name or an e-mail address."))
    else:
        raise ServiceError(_("Choose what the conflict of interest is with."))


def _step_aside_for(conflict: ReviewerConflict) -> int:
    """Reviews already assigned to the reviewer (not yet submitted) that the conflict
    covers become "abstained": the reviewer loses access to those applications."""
    pending = list(
        ReviewAssignment.objects.select_for_update(of=("self",))
        .filter(reviewer_id=conflict.reviewer_id, status=AssignmentStatus.ASSIGNED)
        .select_related("application__user")
    )
    matcher = ConflictMatcher()
    matcher.add(conflict.reviewer_id, conflict.kind, conflict.applicant_id, conflict.match_key)
    covered = [a.pk for a in pending if matcher.blocks(conflict.reviewer_id, a.application)]
    for assignment in (a for a in pending if a.pk in covered):
        transition(
            assignment,
            machine=ASSIGNMENT,
            to=AssignmentStatus.ABSTAINED,
            locked=True,
            fields={"abstain_reason": _("Conflict of interest declared.")},
        )
    return len(covered)


@transaction.atomic  # also called from the console's create and edit views
def conflict_save(*, conflict: ReviewerConflict, actor: User) -> tuple[ReviewerConflict, int]:
    """Record (or update) a conflict of interest; the reviewer steps aside from the
    reviews it covers that they have not submitted. Returns the conflict and how many
    reviews were given up."""
    _conflict_complete(conflict)
    duplicate = ReviewerConflict.objects.filter(reviewer_id=conflict.reviewer_id).exclude(
        pk=conflict.pk
    )
    if conflict.kind == ConflictKind.PERSON:
        duplicate = duplicate.filter(applicant_id=conflict.applicant_id)
    else:
        duplicate = duplicate.filter(kind=conflict.kind, match_key=conflict.match_key)
    existing = duplicate.first()
    if existing is not None:
        return existing, _step_aside_for(existing)
    conflict.save()
    return conflict, _step_aside_for(conflict)


@transaction.atomic(durable=True)
def conflict_declare(
    *,
    reviewer: User,
    kind: str,
    application: Application | None = None,
    text: str = "",
    reason: str = "",
) -> tuple[ReviewerConflict, int]:
    """A reviewer declares a conflict of interest in advance: with the person or the
    business behind ``application`` (found with ``selectors.conflict_candidates``), or
    with a free ``text`` (a name or an e-mail) matched whenever reviews are assigned."""
    if not reviewer.has_role(Role.REVIEWER):
        raise ServiceError(_("This person is not a reviewer."))
    conflict = ReviewerConflict(reviewer=reviewer, kind=kind, reason=reason[:200])
    if kind in (ConflictKind.PERSON, ConflictKind.BUSINESS):
        if application is None:
            raise ServiceError(_("Choose the application you have a conflict of interest with."))
        if kind == ConflictKind.PERSON:
            conflict.applicant_id = application.user_id
        else:
            conflict.business_name = application.business_name
    else:
        conflict.text = text
    return conflict_save(conflict=conflict, actor=reviewer)


@transaction.atomic(durable=True)
def assignments_auto(
    *, cohort: Cohort, actor: User, reviewers: Iterable[User] | None = None
) -> int:
    """Give every application under review ``reviewers_per_application`` reviewers,
    balancing the load (fewest assignments first) and honouring conflicts of interest.
    Returns the number of new assignments."""
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    pool = list(
        reviewers
        if reviewers is not None
        else User.objects.filter(groups__name=Role.REVIEWER, is_active=True).order_by("pk")
    )
    if not pool:
        return 0
    apps = list(
        Application.objects.filter(cohort=cohort, status__in=UNDER_REVIEW)
        .select_for_update(of=("self",))
        .select_related("user")
        .order_by("submitted_at", "pk")
    )
    existing = ReviewAssignment.objects.filter(application__cohort=cohort)
    load: Counter[int] = Counter({r.pk: 0 for r in pool})
    assigned: dict[int, set[int]] = defaultdict(set)
    counted: Counter[int] = Counter()
    for a in existing.values("application_id", "reviewer_id", "status"):
        assigned[a["application_id"]].add(a["reviewer_id"])
        if a["reviewer_id"] in load:
            load[a["reviewer_id"]] += 1
        if a["status"] != AssignmentStatus.ABSTAINED:
            counted[a["application_id"]] += 1
    matcher = ConflictMatcher.for_reviewers(r.pk for r in pool)
    created = []
    for app in apps:
        wanted = cohort.reviewers_per_application - counted[app.pk]
        if wanted <= 0:
            continue
        candidates = sorted(
            (
                r
                for r in pool
                if r.pk != app.user_id
                and r.pk not in assigned[app.pk]
                and not matcher.blocks(r.pk, app)
            ),
            key=lambda r: (load[r.pk], r.pk),
        )
        for reviewer in candidates[:wanted]:
            created.append(ReviewAssignment(application=app, reviewer=reviewer, assigned_by=actor))
            load[reviewer.pk] += 1
            assigned[app.pk].add(reviewer.pk)
        if app.status == S.SUBMITTED and candidates[:wanted]:
            application_move(
                application=app, to=S.IN_REVIEW, actor=actor, note=_("Reviewers assigned.")
            )
    ReviewAssignment.objects.bulk_create(created)
    return len(created)


@transaction.atomic  # also called from the console's create view, inside its transaction
def assignment_add(*, application: Application, reviewer: User, actor: User) -> ReviewAssignment:
    """Staff adjust: add one reviewer by hand (conflicts are still honoured)."""
    locked = application_lock(application=application)
    if locked.status not in UNDER_REVIEW:
        raise ServiceError(_("Only applications under review can get reviewers."))
    if not reviewer.has_role(Role.REVIEWER):
        raise ServiceError(_("This person is not a reviewer."))
    if conflict_blocks(reviewer=reviewer, application=locked):
        raise ServiceError(_("This reviewer has a conflict of interest with the applicant."))
    assignment, _created = ReviewAssignment.objects.get_or_create(
        application=locked, reviewer=reviewer, defaults={"assigned_by": actor}
    )
    if locked.status == S.SUBMITTED:
        application_move(
            application=locked, to=S.IN_REVIEW, actor=actor, note=_("Reviewer assigned.")
        )
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: ReviewAssignment, actor: User) -> None:
    if assignment.status == AssignmentStatus.SUBMITTED:
        raise ServiceError(_("A submitted review cannot be removed."))
    assignment.delete()


def _freeze_rubric(rubric: Rubric) -> None:
    if rubric.frozen_at is None:
        Rubric.objects.filter(pk=rubric.pk, frozen_at__isnull=True).update(frozen_at=timezone.now())


def _refresh_scores(application_id: int) -> None:
    values: list[Decimal] = sorted(
        score
        for score in ReviewAssignment.objects.filter(
            application_id=application_id, status=AssignmentStatus.SUBMITTED
        ).values_list("weighted_score", flat=True)
        if score is not None
    )
    two = Decimal("0.01")
    mean = median = spread = None
    if values:
        mean = (sum(values, Decimal(0)) / len(values)).quantize(two, ROUND_HALF_UP)
        median = Decimal(statistics.median(values)).quantize(two, ROUND_HALF_UP)
        spread = (values[-1] - values[0]).quantize(two)
    Application.objects.filter(pk=application_id).update(
        review_count=len(values), score_mean=mean, score_median=median, score_spread=spread
    )


def weighted_score(*, criteria: list[Criterion], values: dict[int, int], scale_max: int) -> Decimal:
    """0-100: the weighted mean of each criterion's score on its scale."""
    total = Decimal(0)
    for criterion in criteria:
        total += Decimal(criterion.weight) * Decimal(values[criterion.pk]) / Decimal(scale_max)
    return total.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _check_open_to(assignment: ReviewAssignment, *, reviewer: User) -> None:
    """Refuse unless the (locked) assignment is this reviewer's and still waiting."""
    if assignment.reviewer_id != reviewer.pk:
        raise ServiceError(_("This review is assigned to someone else."))
    if assignment.status != AssignmentStatus.ASSIGNED:
        raise ServiceError(_("This review has already been submitted."))


@transaction.atomic(durable=True)
def review_submit(
    *,
    assignment: ReviewAssignment,
    reviewer: User,
    values: dict[int, int],
    comment: str = "",
    feedback: str = "",
) -> ReviewAssignment:
    locked = (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("application__cohort__rubric")
        .get(pk=assignment.pk)
    )
    _check_open_to(locked, reviewer=reviewer)
    if locked.application.status not in UNDER_REVIEW:
        raise ServiceError(_("This application is no longer under review."))
    rubric = locked.application.cohort.rubric
    if rubric is None:
        raise ServiceError(_("This cohort has no rubric yet."))
    criteria = list(rubric.criteria.all())
    if set(values) != {c.pk for c in criteria} or any(
        not 1 <= v <= rubric.scale_max for v in values.values()
    ):
        raise ServiceError(
            _("Score every criterion from 1 to %(max)s.") % {"max": rubric.scale_max}
        )
    _freeze_rubric(rubric)
    Score.objects.bulk_create(
        [Score(assignment=locked, criterion_id=pk, value=v) for pk, v in values.items()]
    )
    locked.weighted_score = weighted_score(
        criteria=criteria, values=values, scale_max=rubric.scale_max
    )
    transition(
        locked,
        machine=ASSIGNMENT,
        to=AssignmentStatus.SUBMITTED,
        actor=reviewer,
        locked=True,
        fields={
            "weighted_score": locked.weighted_score,
            "comment": comment,
            "feedback": feedback,
            "submitted_at": timezone.now(),
        },
    )
    _refresh_scores(locked.application_id)
    return locked


@transaction.atomic(durable=True)
def review_abstain(
    *, assignment: ReviewAssignment, reviewer: User, reason: str = "", conflict: bool = False
) -> ReviewAssignment:
    """Step aside from one application; with ``conflict`` the conflict of interest is
    recorded so that no future assignment brings this person back."""
    locked = (
        ReviewAssignment.objects.select_for_update()
        .select_related("application")
        .get(pk=assignment.pk)
    )
    _check_open_to(locked, reviewer=reviewer)
    transition(
        locked,
        machine=ASSIGNMENT,
        to=AssignmentStatus.ABSTAINED,
        actor=reviewer,
        locked=True,
        fields={"abstain_reason": reason},
    )
    if conflict:
        conflict_save(
            conflict=ReviewerConflict(
                reviewer=reviewer,
                kind=ConflictKind.PERSON,
                applicant_id=locked.application.user_id,
                reason=reason[:200],
            ),
            actor=reviewer,
        )
    return locked
