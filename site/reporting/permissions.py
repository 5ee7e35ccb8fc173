"""Who may see the indicators, and how."""

from semilla.enums import Role
from semilla.permissions import has_any_role, has_role, is_signed_in


def may_view_indicators(user) -> bool:
    """Programme staff (everything) and funders / M&E viewers (aggregates only)."""
    return has_any_role(user, [Role.STAFF, Role.FUNDER])


def sees_only_suppressed(user) -> bool:
    """Funders never see a cell under 5, on screen or in an export."""
    return is_signed_in(user) and not (user.is_superuser or has_role(user, Role.STAFF))
