"""Every write that matters in cohorts: applications and their status, documents, review,
decisions, offers, the waitlist and participants.

Top-level services are ``@transaction.atomic(durable=True)``; helpers whose name starts
with an underscore run inside them. Side effects (e-mails) happen after commit."""

import datetime
import secrets
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from semilla import upload_pipeline
from semilla.enums import ConsentPurpose, DocumentType, Role
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.privacy import consent_record
from semilla.transitions import record, transition
from semilla.upload_pipeline import clean_upload

from . import conflicts, eligibility
from .conflicts import ConflictMatcher
from .enums import (
    APPLICATION,
    ASSIGNMENT,
    DECISION_TO_STATUS,
    PARTICIPANT,
    STEP_ORDER,
    UNDER_REVIEW,
    ApplicationStatus,
    ApplicationStep,
    AssignmentStatus,
    ConflictKind,
    Decision,
    DocumentKind,
    ParticipantStatus,
)
from .models import (
    Application,
    ApplicationDocument,
    Attendance,
    Cohort,
    Criterion,
    Participant,
    ReviewAssignment,
    ReviewerConflict,
    Rubric,
    Score,
    Workshop,
)

S = ApplicationStatus
#: Reviewers' weighted scores (0-100) further apart than this are flagged as a disagreement.
DISAGREEMENT_SPREAD = Decimal(25)


class SeatsFull(ServiceError):
    pass


# --- Status changes ----------------------------------------------------------------------


def _transition(
    application: Application, to: str, *, actor, note: str = "", **fields
) -> Application:
    """Move a locked application to ``to`` (must be an allowed move) and record it."""
    return transition(
        application,
        machine=APPLICATION,
        to=to,
        actor=actor,
        note=note,
        locked=True,
        fields=fields,
    )


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("cohort", "user")
        .get(pk=application.pk)
    )


@transaction.atomic(durable=True)
def application_transition(
    *, application: Application, to: str, actor, note: str = ""
) -> Application:
    """The one entry point for a bare status change (console, tests). Moves with side
    effects (submit, decide, confirm, withdraw) have their own services below, which all
    go through ``_transition`` and its table."""
    locked = _lock(application)
    if to == S.CONFIRMED:
        raise APPLICATION.refusal(locked.status, to)  # only offer_confirm takes a seat
    if to == S.WITHDRAWN:
        _withdraw(locked, actor=actor, note=note)
    else:
        _transition(locked, to, actor=actor, note=note)
    return locked


# --- Drafts ------------------------------------------------------------------------------


def _assert_editable(application: Application, now=None) -> None:
    if application.status != S.DRAFT:
        raise ServiceError(_("This application has been submitted and can no longer change."))
    if not application.cohort.is_open(now):
        raise ServiceError(
            _(
                "Applications for this cohort are closed. Your draft is kept, "
                "but it can no longer be changed or submitted."
            )
        )


@transaction.atomic(durable=True)
def application_start(
    *, user, cohort: Cohort, answers: eligibility.Answers | None = None
) -> Application:
    """Create (or return) the person's draft for ``cohort``, prefilled with the
    pre-screen answers."""
    existing = Application.objects.filter(user=user, cohort=cohort).first()
    if existing is not None:
        return existing
    if not cohort.is_open():
        raise ServiceError(_("Applications for this cohort are closed."))
    if answers is not None:
        result = eligibility.evaluate(
            eligibility.Rules.for_cohort(cohort), answers, today=timezone.localdate()
        )
        if not result.eligible:
            raise ServiceError(" ".join(r.message for r in result.reasons))
    application = Application(user=user, cohort=cohort, phone="")
    if answers is not None:
        application.birth_date = answers.birth_date
        application.municipality = answers.municipality
        application.city = eligibility.municipality_city(answers.municipality) or ""
        application.business_stage = answers.business_stage
        application.population_group = answers.population_group
        application.document_type = answers.document_type
        application.sector = answers.sector
    application.save()
    record(application, machine=APPLICATION, to_status=S.DRAFT, actor=user)
    return application


