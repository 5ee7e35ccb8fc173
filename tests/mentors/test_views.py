import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentors import services
from mentors.enums import MatchStatus, MentorStatus
from mentors.models import MentorProfile
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.mentors import MatchFactory, MentorProfileFactory, make_booking

APPLY = {
    "headline": "Abogada de emprendimientos",
    "expertise": ["legal_formalisation"],
    "sectors": ["services"],
    "languages": ["es", "en"],
    "city": "bogota",
    "meeting_mode": "either",
    "availability": ["weekend"],
    "capacity": "2",
    "bio": "Ayudo a formalizar negocios ante la Cámara de Comercio.",
    "link": "",
    "conflicts": "",
    "accept_code_of_conduct": "on",
}


@pytest.mark.parametrize(
    "name",
    [
        "mentors:home",
        "mentors:apply",
        "mentors:profile",
        "mentors:my_mentorship",
        "mentors:directory",
    ],
)
def test_views_anonymous_redirected_to_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/")


def test_apply_creates_applied_profile(client_for, entrepreneur):
    client = client_for(entrepreneur)
    assert client.get(reverse("mentors:apply")).status_code == 200
    response = client.post(reverse("mentors:apply"), APPLY)
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=entrepreneur)
    assert (profile.status, profile.languages, profile.capacity) == (
        MentorStatus.APPLIED,
        ["es", "en"],
        2,
    )


def test_apply_without_code_of_conduct_shows_error(client_for, entrepreneur):
    data = {**APPLY}
    del data["accept_code_of_conduct"]
    response = client_for(entrepreneur).post(reverse("mentors:apply"), data)
    assert response.status_code == 200
    assert "Debes aceptar el código de conducta" in response.content.decode()
    assert MentorProfile.objects.count() == 0


def test_profile_capacity_below_mentees_refused(client_for, db):
    mentor = MentorProfileFactory(capacity=2)
    MatchFactory(mentor=mentor, status=MatchStatus.ACCEPTED)
    MatchFactory(mentor=mentor, status=MatchStatus.ACCEPTED)
    data = {k: v for k, v in APPLY.items() if k != "accept_code_of_conduct"}
    data["capacity"] = "1"
    response = client_for(mentor.user).post(reverse("mentors:profile"), data)
    assert response.status_code == 200
    mentor.refresh_from_db()
    assert mentor.capacity == 2


def test_match_detail_permission_matrix(client_for, db, staff_user):
    match = MatchFactory()
    other_mentor = MentorProfileFactory()
    url = reverse("mentors:match_detail", args=[match.pk])
    assert client_for(None).get(url).status_code == 302
    assert client_for(match.mentor.user).get(url).status_code == 200
    assert client_for(match.participant.user).get(url).status_code == 200
    assert client_for(staff_user).get(url).status_code == 200
    assert client_for(other_mentor.user).get(url).status_code == 404
    assert client_for(make_user(Role.ENTREPRENEUR)).get(url).status_code == 404


def test_match_accept_only_by_its_mentor(client_for, db):
    match = MatchFactory()
    url = reverse("mentors:match_accept", args=[match.pk])
    assert client_for(match.mentor.user).get(url).status_code == 405
    assert client_for(MentorProfileFactory().user).post(url).status_code == 404
    assert client_for(match.participant.user).post(url).status_code == 404
    response = client_for(match.mentor.user).post(url)
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED


def test_match_decline_proposes_next(client_for, db):
    match = MatchFactory()
    backup = MentorProfileFactory()
    response = client_for(match.mentor.user).post(
        reverse("mentors:match_decline", args=[match.pk]), {"reason": "Viajo este mes"}
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.status, match.decline_reason) == (MatchStatus.DECLINED, "Viajo este mes")
    assert match.participant.mentor_matches.get(status=MatchStatus.PROPOSED).mentor == backup


