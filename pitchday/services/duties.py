"""Separation of duties around seed grants: who may receive a grant, and who may never
touch a grant's money.

- Nobody who holds a programme staff, finance, reviewer or judge role (or is a superuser),
  nor anyone who judges a pitch event paying from the fund or reviews applications of a
  cohort of such an event, may be a grantee (checked when the grant is created and again
  when its agreement is accepted: a role may have been given in between).
- A grant's grantee is never its creator (``grant_grantee_not_creator`` in the database),
  nor the requester, approver or recorder of one of its payments (a database trigger,
  migration 0006), nor the reviewer of its milestones.
- The person who requested a payment neither approves it (``disbursement_four_eyes``) nor
  records it (``disbursement_recorder_not_requester``).

The services raise a translated ``ServiceError``; the database refuses whatever gets past
them (tests/pitchday/test_duties.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from cohorts.models import ReviewAssignment
from semilla.enums import Role
from semilla.permissions import has_any_role

from ..enums import JudgeStatus
from ..models import Judge
from . import ServiceError

if TYPE_CHECKING:
    from semilla.models import User

#: Roles whose holders run, pay, review or judge grants and so may never receive one.
CONFLICTING_ROLES = (Role.STAFF, Role.FINANCE, Role.REVIEWER, Role.JUDGE)


def grantee_conflict(*, grantee: User, fund_id: int) -> str | None:
    """Why ``grantee`` may not receive a grant from the fund, or None."""

    if grantee.is_superuser or has_any_role(grantee, CONFLICTING_ROLES):
        return _(
            "This person holds a staff, finance, reviewer or judge role, so they cannot "
            "receive a seed grant."
        )
    if (
        Judge.objects.filter(user=grantee, event__fund_id=fund_id)
        .exclude(status=JudgeStatus.DECLINED)
        .exists()
    ):
        return _(
            "This person judges a pitch event of this fund, so they cannot receive its grants."
        )
    if ReviewAssignment.objects.filter(
        reviewer=grantee, application__cohort__pitch_events__fund_id=fund_id
    ).exists():
        return _(
            "This person reviews applications of a cohort of this fund, so they cannot "
            "receive its grants."
        )
    return None


def ensure_may_be_grantee(*, grantee: User, fund_id: int, actor: User | None = None) -> None:
    if actor is not None and grantee.pk == actor.pk:
        raise ServiceError(_("You cannot award a seed grant to yourself."))
    reason = grantee_conflict(grantee=grantee, fund_id=fund_id)
    if reason:
        raise ServiceError(reason)


def ensure_not_grantee(*, grantee_id: int, actor: User) -> None:
    """The grantee never handles the money of their own grant."""
    if actor is not None and actor.pk == grantee_id:
        raise ServiceError(_("This is your own grant: someone else must handle its payments."))
