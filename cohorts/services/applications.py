"""Applications: a bare status change, drafts (start, save a step, what is missing),
submission and withdrawal."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from semilla.enums import ConsentPurpose, DocumentType
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.privacy import consent_record
from semilla.transitions import record

from .. import checks, eligibility
from ..enums import (
    APPLICATION,
    STEP_ORDER,
    ApplicationStep,
    AssignmentStatus,
    DocumentKind,
    ParticipantStatus,
)
from ..models import (
    Application,
    Cohort,
    Participant,
    ReviewAssignment,
)
from .base import S, application_lock, application_move, participant_leave
from .decisions import waitlist_promote_locked

if TYPE_CHECKING:
    from semilla.models import User


@transaction.atomic(durable=True)
def application_transition(
    *, application: Application, to: str, actor: User, note: str = ""
) -> Application:
    """The one entry point for a bare status change (console, tests). Moves with side
    effects (submit, decide, confirm, withdraw) have their own services below, which all
    go through ``application_move`` and its table."""
    locked = application_lock(application=application)
    if to == S.CONFIRMED:
        raise APPLICATION.refusal(locked.status, to)  # only offer_confirm takes a seat
    if to == S.WITHDRAWN:
        application_withdraw_locked(locked=locked, actor=actor, note=note)
    else:
        application_move(application=locked, to=to, actor=actor, note=note)
    return locked


# --- Drafts ------------------------------------------------------------------------------


def application_assert_editable(
    *, application: Application, now: datetime.datetime | None = None
) -> None:
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
    *, user: User, cohort: Cohort, answers: eligibility.Answers | None = None
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
    *,
    application: Application,
    step: str,
    data: dict,
    actor: User,
    draft: bool = False,
    raw: dict | None = None,
) -> SavedStep:
    """Save one step of the draft (validated by the step's form) and move on. When the step
    changes an answer the cohort's rules read, they run again: the draft is kept either
    way, and the result (with its plain reasons) is returned for the page to show.

    ``draft``: "save and continue later" on a step that is not complete yet. ``data``
    holds what the person typed that can be stored (maybe empty, partial or not yet
    acceptable); it is stored as it is and the person does not move on to the next step
    (submit checks everything). ``raw``: answers typed that cannot be stored in their
    field, kept as typed in ``draft_raw`` until a later save stores a value there."""
    locked = application_lock(application=application)
    application_assert_editable(application=locked)
    changed = {
        name
        for name, value in data.items()
        if name in eligibility.ANSWER_FIELDS and getattr(locked, name) != value
    }
    for name, value in data.items():
        setattr(locked, name, value)
    kept_raw = {k: v for k, v in (locked.draft_raw or {}).items() if k not in data}
    locked.draft_raw = {**kept_raw, **(raw or {})}
    if "municipality" in data:
        locked.city = eligibility.municipality_city(locked.municipality) or ""
    index = STEP_ORDER.index(step)
    next_step = STEP_ORDER[min(index + 1, len(STEP_ORDER) - 1)]
    if not draft and STEP_ORDER.index(locked.current_step) < STEP_ORDER.index(next_step):
        locked.current_step = next_step
    locked.save()
    result = _eligibility_of(locked, today=timezone.localdate()) if changed else None
    return SavedStep(application=locked, result=result)


def application_problems(*, application: Application) -> list[checks.Problem]:
    """Everything to fix before submitting, answer by answer, with its step (the submit
    page links each to its step): answers typed but not stored, missing or not acceptable
    (``checks``), and the identity document when the declared one needs a copy."""
    problems = checks.application_problems(application)
    needs_id = application.document_type not in (DocumentType.IN_PROCESS, DocumentType.NONE, "")
    if needs_id and not any(
        d.kind == DocumentKind.IDENTITY and not d.deleted_at for d in application.documents.all()
    ):
        problems.append(
            checks.Problem(
                ApplicationStep.DOCUMENTS,
                "file",
                str(DocumentKind.IDENTITY.label),
                _("Upload a photo or scan of your identity document."),
            )
        )
    return problems


def application_missing(*, application: Application) -> list[str]:
    """Labels of the steps that still need something before submitting."""
    steps = {p.step for p in application_problems(application=application)}
    return [str(s.label) for s in ApplicationStep if s.value in steps]


@transaction.atomic(durable=True)
def application_submit(
    *,
    application: Application,
    actor: User,
    consent_sensitive: bool = True,
    consent_research: bool = False,
    now: datetime.datetime | None = None,
) -> Application:
    """Lock the draft: complete, eligible, consent recorded, before the deadline."""
    now = now or timezone.now()
    locked = application_lock(application=application)
    if locked.status != S.DRAFT:
        raise APPLICATION.refusal(locked.status, S.SUBMITTED)
    application_assert_editable(application=locked, now=now)
    missing = application_missing(application=locked)
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
    application_move(
        application=locked,
        to=S.SUBMITTED,
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
            **locked.cohort.format_context(),
            "application_id": locked.pk,
            "url": locked.get_absolute_url(),
        },
    )
    return locked


def application_withdraw_locked(*, locked: Application, actor: User, note: str = "") -> None:
    was = locked.status
    application_move(application=locked, to=S.WITHDRAWN, actor=actor, note=note)
    ReviewAssignment.objects.filter(application=locked, status=AssignmentStatus.ASSIGNED).delete()
    if was == S.CONFIRMED:
        cohort = Cohort.objects.select_for_update().get(pk=locked.cohort_id)
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=F("seats_confirmed") - 1)
        for participant in (
            Participant.objects.select_for_update()
            .filter(application=locked)
            .exclude(status=ParticipantStatus.WITHDRAWN)
        ):
            participant_leave(participant=participant, to=ParticipantStatus.WITHDRAWN, actor=actor)
    if was in (S.ACCEPTED, S.CONFIRMED):
        waitlist_promote_locked(cohort_id=locked.cohort_id, actor=None)


@transaction.atomic(durable=True)
def application_withdraw(*, application: Application, actor: User, note: str = "") -> Application:
    """The applicant withdraws (the console's status change goes through
    ``application_transition``)."""
    locked = application_lock(application=application)
    if not locked.may_be_withdrawn():
        raise ServiceError(_("This application can no longer be withdrawn."))
    application_withdraw_locked(locked=locked, actor=actor, note=note)
    return locked
