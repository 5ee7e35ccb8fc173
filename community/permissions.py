"""Who may do what with employer partners, their posts and the answers to them.

The "employer" capability is a membership (``EmployerMembership``) of an approved partner,
not a site role: it needs no second factor and no staff-console access (see
docs/employers.md). Each question is one function, used by views and templates."""

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla.permissions import is_programme_staff, is_signed_in

from .enums import PartnerStatus
from .models import EmployerPartner


def partner_of(user):
    """The approved partner ``user`` acts for, or None (one query)."""
    if not is_signed_in(user):
        return None

    return (
        EmployerPartner.objects.filter(memberships__user=user, status=PartnerStatus.APPROVED)
        .order_by("pk")
        .first()
    )


def may_act_for(user, partner) -> bool:
    """``user`` is a member of ``partner`` and the partner is approved."""
    found = partner_of(user)
    return found is not None and partner is not None and found.pk == partner.pk


def may_see_opportunities(user) -> bool:
    """Participants (active) and alumni (completed) see and answer partners' posts."""
    if not is_signed_in(user):
        return False

    return Participant.objects.filter(
        user=user, status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED]
    ).exists()


def may_manage_partners(user) -> bool:
    """Programme staff review registrations and record commitments, hires and orders."""
    return is_programme_staff(user)
