"""Who may do what with conversations and reports. One function per question."""

from mentors.enums import MatchStatus
from semilla.permissions import is_programme_staff, is_signed_in

#: a thread is readable while the match is active and after it ended; written only while active
READABLE_MATCH_STATUSES = (MatchStatus.ACCEPTED, MatchStatus.ENDED)


def is_party(user, match) -> bool:
    return is_signed_in(user) and user.pk in (match.mentor.user_id, match.participant.user_id)


def may_read_thread(user, match) -> bool:
    return is_party(user, match) and match.status in READABLE_MATCH_STATUSES


def may_write(user, match) -> bool:
    return is_party(user, match) and match.status == MatchStatus.ACCEPTED


def may_triage_reports(user) -> bool:
    """Safeguarding staff: programme staff (the console's report queue)."""
    return is_programme_staff(user)