@dataclass(frozen=True)
class SavedStep:
    application: Application
    #: the cohort's rules run again because the step changed an eligibility answer (birth
    #: date, municipality, document...); None when no answer changed
    result: eligibility.Result | None = None

    @property
    def refused(self) -> bool:
        return self.result is not None and not self.result.eligible


def _eligibility_of(application: Application, *, today: datetime.date) -> eligibility.Result:
    return eligibility.evaluate(
        eligibility.Rules.for_cohort(application.cohort),
        eligibility.Answers.from_application(application),
        today=today,
    )


@transaction.atomic(durable=True)
def application_save_step(
    *, application: Application, step: str, data: dict, actor, draft: bool = False
) -> SavedStep:
    """Save one step of the draft (validated by the step's form) and move on. When the step
    changes an answer the cohort's rules read, they run again: the draft is kept either
    way, and the result (with its plain reasons) is returned for the page to show.

    ``draft``: "save and continue later" on a step that is not complete yet. ``data``
    holds what the person typed that is valid (maybe empty or partial); it is stored as
    it is and the person does not move on to the next step (submit checks everything)."""
    locked = _lock(application)
    _assert_editable(locked)
    changed = {
        name
        for name, value in data.items()
        if name in eligibility.ANSWER_FIELDS and getattr(locked, name) != value
    }
    for name, value in data.items():
        setattr(locked, name, value)
    if "municipality" in data:
        locked.city = eligibility.municipality_city(locked.municipality) or ""
    index = STEP_ORDER.index(step)
    next_step = STEP_ORDER[min(index + 1, len(STEP_ORDER) - 1)]
    if not draft and STEP_ORDER.index(locked.current_step) < STEP_ORDER.index(next_step):
        locked.current_step = next_step
    locked.save()
    result = _eligibility_of(locked, today=timezone.localdate()) if changed else None
    return SavedStep(application=locked, result=result)


def application_missing(application: Application) -> list[str]:
    """Labels of the steps that still need something before submitting."""
    missing: list[str] = []
    a = application
    if not all(
        [a.birth_date, a.sex, a.population_group, a.nationality, a.document_type, a.municipality]
    ):
        missing.append(str(ApplicationStep.ABOUT.label))
    if not all([a.business_name, a.business_stage, a.sector, a.description]):
        missing.append(str(ApplicationStep.BUSINESS.label))
    if not (a.needs and a.languages and a.preferred_mode):
        missing.append(str(ApplicationStep.NEEDS.label))
    needs_id = a.document_type not in (DocumentType.IN_PROCESS, DocumentType.NONE, "")
    if needs_id and not any(
        d.kind == DocumentKind.IDENTITY and not d.deleted_at for d in a.documents.all()
    ):
        missing.append(str(ApplicationStep.DOCUMENTS.label))
    return missing


@transaction.atomic(durable=True)
def application_submit(
    *,
    application: Application,
    actor,
    consent_sensitive: bool = True,
    consent_research: bool = False,
    now=None,
) -> Application:
    """Lock the draft: complete, eligible, consent recorded, before the deadline."""
    now = now or timezone.now()
    locked = _lock(application)
    if locked.status != S.DRAFT:
        raise APPLICATION.refusal(locked.status, S.SUBMITTED)
    _assert_editable(locked, now)
    missing = application_missing(locked)
    if missing:
        raise ServiceError(
            _("Please complete these steps first: %(steps)s.")
            % {"steps": ", ".join(str(m) for m in missing)}
        )
    # The answers may have changed since the pre-screen: the rules run again here.
    result = _eligibility_of(locked, today=timezone.localdate(now))
    if not result.eligible:
        raise ServiceError(" ".join(r.message for r in result.reasons))
    consent_record(user=locked.user, purpose=ConsentPurpose.APPLICATION)
    if consent_sensitive:
        consent_record(user=locked.user, purpose=ConsentPurpose.SENSITIVE_DATA)
    if consent_research:
        consent_record(user=locked.user, purpose=ConsentPurpose.RESEARCH)
    _transition(
        locked,
        S.SUBMITTED,
        actor=actor,
        submitted_at=now,
        consent_given_at=now,
        needs_document_check=bool(result.flags),
        current_step=ApplicationStep.CONSENT,
    )
    notify(
        user=locked.user,
        key=f"cohorts/submitted:{locked.pk}",
        template="cohorts/submitted",
        context={
            "cohort": locked.cohort.name,
            "application_id": locked.pk,
            "url": locked.get_absolute_url(),
        },
    )
    return locked


