import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from outcomes import selectors, services
from outcomes.enums import AlumniStatus, InvitationStatus
from outcomes.models import AlumniEvent, AlumniInvitation
from semilla.errors import ServiceError
from semilla.models import Notification
from tests.factories.outcomes import make_alumnus, make_event

pytestmark = pytest.mark.django_db


def test_alumni_invite_notifies_each_once_with_kind_alumni(staff_user):
    event = make_event()
    people = [make_alumnus(), make_alumnus()]
    assert services.alumni_invite(alumni=people, kind="event", event=event, actor=staff_user) == 2
    assert services.alumni_invite(alumni=people, kind="event", event=event, actor=staff_user) == 0
    kinds = list(
        Notification.objects.filter(user__in=[p.user for p in people]).values_list(
            "kind", flat=True
        )
    )
    assert kinds == ["alumni", "alumni"]


def test_alumni_invite_event_kind_needs_an_event(staff_user):
    with pytest.raises(ServiceError):
        services.alumni_invite(alumni=[make_alumnus()], kind="event", event=None, actor=staff_user)
    assert AlumniInvitation.objects.count() == 0


def test_invitation_answer_yes_takes_a_place_and_no_gives_it_back(staff_user):
    event = make_event(capacity=2)
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=event, actor=staff_user)
    invitation = AlumniInvitation.objects.get()
    services.invitation_answer(invitation=invitation, user=alumnus.user, accept=True)
    assert AlumniEvent.objects.get().accepted == 1
    services.invitation_answer(invitation=invitation, user=alumnus.user, accept=False)
    event.refresh_from_db()
    invitation.refresh_from_db()
    assert (event.accepted, invitation.status) == (0, InvitationStatus.DECLINED)


def test_invitation_answer_yes_when_full_is_refused(staff_user):
    event = make_event(capacity=1)
    first, second = make_alumnus(), make_alumnus()
    services.alumni_invite(alumni=[first, second], kind="event", event=event, actor=staff_user)
    services.invitation_answer(
        invitation=AlumniInvitation.objects.get(alumnus=first), user=first.user, accept=True
    )
    with pytest.raises(ServiceError):
        services.invitation_answer(
            invitation=AlumniInvitation.objects.get(alumnus=second), user=second.user, accept=True
        )
    assert AlumniInvitation.objects.get(alumnus=second).status == InvitationStatus.PENDING
    assert AlumniEvent.objects.get().accepted == 1


def test_event_over_capacity_is_refused_by_the_database():
    event = make_event(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AlumniEvent.objects.filter(pk=event.pk).update(accepted=2)


def test_invitation_answer_by_someone_else_is_refused(staff_user):
    event = make_event()
    alumnus, other = make_alumnus(), make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=event, actor=staff_user)
    with pytest.raises(ServiceError):
        services.invitation_answer(
            invitation=AlumniInvitation.objects.get(), user=other.user, accept=True
        )
    assert AlumniEvent.objects.get().accepted == 0


def test_invitation_answer_to_a_past_event_is_refused(staff_user):
    event = make_event()
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=event, actor=staff_user)
    AlumniEvent.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with pytest.raises(ServiceError):
        services.invitation_answer(
            invitation=AlumniInvitation.objects.get(), user=alumnus.user, accept=True
        )


def test_mentor_invitation_yes_moves_to_mentor_and_opens_the_mentor_sign_up(staff_user, client_for):
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="mentor", actor=staff_user)
    invitation = AlumniInvitation.objects.get()
    answer = client_for(alumnus.user).post(
        reverse("outcomes:invitation_answer", args=[invitation.pk]), {"answer": "yes"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == reverse("mentors:apply")
    alumnus.refresh_from_db()
    assert alumnus.status == AlumniStatus.MENTOR
    assert list(alumnus.history.values_list("to_status", flat=True)) == ["mentor"]


def test_invitations_page_lists_own_invitations(staff_user, client_for):
    event = make_event(title="Feria de egresados")
    alumnus, other = make_alumnus(), make_alumnus()
    services.alumni_invite(alumni=[alumnus, other], kind="event", event=event, actor=staff_user)
    page = client_for(alumnus.user).get(reverse("outcomes:invitations"))
    assert [i.alumnus_id for i in page.context["invitations"]] == [alumnus.pk]
    assert "Feria de egresados" in page.content.decode()


def test_invitations_page_says_the_event_s_date_in_words_in_both_languages(staff_user, client_for):
    year = timezone.localdate().year + 1
    event = make_event(starts_at=datetime.datetime(year, 12, 26, 23, 33, tzinfo=datetime.UTC))
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=event, actor=staff_user)
    client = client_for(alumnus.user)
    pages = {}
    for language in ("es", "en"):
        with translation.override(language):
            pages[language] = client.get(reverse("outcomes:invitations")).content.decode()
    assert (
        f"<p>26 de diciembre de {year}, 6:33 p.m. · Cúcuta</p>" in pages["es"],
        f"<p>26 December {year}, 6:33 p.m. · Cúcuta</p>" in pages["en"],
    ) == (True, True)


def test_invitation_answer_for_someone_elses_invitation_is_404(staff_user, client_for):
    event = make_event()
    alumnus, other = make_alumnus(), make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=event, actor=staff_user)
    answer = client_for(other.user).post(
        reverse("outcomes:invitation_answer", args=[AlumniInvitation.objects.get().pk]),
        {"answer": "yes"},
    )
    assert answer.status_code == 404
    assert AlumniInvitation.objects.get().status == InvitationStatus.PENDING


