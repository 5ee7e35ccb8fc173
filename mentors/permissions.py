"""Who may do what in the mentors app. One function per question."""

from semilla.enums import Role
from semilla.permissions import has_role, is_programme_staff, is_signed_in

from .enums import MatchStatus, MentorStatus


def may_manage_mentors(user) -> bool:
    """Vetting, matching runs, re-matching: programme staff."""
    return is_programme_staff(user)


def is_active_mentor(user) -> bool:
    if not has_role(user, Role.MENTOR):
        return False
    profile = getattr(user, "mentor_profile", None)
    return profile is not None and profile.status == MentorStatus.ACTIVE


def may_answer_match(user, match) -> bool:
    """Only the proposed mentor answers a request, while it waits."""
    return (
        is_signed_in(user)
        and match.mentor.user_id == user.pk
        and match.status == MatchStatus.PROPOSED
    )


def may_request_end(user, match) -> bool:
    return (
        is_signed_in(user)
        and match.status == MatchStatus.ACCEPTED
        and user.pk in (match.mentor.user_id, match.participant.user_id)
    )


def may_see_participant_details(user, match) -> bool:
    """A mentor sees their mentee's business details once they are matched (proposed or
    accepted); staff always."""
    return is_programme_staff(user) or (
        match.mentor.user_id == user.pk
        and match.status in (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)
    )
