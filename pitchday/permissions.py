"""Who may do what in pitch day and seed grants: one function per question, used by views,
selectors and templates (the checks the views used to write inline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from semilla.enums import Role
from semilla.permissions import has_any_role, is_finance, is_programme_staff

from .enums import JudgeStatus
from .models import Judge, JudgeConflict, Pitch

if TYPE_CHECKING:
    from cohorts.models import Participant
    from semilla.models import User

__all__ = [
    "GRANT_MANAGERS",
    "may_download_deck",
    "may_manage_grants",
    "may_see_aggregates",
    "may_see_event",
]

#: Roles that run the grants desk (requests, approvals, reviews of milestones).
GRANT_MANAGERS = (Role.STAFF, Role.FINANCE)


def may_manage_grants(user: User) -> bool:
    """Programme staff and finance see every grant and work the desk."""
    return is_programme_staff(user) or is_finance(user)


def may_see_aggregates(user: User) -> bool:
    """Staff, finance and funders see the funds' sums (funders without names)."""
    return has_any_role(user, [Role.STAFF, Role.FINANCE, Role.FUNDER])


def may_see_event(user: User, *, judge: Judge | None, participant: Participant | None) -> bool:
    """An event's page is for programme staff, its judges and its participants."""
    return bool(is_programme_staff(user) or judge or participant)


def may_download_deck(user: User, *, pitch: Pitch) -> bool:
    """A deck goes to programme staff, the pitch's owner and an accepted judge of the
    event who declared no conflict with it (queries only for a judge)."""
    if is_programme_staff(user) or pitch.participant.user_id == user.pk:
        return True
    judge = Judge.objects.filter(user=user, event=pitch.event_id).first()
    return bool(
        judge
        and judge.status == JudgeStatus.ACCEPTED
        and not JudgeConflict.objects.filter(judge=judge, pitch=pitch).exists()
    )