def test_invitation_answers_query_count_constant(staff_user, django_assert_num_queries):
    event = make_event(capacity=10)
    services.alumni_invite(alumni=[make_alumnus()], kind="event", event=event, actor=staff_user)
    with django_assert_num_queries(2):
        selectors.invitation_answers(event=event)
    services.alumni_invite(
        alumni=[make_alumnus() for _ in range(3)], kind="event", event=event, actor=staff_user
    )
    with django_assert_num_queries(2):
        answers = selectors.invitation_answers(event=event)
    assert answers["counts"] == {"pending": 4, "accepted": 0, "declined": 0}


def test_invitations_for_query_count_constant(staff_user, django_assert_num_queries):
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="event", event=make_event(), actor=staff_user)
    with django_assert_num_queries(1):
        selectors.invitations_for(user=alumnus.user)
    for _ in range(2):
        services.alumni_invite(alumni=[alumnus], kind="event", event=make_event(), actor=staff_user)
    with django_assert_num_queries(1):
        assert len(selectors.invitations_for(user=alumnus.user)) == 3


def test_staff_invite_screen_sends_to_the_filtered_alumni(staff_user, client_for):
    event = make_event()
    cucuta = make_alumnus(city="cucuta")
    make_alumnus(city="bogota")
    answer = client_for(staff_user).post(
        reverse("outcomes_event_invite", args=[event.pk]),
        {"city": "cucuta", "cohort": "", "sector": "", "confirm": "on"},
    )
    assert answer.status_code == 302
    assert list(AlumniInvitation.objects.values_list("alumnus_id", flat=True)) == [cucuta.pk]
    screen = client_for(staff_user).get(reverse("outcomes_event_invite", args=[event.pk]))
    assert screen.context["answers"]["counts"]["pending"] == 1


def test_staff_invite_screen_refused_to_non_staff(client_for, entrepreneur):
    event = make_event()
    answer = client_for(entrepreneur).post(
        reverse("outcomes_event_invite", args=[event.pk]), {"city": "", "confirm": "on"}
    )
    assert answer.status_code in (302, 403)
    assert AlumniInvitation.objects.count() == 0


def test_staff_mentor_invitations_screen_lists_events_and_counts(staff_user, client_for):
    event = make_event(title="Feria")
    alumnus = make_alumnus()
    services.alumni_invite(alumni=[alumnus], kind="mentor", actor=staff_user)
    services.invitation_answer(
        invitation=AlumniInvitation.objects.get(), user=alumnus.user, accept=False
    )
    page = client_for(staff_user).get(reverse("outcomes_mentor_invite"))
    assert [e.pk for e in page.context["events"]] == [event.pk]
    assert page.context["answers"]["counts"] == {"pending": 0, "accepted": 0, "declined": 1}


def test_staff_create_an_alumni_event_in_the_console(staff_user, client_for):
    answer = client_for(staff_user).post(
        reverse("alumni_events:add"),
        {
            "title": "Café de egresados",
            "starts_at": "2030-03-05 18:00",
            "place": "",
            "link": "meet.example.org/egresados",
            "city": "",
            "capacity": "30",
        },
    )
    assert answer.status_code == 302
    event = AlumniEvent.objects.get()
    assert (event.title, event.link, event.capacity) == (
        "Café de egresados",
        "https://meet.example.org/egresados",
        30,
    )


def test_event_capacity_below_the_yes_answers_is_refused():
    from django.core.exceptions import ValidationError

    event = make_event(capacity=3)
    AlumniEvent.objects.filter(pk=event.pk).update(accepted=2)
    event.refresh_from_db()
    event.capacity = 1
    with pytest.raises(ValidationError):
        event.full_clean()
