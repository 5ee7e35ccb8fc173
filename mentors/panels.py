"""The mentoring panel of "Mi espacio": no query of its own. Everything it shows (the
mentor profile's status, requests waiting, the participant's open match, their mentor's
name and next session) is a scalar read with the dashboard's facts (one query for every
panel), whatever the number of matches and sessions."""

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla.hooks import Panel, count_fact, facts_for
from semilla.permissions import is_signed_in

from .enums import OPEN_MATCH_STATUSES, BookingStatus, MatchStatus, MentorStatus
from .models import Booking, Match, MentorProfile


def _open_match(field: str):
    # the same match as ``selectors.open_match_for_participant_user``
    return lambda user: Subquery(
        Match.objects.filter(participant__user=OuterRef("pk"), status__in=OPEN_MATCH_STATUSES)
        .order_by("-created_at", "-pk")
        .values(field)[:1]
    )


def _pending(user):
    return count_fact(
        Match.objects.filter(mentor__user=OuterRef("pk"), status=MatchStatus.PROPOSED),
        per="mentor",
    )


def _next_session(user):
    # the same session as ``selectors.next_session_for_participant_user``
    return Subquery(
        Booking.objects.filter(
            participant__user=OuterRef("pk"),
            status=BookingStatus.CONFIRMED,
            starts_at__gt=timezone.now(),
        )
        .order_by("starts_at")
        .values("starts_at")[:1]
    )


FACTS = {
    "mentors_profile_status": lambda user: Subquery(
        MentorProfile.objects.filter(user=OuterRef("pk")).values("status")[:1]
    ),
    "mentors_pending": _pending,
    "mentors_participant": lambda user: Exists(
        Participant.objects.filter(user=OuterRef("pk"), status=ParticipantStatus.ACTIVE)
    ),
    "mentors_match_status": _open_match("status"),
    "mentors_mentor_full_name": _open_match("mentor__user__full_name"),
    "mentors_mentor_email": _open_match("mentor__user__email"),
    "mentors_next_session_at": _next_session,
}


def mentors_panel(request) -> Panel | None:
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    status = facts.get("mentors_profile_status")
    participant = bool(facts.get("mentors_participant"))
    match_status = facts.get("mentors_match_status") if participant else None
    return Panel(
        title=_("Mentoring"),
        template="mentors/panels/mentors_panel.html",
        context={
            "profile_status": status,
            "profile_status_label": MentorStatus(status).label if status else "",
            "pending": facts.get("mentors_pending", 0) if status else 0,
            "has_match": match_status is not None,
            "mentor_name": (
                facts.get("mentors_mentor_full_name") or facts.get("mentors_mentor_email")
            ),
            "next_session_at": (
                facts.get("mentors_next_session_at")
                if match_status == MatchStatus.ACCEPTED
                else None
            ),
            "is_participant": participant,
        },
        order=30,
    )
