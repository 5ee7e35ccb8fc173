"""Who may do what with personal-data rights."""

from ..permissions import is_signed_in


def is_data_protection(user) -> bool:
    """Data-protection staff: the data_protection group (or anyone granted
    semilla.view_access_audit) and superusers."""
    return is_signed_in(user) and (user.is_superuser or user.has_perm("semilla.view_access_audit"))


def may_view_consents(user) -> bool:
    """Everyone's consent records: data-protection staff, or staff granted
    semilla.view_consentrecord (the data_protection group holds it)."""
    return is_signed_in(user) and (
        user.is_superuser
        or user.has_perm("semilla.view_access_audit")
        or user.has_perm("semilla.view_consentrecord")
    )