def _withdraw(locked: Application, *, actor, note: str = "") -> None:
    was = locked.status
    _transition(locked, S.WITHDRAWN, actor=actor, note=note)
    ReviewAssignment.objects.filter(application=locked, status=AssignmentStatus.ASSIGNED).delete()
    if was == S.CONFIRMED:
        cohort = Cohort.objects.select_for_update().get(pk=locked.cohort_id)
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=F("seats_confirmed") - 1)
        for participant in (
            Participant.objects.select_for_update()
            .filter(application=locked)
            .exclude(status=ParticipantStatus.WITHDRAWN)
        ):
            transition(
                participant,
                machine=PARTICIPANT,
                to=ParticipantStatus.WITHDRAWN,
                actor=actor,
                locked=True,
                fields={"left_at": timezone.now()},
            )
    if was in (S.ACCEPTED, S.CONFIRMED):
        _promote_waitlist(locked.cohort_id, actor=None)


@transaction.atomic(durable=True)
def application_withdraw(*, application: Application, actor, note: str = "") -> Application:
    locked = _lock(application)
    _withdraw(locked, actor=actor, note=note)
    return locked


# --- Documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedUpload:
    content: bytes
    content_type: str
    extension: str


def check_upload(uploaded) -> CheckedUpload:
    """The file through the one upload pipeline (``semilla.upload_pipeline``: type by
    content, size, images re-encoded without EXIF/GPS, PDFs without metadata)."""
    try:
        clean = clean_upload(uploaded, kind=upload_pipeline.DOCUMENT)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0]) from exc
    return CheckedUpload(clean.content, clean.mime, upload_pipeline.EXTENSIONS[clean.mime])


def _display_name(kind: str, extension: str) -> str:
    label = _("identity-document") if kind == DocumentKind.IDENTITY else _("business-evidence")
    return f"{label}.{extension}"


@transaction.atomic(durable=True)
def document_add(*, application: Application, kind: str, uploaded, actor) -> ApplicationDocument:
    """Store a checked file privately under a random name (the person's file name is not
    kept: it may be hostile or reveal personal data)."""
    locked = _lock(application)
    _assert_editable(locked)
    checked = check_upload(uploaded)
    storage = storages["private"]
    today = timezone.localdate()
    name = f"cohorts/{today:%Y/%m}/{secrets.token_urlsafe(24)}.{checked.extension}"
    stored = storage.save(name, ContentFile(checked.content))
    doc = ApplicationDocument.objects.create(
        application=locked,
        kind=kind,
        storage_name=stored,
        display_name=_display_name(kind, checked.extension),
        content_type=checked.content_type,
        size=len(checked.content),
    )
    return doc


@transaction.atomic(durable=True)
def document_remove(*, document: ApplicationDocument, actor) -> None:
    locked = _lock(document.application)
    _assert_editable(locked)
    name = document.storage_name
    document.delete()
    if name:
        transaction.on_commit(lambda: storages["private"].delete(name))


