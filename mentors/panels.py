"""The mentoring panel of "Mi espacio" (constant number of queries)."""

from django.utils.translation import gettext_lazy as _

from cohorts.permissions import is_participant
from semilla.hooks import Panel
from semilla.permissions import is_signed_in

from . import selectors
from .enums import MatchStatus


def mentors_panel(request) -> Panel | None:
    user = request.user
    if not is_signed_in(user):
        return None
    profile = selectors.mentor_profile_for(user)
    pending = profile.matches.filter(status=MatchStatus.PROPOSED).count() if profile else 0
    participant = is_participant(user)
    match = selectors.open_match_for_participant_user(user=user) if participant else None
    next_session = (
        selectors.next_session_for_participant_user(user=user)
        if match is not None and match.status == MatchStatus.ACCEPTED
        else None
    )
    return Panel(
        title=_("Mentoring"),
        template="mentors/panels/mentors_panel.html",
        context={
            "profile": profile,
            "pending": pending,
            "match": match,
            "next_session": next_session,
            "is_participant": participant,
        },
        order=30,
    )
