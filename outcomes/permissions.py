"""Who may do what with outcome data."""

from semilla.permissions import is_programme_staff, is_signed_in


def may_manage_surveys(user) -> bool:
    """Programme staff: response rates, chasing, answers taken by phone."""
    return is_programme_staff(user)


def may_edit_alumni_card(user, alumnus) -> bool:
    return is_signed_in(user) and alumnus is not None and alumnus.user_id == user.pk