def purge_identity_documents(*, now=None) -> int:
    """Delete identity document files a cohort's retention period after the decision
    (or the withdrawal). Idempotent: deleted rows keep ``deleted_at``."""
    now = now or timezone.now()
    docs = (
        ApplicationDocument.objects.filter(kind=DocumentKind.IDENTITY, deleted_at__isnull=True)
        .filter(Q(application__released_at__isnull=False) | Q(application__status=S.WITHDRAWN))
        .select_related("application__cohort")
    )
    purged = 0
    for doc in docs:
        app = doc.application
        decided = app.released_at or app.updated_at
        if decided + datetime.timedelta(days=app.cohort.document_retention_days) > now:
            continue
        with transaction.atomic():
            updated = ApplicationDocument.objects.filter(pk=doc.pk, deleted_at__isnull=True).update(
                deleted_at=now, storage_name=""
            )
            if updated and doc.storage_name:
                storages["private"].delete(doc.storage_name)
            Application.objects.filter(pk=app.pk, documents_purged_at__isnull=True).update(
                documents_purged_at=now
            )
        purged += updated
    return purged


# --- Rubric and review -------------------------------------------------------------------


def rubric_errors(*, weights: list[int]) -> list[str]:
    if not weights:
        return [_("A rubric needs at least one criterion.")]
    if sum(weights) != 100:
        return [
            _("The weights add up to %(total)s; they must add up to 100.") % {"total": sum(weights)}
        ]
    return []


def conflict_blocks(*, reviewer, application: Application) -> bool:
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
def conflict_save(*, conflict: ReviewerConflict, actor) -> tuple[ReviewerConflict, int]:
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
    reviewer,
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
def assignments_auto(*, cohort: Cohort, actor, reviewers=None) -> int:
    """Give every application under review ``reviewers_per_application`` reviewers,
    balancing the load (fewest assignments first) and honouring conflicts of interest.
    Returns the number of new assignments."""
    from semilla.models import User

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
            _transition(app, S.IN_REVIEW, actor=actor, note=_("Reviewers assigned."))
    ReviewAssignment.objects.bulk_create(created)
    return len(created)


@transaction.atomic  # also called from the console's create view, inside its transaction
def assignment_add(*, application: Application, reviewer, actor) -> ReviewAssignment:
    """Staff adjust: add one reviewer by hand (conflicts are still honoured)."""
    locked = _lock(application)
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
        _transition(locked, S.IN_REVIEW, actor=actor, note=_("Reviewer assigned."))
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: ReviewAssignment, actor) -> None:
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


@transaction.atomic(durable=True)
def review_submit(
    *,
    assignment: ReviewAssignment,
    reviewer,
    values: dict[int, int],
    comment: str = "",
    feedback: str = "",
) -> ReviewAssignment:
    locked = (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("application__cohort__rubric")
        .get(pk=assignment.pk)
    )
    if locked.reviewer_id != reviewer.pk:
        raise ServiceError(_("This review is assigned to someone else."))
    if locked.status != AssignmentStatus.ASSIGNED:
        raise ServiceError(_("This review has already been submitted."))
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
    *, assignment: ReviewAssignment, reviewer, reason: str = "", conflict: bool = False
) -> ReviewAssignment:
    """Step aside from one application; with ``conflict`` the conflict of interest is
    recorded so that no future assignment brings this person back."""
    locked = (
        ReviewAssignment.objects.select_for_update()
        .select_related("application")
        .get(pk=assignment.pk)
    )
    if locked.reviewer_id != reviewer.pk:
        raise ServiceError(_("This review is assigned to someone else."))
    if locked.status != AssignmentStatus.ASSIGNED:
        raise ServiceError(_("This review has already been submitted."))
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


# --- Decisions, offers and the waitlist ---------------------------------------------------

DECIDABLE = frozenset({S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED})


