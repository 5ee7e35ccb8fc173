"""Participants: workshop attendance, document checks and roster status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from semilla.errors import ServiceError
from semilla.transitions import record

from ..enums import (
    APPLICATION,
    ParticipantStatus,
)
from ..models import (
    Application,
    Attendance,
    Participant,
    Workshop,
)
from .applications import application_withdraw_locked
from .base import application_lock, participant_leave

if TYPE_CHECKING:
    from semilla.models import User

# --- Participants --------------------------------------------------------------------------


@transaction.atomic(durable=True)
def attendance_record(*, workshop: Workshop, present_ids: set[int], actor: User) -> int:
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
def application_document_checked(*, application: Application, actor: User, note: str = "") -> None:
    """Staff checked an identity document that was "in process": clear the flag and
    record it in the history (the status does not change)."""
    locked = application_lock(application=application)
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
def participant_set_status(*, participant: Participant, status: str, actor: User) -> Participant:
    """Complete or withdraw a participant. Withdrawing frees the seat (and offers it to
    the waitlist) through the application's own status change."""
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if status == locked.status:
        return locked
    if locked.status != ParticipantStatus.ACTIVE:
        raise ServiceError(_("Only active participants can change status."))
    if status == ParticipantStatus.WITHDRAWN:
        application_withdraw_locked(
            locked=application_lock(application=locked.application),
            actor=actor,
            note=_("Withdrawn from the cohort by the programme team."),
        )
    elif status == ParticipantStatus.COMPLETED:
        participant_leave(participant=locked, to=ParticipantStatus.COMPLETED, actor=actor)
    locked.refresh_from_db()
    return locked
