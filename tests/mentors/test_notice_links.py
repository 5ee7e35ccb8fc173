"""Every mentoring notice in the bell opens the page it is about: the session proposal, the
booking, the match (they had only "Mark as read", while their e-mails carried the link).
``notify()`` takes the e-mail's link when the service passes no ``url``."""

import datetime

import pytest
from django.utils import timezone

from mentors import services
from mentors.enums import MatchStatus
from semilla.models import Notification
from tests.factories.mentors import MatchFactory, mentor_available_every_day


@pytest.fixture
def match(db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(match.mentor)
    return match


def _links(user) -> set[tuple[str, str]]:
    return set(Notification.objects.filter(user=user).values_list("template", "url"))


def test_a_session_proposal_and_its_answer_link_to_the_sessions(
    match, django_capture_on_commit_callbacks
):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_propose(match=match, starts_at=starts, actor=match.mentor.user)
        services.booking_respond(booking=booking, actor=match.participant.user, accept=True)
    assert ("mentors/booking_proposed", "/es/mentores/sesiones/") in _links(match.participant.user)
    assert ("mentors/booking_confirmed", "/es/mentores/sesiones/") in _links(match.mentor.user)
    assert all(url for _template, url in _links(match.mentor.user) | _links(match.participant.user))


def test_a_proposed_match_links_each_side_to_its_page(db, django_capture_on_commit_callbacks):
    match = MatchFactory(status=MatchStatus.PROPOSED)
    with django_capture_on_commit_callbacks(execute=True):
        services.match_accept(match=match, actor=match.mentor.user)
    assert _links(match.mentor.user) == {
        ("mentors/match_accepted_mentor", f"/es/mentores/emparejamientos/{match.pk}/")
    }
    assert _links(match.participant.user) == {
        ("mentors/match_accepted_participant", "/es/mentores/mi-mentoria/")
    }