def _decide(app: Application, *, decision: str, actor, feedback: str | None) -> None:
    if app.status not in DECIDABLE or (
        app.status == S.WAITLISTED and decision == Decision.WAITLIST
    ):
        raise ServiceError(
            _("%(name)s: this application cannot be decided now.")
            % {"name": app.business_name or app.pk}
        )
    app.decision = decision
    if feedback is not None:
        app.decision_feedback = feedback
    app.decided_by = actor
    app.decided_at = timezone.now()
    app.save(
        update_fields=["decision", "decision_feedback", "decided_by", "decided_at", "updated_at"]
    )


@transaction.atomic(durable=True)
def applications_decide(
    *,
    applications,
    decision: str,
    actor,
    feedback: str | None = None,
    with_reviewer_feedback: bool = False,
) -> int:
    """Record a pending decision on one or many applications (released later, together).
    With ``with_reviewer_feedback`` the reviewers' notes for the applicant are added to
    the feedback the decision e-mail carries."""
    Decision(decision)
    ids = [a.pk if isinstance(a, Application) else a for a in applications]
    apps = list(Application.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    notes: dict[int, list[str]] = defaultdict(list)
    if with_reviewer_feedback:
        rows = (
            ReviewAssignment.objects.filter(
                application_id__in=ids, status=AssignmentStatus.SUBMITTED
            )
            .exclude(feedback="")
            .order_by("submitted_at")
            .values_list("application_id", "feedback")
        )
        for app_id, note in rows:
            notes[app_id].append(note.strip())
    for app in apps:
        text = feedback
        if with_reviewer_feedback:
            text = "\n\n".join(filter(None, [feedback or "", *notes[app.pk]]))
        _decide(app, decision=decision, actor=actor, feedback=text)
    return len(apps)


@transaction.atomic(durable=True)
def applications_shortlist(*, applications, shortlisted: bool, actor) -> int:
    ids = [a.pk if isinstance(a, Application) else a for a in applications]
    return Application.objects.filter(pk__in=ids, status__in=UNDER_REVIEW).update(
        shortlisted=shortlisted
    )


def _outstanding_offers(cohort_id: int) -> int:
    return Application.objects.filter(cohort_id=cohort_id, status=S.ACCEPTED).count()


def _offer(app: Application, *, cohort: Cohort, actor, note: str, now) -> None:
    _transition(
        app,
        S.ACCEPTED,
        actor=actor,
        note=note,
        offered_at=now,
        offer_expires_at=now + datetime.timedelta(days=cohort.offer_days),
        released_at=now,
        decision=Decision.ACCEPT,
    )
    _email_decision(app)


def _email_decision(app: Application) -> None:
    template = {
        S.ACCEPTED: "cohorts/offer",
        S.WAITLISTED: "cohorts/waitlisted",
        S.REJECTED: "cohorts/rejected",
    }[S(app.status)]
    context = {
        "cohort": app.cohort.name,
        "url": app.get_absolute_url(),
        "feedback": app.decision_feedback,
        "name": app.user.get_short_name() or app.user.get_full_name(),
    }
    if app.offer_expires_at:
        context["deadline"] = timezone.localtime(
            app.offer_expires_at, timezone.get_default_timezone()
        ).strftime("%Y-%m-%d %H:%M")
    notify(user=app.user, template=template, context=context)


@transaction.atomic(durable=True)
def decisions_release(*, cohort: Cohort, actor, now=None) -> dict[str, int]:
    """Release every pending decision of ``cohort`` at once: offers (never more than the
    free seats), waitlist and rejections, each with its e-mail."""
    now = now or timezone.now()
    locked_cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    pending = list(
        Application.objects.select_for_update()
        .filter(cohort=locked_cohort, released_at__isnull=True, status__in=DECIDABLE)
        .exclude(decision="")
        .select_related("user", "cohort")
        .order_by(F("score_mean").desc(nulls_last=True), "submitted_at", "pk")
    )
    pending += list(
        Application.objects.select_for_update()
        .filter(
            cohort=locked_cohort,
            status=S.WAITLISTED,
            decision__in=[Decision.ACCEPT, Decision.REJECT],
        )
        .select_related("user", "cohort")
    )
    accepts = [a for a in pending if a.decision == Decision.ACCEPT]
    free = (
        locked_cohort.seats - locked_cohort.seats_confirmed - _outstanding_offers(locked_cohort.pk)
    )
    if len(accepts) > free:
        raise SeatsFull(
            _(
                "You are accepting %(n)s applicants but only %(free)s seats are "
                "free. Waitlist some of them."
            )
            % {"n": len(accepts), "free": free}
        )
    counts: Counter[str] = Counter()
    for app in pending:
        if app.decision == Decision.ACCEPT:
            _offer(app, cohort=locked_cohort, actor=actor, note=_("Decision released."), now=now)
        else:
            _transition(
                app,
                DECISION_TO_STATUS[Decision(app.decision)],
                actor=actor,
                note=_("Decision released."),
                released_at=now,
            )
            _email_decision(app)
        counts[app.decision] += 1
    locked_cohort.decisions_released_at = now
    locked_cohort.save(update_fields=["decisions_released_at"])
    return dict(counts)


def _promote_waitlist(cohort_id: int, *, actor, now=None) -> list[Application]:
    """Offer free seats to the best-ranked waitlisted applicants, preferring groups that
    are below the cohort's target mix."""
    now = now or timezone.now()
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    free = cohort.seats - cohort.seats_confirmed - _outstanding_offers(cohort.pk)
    promoted = []
    while free > 0:
        waiting = list(
            Application.objects.select_for_update()
            .filter(cohort=cohort, status=S.WAITLISTED)
            .select_related("user", "cohort")
            .order_by(
                F("score_mean").desc(nulls_last=True),
                F("score_median").desc(nulls_last=True),
                "submitted_at",
                "pk",
            )
        )
        if not waiting:
            break
        chosen = _pick_for_mix(cohort, waiting)
        _offer(
            chosen,
            cohort=cohort,
            actor=actor,
            note=_("A seat became free: offered from the waitlist."),
            now=now,
        )
        promoted.append(chosen)
        free -= 1
    return promoted


def _pick_for_mix(cohort: Cohort, ranked: list[Application]) -> Application:
    if not cohort.target_mix:
        return ranked[0]
    held = Counter(
        Application.objects.filter(cohort=cohort, status__in=[S.ACCEPTED, S.CONFIRMED]).values_list(
            "population_group", flat=True
        )
    )
    for app in ranked:
        target = cohort.target_mix.get(app.population_group)
        if target and held[app.population_group] < cohort.seats * target / 100:
            return app
    return ranked[0]


@transaction.atomic(durable=True)
def waitlist_promote(*, cohort: Cohort, actor) -> list[Application]:
    return _promote_waitlist(cohort.pk, actor=actor)


@transaction.atomic(durable=True)
def offer_confirm(*, application: Application, actor, now=None) -> Participant:
    """Take a seat: the cohort row is locked and the seat counter is checked (and
    constrained by the database), so two confirmations can never share the last seat."""
    now = now or timezone.now()
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    locked = _lock(application)
    if locked.status != S.ACCEPTED:
        raise APPLICATION.refusal(locked.status, S.CONFIRMED)
    if locked.offer_expires_at and locked.offer_expires_at < now:
        raise ServiceError(_("The time to confirm this offer has passed."))
    if cohort.seats_confirmed >= cohort.seats:
        raise SeatsFull(
            _(
                "Sorry: every seat of this cohort has just been taken. You keep "
                "your place on the waitlist."
            )
        )
    Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=F("seats_confirmed") + 1)
    _transition(locked, S.CONFIRMED, actor=actor, responded_at=now)
    participant = Participant.objects.create(
        cohort=cohort, user=locked.user, application=locked, joined_at=now
    )
    notify(
        user=locked.user,
        key=f"cohorts/confirmed:{locked.pk}",
        template="cohorts/confirmed",
        context={"cohort": cohort.name, "starts_on": cohort.starts_on.isoformat()},
    )
    return participant


