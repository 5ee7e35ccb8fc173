"""Who may do what in the market app (one function per question)."""

from semilla.permissions import is_programme_staff, is_signed_in


def may_manage_interests(user) -> bool:
    """Programme staff route expressions of interest and send introductions."""
    return is_programme_staff(user)


def may_manage_referrals(user) -> bool:
    return is_programme_staff(user)


def may_move_referral(user, referral) -> bool:
    """The person herself records what came of her referral, and so do staff."""
    return is_signed_in(user) and (referral.user_id == user.pk or is_programme_staff(user))
