"""Links into the conversations from the mentoring pages: the mentee's mentorship page,
the match page (mentor and mentee), each past row of "Mis sesiones"; no extra query per
row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentors.enums import BookingStatus, MatchStatus
from mentors.models import MentorProfile
from tests.factories.conversations import active_match, past_session
from tests.factories.mentors import MatchFactory

pytestmark = pytest.mark.django_db


def _thread(match):
    return f'href="{reverse("conversations:thread", args=[match.pk])}"'


def _concern(match):
    return f'href="{reverse("conversations:concern", args=[match.pk])}"'


def _no_show(booking):
    return f'href="{reverse("conversations:no_show", args=[booking.pk])}"'


def test_my_mentorship_links_to_the_thread_and_a_concern_when_accepted(client_for):
    match = active_match()
    page = client_for(match.participant.user).get(reverse("mentors:my_mentorship"))
    body = page.content.decode()
    assert (page.status_code, _thread(match) in body, _concern(match) in body) == (
        200,
        True,
        True,
    )


def test_my_mentorship_has_no_thread_link_while_the_match_is_proposed(client_for):
    match = MatchFactory(status=MatchStatus.PROPOSED)
    body = client_for(match.participant.user).get(reverse("mentors:my_mentorship")).content
    assert (_thread(match) in body.decode(), _concern(match) in body.decode()) == (False, False)


def test_match_page_links_the_mentor_to_write_to_the_mentee(client_for):
    match = active_match()
    body = (
        client_for(match.mentor.user)
        .get(reverse("mentors:match_detail", args=[match.pk]))
        .content.decode()
    )
    assert (
        _thread(match) in body,
        "Escríbele a tu emprendedora o emprendedor" in body,
        _concern(match) in body,
    ) == (
        True,
        True,
        True,
    )


def test_match_page_links_the_mentee_to_write_to_the_mentor(client_for):
    match = active_match()
    body = (
        client_for(match.participant.user)
        .get(reverse("mentors:match_detail", args=[match.pk]))
        .content.decode()
    )
    assert (_thread(match) in body, "Escríbele a tu mentora o mentor" in body) == (True, True)


def test_past_confirmed_session_links_to_the_thread_and_a_no_show_report(client_for):
    match = active_match()
    held = past_session(match, days_ago=2)
    cancelled = past_session(
        match, days_ago=3, status=BookingStatus.CANCELLED, cancel_reason="Me enfermé"
    )
    body = client_for(match.participant.user).get(reverse("mentors:sessions")).content.decode()
    assert (
        f'data-testid="write-{held.pk}"' in body,
        f'data-testid="write-{cancelled.pk}"' in body,
        _no_show(held) in body,
        _no_show(cancelled) in body,
    ) == (True, True, True, False)


def test_past_session_of_an_ended_match_keeps_its_links(client_for):
    match = MatchFactory(status=MatchStatus.ENDED)
    held = past_session(match, days_ago=2)
    body = client_for(match.mentor.user).get(reverse("mentors:sessions")).content.decode()
    assert (_thread(match) in body, _no_show(held) in body) == (True, True)


def test_sessions_page_queries_do_not_grow_with_past_rows_of_many_matches(
    client_for, django_assert_num_queries
):
    first = active_match()
    mentor = first.mentor.user
    MentorProfile.objects.filter(pk=first.mentor_id).update(capacity=6)
    past_session(first, days_ago=2)
    client = client_for(mentor)
    url = reverse("mentors:sessions")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for days in (3, 4, 5):
        past_session(active_match(mentor=mentor), days_ago=days)
    with django_assert_num_queries(len(one.captured_queries)):
        body = client.get(url).content.decode()
    assert (body.count('data-testid="write-'), body.count('data-testid="no-show-')) == (4, 4)