@transaction.atomic(durable=True)
def offer_decline(*, application: Application, actor, note: str = "") -> Application:
    locked = _lock(application)
    _transition(locked, S.DECLINED, actor=actor, note=note, responded_at=timezone.now())
    _promote_waitlist(locked.cohort_id, actor=None)
    return locked


def offers_expire(*, now=None) -> int:
    """Expire every offer past its deadline and promote the waitlist (idempotent)."""
    now = now or timezone.now()
    expired = 0
    for pk in Application.objects.filter(status=S.ACCEPTED, offer_expires_at__lt=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            app = Application.objects.select_for_update().select_related("cohort").get(pk=pk)
            if app.status != S.ACCEPTED or app.offer_expires_at >= now:
                continue
            _transition(app, S.EXPIRED, actor=None, note=_("The offer was not confirmed in time."))
            notify(
                user=app.user,
                key=f"cohorts/expired:{app.pk}",
                template="cohorts/expired",
                context={
                    "cohort": app.cohort.name,
                    "name": app.user.get_short_name() or app.user.get_full_name(),
                },
            )
            _promote_waitlist(app.cohort_id, actor=None, now=now)
            expired += 1
    return expired


# --- Participants --------------------------------------------------------------------------


@transaction.atomic(durable=True)
def attendance_record(*, workshop: Workshop, present_ids: set[int], actor) -> int:
    """Record who attended ``workshop`` (every active participant of its cohort)."""
    participants = list(
        Participant.objects.filter(cohort_id=workshop.cohort_id, status=ParticipantStatus.ACTIVE)
    )
    existing = {a.participant_id: a for a in Attendance.objects.filter(workshop=workshop)}
    to_create, to_update = [], []
    for p in participants:
        present = p.pk in present_ids
        row = existing.get(p.pk)
        if row is None:
            to_create.append(
                Attendance(workshop=workshop, participant=p, present=present, recorded_by=actor)
            )
        elif row.present != present:
            row.present = present
            row.recorded_by = actor
            to_update.append(row)
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["present", "recorded_by"])
    return sum(1 for p in participants if p.pk in present_ids)