def test_end_request_requires_reason(client_for, db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    url = reverse("mentors:match_end_request", args=[match.pk])
    client_for(match.participant.user).post(url, {"reason": ""})
    assert match.end_requests.count() == 0
    client_for(match.participant.user).post(url, {"reason": "Cambié de ciudad"})
    assert list(match.end_requests.values_list("reason", flat=True)) == ["Cambié de ciudad"]


def test_mentor_sees_only_own_mentees_on_home(client_for, db):
    mine = MatchFactory(status=MatchStatus.ACCEPTED)
    theirs = MatchFactory(status=MatchStatus.ACCEPTED)
    body = client_for(mine.mentor.user).get(reverse("mentors:home")).content.decode()
    assert mine.participant.user.get_full_name() in body
    assert theirs.participant.user.get_full_name() not in body


def _held_and_confirmed(match, *, hours_ago: int, minutes: int, confirm: bool = True) -> None:
    booking = make_booking(match, timezone.now() - datetime.timedelta(hours=hours_ago))
    log = services.session_log(
        booking=booking, actor=match.mentor.user, outcome="held", duration_minutes=minutes
    )
    if confirm:
        services.session_confirm(log=log, actor=match.participant.user, rating=5)


def test_home_shows_the_mentors_confirmed_volunteer_hours(client_for, db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    _held_and_confirmed(match, hours_ago=50, minutes=55)
    _held_and_confirmed(match, hours_ago=26, minutes=35)
    _held_and_confirmed(match, hours_ago=3, minutes=60, confirm=False)  # not confirmed yet
    body = client_for(match.mentor.user).get(reverse("mentors:home")).content.decode()
    assert (
        '<p data-testid="volunteer-hours">Horas de voluntariado (sesiones confirmadas): 1,5</p>'
        in body
    )


def test_home_shows_zero_volunteer_hours_before_any_session(client_for, db):
    mentor = MentorProfileFactory()
    body = client_for(mentor.user).get(reverse("mentors:home")).content.decode()
    assert (
        '<p data-testid="volunteer-hours">Horas de voluntariado (sesiones confirmadas): 0</p>'
        in body
    )


def _mentor_with_matches(n):
    mentor = MentorProfileFactory(capacity=10)
    for _ in range(n):
        MatchFactory(mentor=mentor, status=MatchStatus.ACCEPTED)
        MatchFactory(mentor=mentor)
    return mentor


@pytest.mark.parametrize("n", [1, 4])
def test_home_query_count_constant(client_for, db, django_assert_num_queries, n):
    mentor = _mentor_with_matches(n)
    client = client_for(mentor.user)
    client.get(reverse("mentors:home"))
    with django_assert_num_queries(7):
        response = client.get(reverse("mentors:home"))
    assert response.status_code == 200


def test_my_mentorship_shows_mentor_and_saves_availability(client_for, db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    client = client_for(match.participant.user)
    body = client.get(reverse("mentors:my_mentorship")).content.decode()
    assert match.mentor.user.get_full_name() in body
    client.post(reverse("mentors:my_mentorship"), {"blocks": ["weekend", "weekday_evening"]})
    assert match.participant.mentee_availability.blocks == ["weekday_evening", "weekend"]


def test_my_mentorship_for_non_participant_is_404(client_for, mentor_user):
    assert client_for(mentor_user).get(reverse("mentors:my_mentorship")).status_code == 404


def test_directory_lists_and_requests_when_cohort_allows(client_for, db):
    from tests.factories.cohorts import CohortFactory, ParticipantFactory

    participant = ParticipantFactory(cohort=CohortFactory(allow_mentor_directory=True))
    mentor = MentorProfileFactory()
    MentorProfileFactory(languages=["en"])
    client = client_for(participant.user)
    response = client.get(reverse("mentors:directory"))
    assert [m.pk for m in response.context["mentors"]] == [mentor.pk]
    client.post(reverse("mentors:directory_request", args=[mentor.pk]))
    assert participant.mentor_matches.get().mentor == mentor


def test_directory_hidden_when_cohort_disallows(client_for, db):
    from tests.factories.cohorts import ParticipantFactory

    participant = ParticipantFactory()
    assert client_for(participant.user).get(reverse("mentors:directory")).status_code == 404


def test_dashboard_panel_for_mentor(client_for, db):
    match = MatchFactory()
    body = client_for(match.mentor.user).get(reverse("semilla:dashboard")).content.decode()
    assert "1 solicitud esperando tu respuesta" in body
