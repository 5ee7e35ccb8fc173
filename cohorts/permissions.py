"""Who may do what in cohorts. One function per question."""

from semilla.enums import Role
from semilla.permissions import has_role, is_programme_staff, is_signed_in

from .enums import ParticipantStatus
from .models import Participant


def is_participant(user, cohort=None) -> bool:
    """An active participant (of ``cohort`` when given, of any cohort otherwise)."""
    if not is_signed_in(user):
        return False

    qs = Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE)
    if cohort is not None:
        qs = qs.filter(cohort=cohort)
    return qs.exists()


def is_reviewer(user) -> bool:
    return has_role(user, Role.REVIEWER)


def may_see_sensitive(user) -> bool:
    """Nationality, population group, documents and contact data in lists and exports."""
    return is_signed_in(user) and user.has_perm("cohorts.view_sensitive_data")


def may_manage_cohorts(user) -> bool:
    return is_programme_staff(user)