@transaction.atomic(durable=True)
def application_document_checked(*, application: Application, actor, note: str = "") -> None:
    """Staff checked an identity document that was "in process": clear the flag and
    record it in the history (the status does not change)."""
    locked = _lock(application)
    if not locked.needs_document_check:
        return
    locked.needs_document_check = False
    locked.save(update_fields=["needs_document_check", "updated_at"])
    record(
        locked,
        machine=APPLICATION,
        from_status=locked.status,
        to_status=locked.status,
        actor=actor,
        note=note or _("Identity document checked by the programme team."),
    )


@transaction.atomic  # called from the console's edit view, inside its transaction
def participant_set_status(*, participant: Participant, status: str, actor) -> Participant:
    """Complete or withdraw a participant. Withdrawing frees the seat (and offers it to
    the waitlist) through the application's own status change."""
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if status == locked.status:
        return locked
    if locked.status != ParticipantStatus.ACTIVE:
        raise ServiceError(_("Only active participants can change status."))
    if status == ParticipantStatus.WITHDRAWN:
        _withdraw(
            _lock(locked.application),
            actor=actor,
            note=_("Withdrawn from the cohort by the programme team."),
        )
    elif status == ParticipantStatus.COMPLETED:
        transition(
            locked,
            machine=PARTICIPANT,
            to=ParticipantStatus.COMPLETED,
            actor=actor,
            locked=True,
            fields={"left_at": timezone.now()},
        )
    locked.refresh_from_db()
    return locked
