"""What every cohorts service shares: the application status alias, the seats error and
the two helpers that lock an application and move it through its table of allowed moves
(``cohorts.enums.APPLICATION``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from semilla.errors import ServiceError
from semilla.transitions import transition

from ..enums import (
    APPLICATION,
    ApplicationStatus,
)
from ..models import (
    Application,
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
