"""What every cohorts service shares: the application status alias, the seats error and
the two helpers that lock an application and move it through its table of allowed moves
(``cohorts.enums.APPLICATION``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone

from semilla.errors import ServiceError
from semilla.transitions import transition

from ..enums import (
    APPLICATION,
    PARTICIPANT,
    ApplicationStatus,
)
from ..models import (
    Application,
    Participant,
)

if TYPE_CHECKING:
    from semilla.models import User

S = ApplicationStatus


class SeatsFull(ServiceError):
    pass


# --- Status changes ----------------------------------------------------------------------


def application_move(
    *, application: Application, to: str, actor: User | None, note: str = "", **fields: Any
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


def application_lock(*, application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("cohort", "user")
        .get(pk=application.pk)
    )


def participant_leave(*, participant: Participant, to: str, actor: User | None) -> Participant:
    """Move a locked participant out of the cohort (completed or withdrawn), stamping
    when they left."""
    return transition(
        participant,
        machine=PARTICIPANT,
        to=to,
        actor=actor,
        locked=True,
        fields={"left_at": timezone.now()},
    )
