"""The mentor's week, the mentee's overview, the staff's pair health and the screens for
proposals, rescheduling and goals: permissions (anonymous, wrong person, right person)
and query counts that do not grow with rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentors import selectors, services
from mentors.enums import BookingStatus, GoalStatus, MatchStatus, SessionOutcome
from mentors.models import ActionItem, Booking, MentorshipGoal, SessionLog
from semilla.enums import Role
from semilla.errors import ServiceError
from tests.factories import make_user
from tests.factories.mentors import MatchFactory, MentorProfileFactory, mentor_available_every_day

LOGIN = "/es/accounts/login/"


@pytest.fixture
def match(db):
    m = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(m.mentor)
    return m


def _booking(match, *, hours_from_now: float, status=BookingStatus.CONFIRMED, **extra):
    start = (timezone.now() + datetime.timedelta(hours=hours_from_now)).replace(
        second=0, microsecond=0
    )
    return Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        status=status,
        **extra,
    )


def _held(match, *, hours_ago: float, rating=None, items=()):
    booking = _booking(match, hours_from_now=-hours_ago)
    log = SessionLog.objects.create(
        booking=booking,
        outcome=SessionOutcome.HELD,
        duration_minutes=60,
        confirmed_at=booking.ends_at if rating else None,
        rating=rating,
    )
    ActionItem.objects.bulk_create([ActionItem(log=log, text=text) for text in items])
    return booking


# ----------------------------------------------------------------------------- mentor's week


def test_week_permissions(client_for, match, entrepreneur):
    url = reverse("mentors:week")
    assert client_for(None).get(url)["Location"].startswith(LOGIN)
    assert client_for(entrepreneur).get(url).status_code == 404
    assert client_for(match.participant.user).get(url).status_code == 404
    assert client_for(match.mentor.user).get(url).status_code == 200


def test_week_shows_this_week_pending_logs_and_requests(client_for, match):
    this_week = selectors._week_bounds(now=timezone.now(), zone_name="America/Bogota")
    unlogged = _booking(match, hours_from_now=-2)
    waiting = MatchFactory(mentor=match.mentor)
    data = selectors.mentor_week(profile=match.mentor)
    assert [b.pk for b in data["pending_logs"]] == [unlogged.pk]
    assert [m.pk for m in data["requests"]] == [waiting.pk]
    assert all(this_week[0] <= b.starts_at < this_week[1] for b in data["week"])
    body = client_for(match.mentor.user).get(reverse("mentors:week")).content.decode()
    assert waiting.participant.user.get_full_name() in body
    assert "America/Bogota" in body


def test_week_bounds_follow_the_mentors_zone():
    # Monday 1 December 2025, 02:00 UTC is still Sunday evening in Bogotá.
    now = datetime.datetime(2025, 12, 1, 2, 0, tzinfo=datetime.UTC)
    start, end = selectors._week_bounds(now=now, zone_name="America/Bogota")
    assert (start.date(), end.date()) == (datetime.date(2025, 11, 24), datetime.date(2025, 12, 1))
    start, _end = selectors._week_bounds(now=now, zone_name="Europe/Madrid")
    assert start.date() == datetime.date(2025, 12, 1)


@pytest.mark.parametrize("n", [1, 3])
def test_week_query_count_constant(client_for, db, django_assert_num_queries, n):
    mentor = MentorProfileFactory(capacity=10)
    for i in range(n):
        pair = MatchFactory(status=MatchStatus.ACCEPTED, mentor=mentor)
        _booking(pair, hours_from_now=-3 - i)  # to log
        _booking(pair, hours_from_now=1 + i, status=BookingStatus.PROPOSED)
        MatchFactory(mentor=mentor)  # a request waiting
    client = client_for(mentor.user)
    client.get(reverse("mentors:week"))
    with django_assert_num_queries(8):
        response = client.get(reverse("mentors:week"))
    assert (len(response.context["pending_logs"]), len(response.context["requests"])) == (n, n)


# ----------------------------------------------------------------------------- mentee's overview


def test_mentee_overview_next_session_items_goals(client_for, match):
    _held(match, hours_ago=30, items=["Anotar ventas", "Calcular costos"])
    ActionItem.objects.filter(text="Anotar ventas").update(done_at=timezone.now())
    later = _booking(match, hours_from_now=50)
    sooner = _booking(match, hours_from_now=26)
    proposal = _booking(match, hours_from_now=80, status=BookingStatus.PROPOSED)
    goal = services.goal_add(match=match, actor=match.participant.user, title="Separar cuentas")
    overview = selectors.mentee_overview(user=match.participant.user)
    assert overview["next_session"] == sooner
    assert [i.text for i in overview["action_items"]] == ["Calcular costos"]
    assert overview["goals"] == [goal]
    assert overview["proposals"] == [proposal]
    assert later != sooner
    response = client_for(match.participant.user).get(reverse("mentors:my_mentorship"))
    body = response.content.decode()
    assert "Calcular costos" in body
    assert f'data-testid="proposal-{proposal.pk}"' in body
    assert f'data-testid="goal-{goal.pk}"' in body


@pytest.mark.parametrize("n", [1, 3])
def test_my_mentorship_query_count_constant(client_for, match, django_assert_num_queries, n):
    for i in range(n):
        _held(match, hours_ago=30 + 2 * i, items=[f"Tarea {i}"])
        _booking(match, hours_from_now=30 + 2 * i, status=BookingStatus.PROPOSED)
        services.goal_add(match=match, actor=match.participant.user, title=f"Meta {i}")
    client = client_for(match.participant.user)
    client.get(reverse("mentors:my_mentorship"))
    with django_assert_num_queries(10):
        response = client.get(reverse("mentors:my_mentorship"))
    assert len(response.context["overview"]["action_items"]) == n


def test_panel_shows_next_session(rf, match):
    from mentors.panels import mentors_panel

    booking = _booking(match, hours_from_now=30)
    request = rf.get("/")
    request.user = match.participant.user
    panel = mentors_panel(request)
    assert panel.context["next_session_at"] == booking.starts_at


# ----------------------------------------------------------------------------- proposals


def test_propose_permissions_and_flow(client_for, match):
    url = reverse("mentors:booking_propose", args=[match.pk])
    assert client_for(None).get(url)["Location"].startswith(LOGIN)
    assert client_for(match.participant.user).get(url).status_code == 404
    assert client_for(MentorProfileFactory().user).get(url).status_code == 404
    mentor = client_for(match.mentor.user)
    assert "America/Bogota" in mentor.get(url).content.decode()
    day = (timezone.localtime() + datetime.timedelta(days=3)).date()
    response = mentor.post(
        url, {"starts_at": f"{day:%Y-%m-%d}T19:30", "mode": "in_person", "topic": "Vitrina"}
    )
    assert response["Location"] == reverse("mentors:week")
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.PROPOSED
    # Entered in the mentor's zone (Bogotá, UTC-5).
    assert booking.starts_at == datetime.datetime.combine(
        day, datetime.time(19, 30), tzinfo=timezone.get_current_timezone()
    )
    again = mentor.post(url, {"starts_at": f"{day:%Y-%m-%d}T19:30", "mode": "virtual"})
    assert again.status_code == 200
    assert Booking.objects.count() == 1


def test_respond_permissions_and_confirm(client_for, match):
    booking = services.booking_propose(
        match=match,
        starts_at=timezone.now().replace(microsecond=0) + datetime.timedelta(days=2),
        actor=match.mentor.user,
    )
    url = reverse("mentors:booking_respond", args=[booking.pk])
    assert client_for(None).post(url, {"accept": "1"})["Location"].startswith(LOGIN)
    assert client_for(match.mentor.user).post(url, {"accept": "1"}).status_code == 404
    assert client_for(MatchFactory().participant.user).post(url, {"accept": "1"}).status_code == 404
    mentee = client_for(match.participant.user)
    assert mentee.get(url).status_code == 405
    body = mentee.get(reverse("mentors:sessions")).content.decode()
    assert f'data-testid="accept-proposal-{booking.pk}"' in body
    assert mentee.post(url, {"accept": "1"})["Location"] == reverse("mentors:sessions")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_respond_decline_through_view(client_for, match):
    booking = services.booking_propose(
        match=match,
        starts_at=timezone.now().replace(microsecond=0) + datetime.timedelta(days=2),
        actor=match.mentor.user,
    )
    url = reverse("mentors:booking_respond", args=[booking.pk])
    client_for(match.participant.user).post(url, {"accept": "0", "reason": "Viajo"})
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == (BookingStatus.DECLINED, "Viajo")


# ----------------------------------------------------------------------------- reschedule


def test_reschedule_permissions_and_move(client_for, match):
    booking = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[30], actor=match.participant.user
    )
    url = reverse("mentors:booking_reschedule", args=[booking.pk])
    assert client_for(None).get(url)["Location"].startswith(LOGIN)
    assert client_for(MatchFactory().participant.user).get(url).status_code == 404
    mentee = client_for(match.participant.user)
    page = mentee.get(url)
    assert page.status_code == 200
    target = selectors.free_slots(match=match, exclude_pk=booking.pk)[40]
    assert f'data-testid="move-{timezone.localtime(target):%Y-%m-%d-%H-%M}"' in (
        page.content.decode()
    )
    assert mentee.post(url, {"starts_at": target.isoformat(), "reason": ""}).status_code == 200
    response = client_for(match.mentor.user).post(
        url, {"starts_at": target.isoformat(), "reason": "Cambio de turno"}
    )
    assert response["Location"] == reverse("mentors:sessions")
    booking.refresh_from_db()
    assert (booking.starts_at, booking.sequence) == (target, 1)


def test_reschedule_page_asks_the_reason_once_and_keeps_it_when_refused(client_for, match):
    booking = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[30], actor=match.participant.user
    )
    url = reverse("mentors:booking_reschedule", args=[booking.pk])
    mentee = client_for(match.participant.user)
    page = mentee.get(url).content.decode()
    target = selectors.free_slots(match=match, exclude_pk=booking.pk)[40]
    not_free = target + datetime.timedelta(minutes=7)
    refused = mentee.post(url, {"starts_at": not_free.isoformat(), "reason": "Cambio de turno"})
    again = refused.content.decode()
    booking.refresh_from_db()
    assert (
        page.count('name="reason"'),
        page.count('data-testid="reschedule-form"'),
        f'name="starts_at" value="{target.isoformat()}"' in page,
        refused.status_code,
        again.count('name="reason"'),
        'value="Cambio de turno"' in again,
        booking.sequence,
    ) == (1, 1, True, 200, 1, True, 0)


def test_reschedule_to_the_session_s_own_time_is_not_offered_and_refused(client_for, match):
    starts_at = selectors.free_slots(match=match)[30]
    booking = services.booking_create(
        match=match, starts_at=starts_at, actor=match.participant.user
    )
    url = reverse("mentors:booking_reschedule", args=[booking.pk])
    mentee = client_for(match.participant.user)
    page = mentee.get(url).content.decode()
    with pytest.raises(ServiceError):
        services.booking_reschedule(
            booking=booking, starts_at=starts_at, actor=match.participant.user, reason="Igual"
        )
    booking.refresh_from_db()
    assert (f'value="{starts_at.isoformat()}"' in page, booking.sequence) == (False, 0)


def test_reschedule_after_cutoff_shows_no_slots(client_for, match):
    match.cohort.booking_cancel_cutoff_hours = 48
    match.cohort.save()
    booking = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[0], actor=match.participant.user
    )
    url = reverse("mentors:booking_reschedule", args=[booking.pk])
    response = client_for(match.participant.user).get(url)
    assert (response.context["too_late"], response.context["days"]) == (True, [])
    cancelled = _booking(match, hours_from_now=100)
    Booking.objects.filter(pk=cancelled.pk).update(
        status=BookingStatus.CANCELLED, cancel_reason="x"
    )
    gone = reverse("mentors:booking_reschedule", args=[cancelled.pk])
    assert client_for(match.participant.user).get(gone).status_code == 404


# ----------------------------------------------------------------------------- goals


def test_goal_views_permissions(client_for, match):
    url = reverse("mentors:goal_add", args=[match.pk])
    assert client_for(None).post(url, {"title": "x"})["Location"].startswith(LOGIN)
    assert client_for(MatchFactory().participant.user).post(url, {"title": "x"}).status_code == 404
    assert client_for(match.participant.user).get(url).status_code == 405
    response = client_for(match.participant.user).post(url, {"title": "Vender en línea"})
    assert response["Location"] == reverse("mentors:my_mentorship")
    response = client_for(match.mentor.user).post(url, {"title": "Registrar la marca"})
    assert response["Location"] == reverse("mentors:match_detail", args=[match.pk])
    assert list(MentorshipGoal.objects.values_list("title", flat=True)) == [
        "Vender en línea",
        "Registrar la marca",
    ]
    goal = MentorshipGoal.objects.first()
    status_url = reverse("mentors:goal_status", args=[goal.pk])
    outsider = client_for(MatchFactory().mentor.user)
    assert outsider.post(status_url, {"status": "achieved"}).status_code == 404
    client_for(match.mentor.user).post(status_url, {"status": "achieved"})
    goal.refresh_from_db()
    assert (goal.status, goal.progress) == (GoalStatus.ACHIEVED, 100)
    detail = client_for(match.mentor.user).get(reverse("mentors:match_detail", args=[match.pk]))
    assert f'data-testid="goal-{goal.pk}"' in detail.content.decode()


def test_log_form_records_goal_progress(client_for, match):
    goal = services.goal_add(match=match, actor=match.participant.user, title="Costos")
    booking = _booking(match, hours_from_now=-3)
    page = client_for(match.mentor.user).get(reverse("mentors:sessions")).content.decode()
    assert f'name="goal-{goal.pk}"' in page
    client_for(match.mentor.user).post(
        reverse("mentors:session_log", args=[booking.pk]),
        {"outcome": "held", "duration_minutes": "50", f"goal-{goal.pk}": "60"},
    )
    goal.refresh_from_db()
    assert goal.progress == 60


def test_log_form_refused_keeps_what_the_mentor_wrote(client_for, match):
    booking = _booking(match, hours_from_now=-3)
    client = client_for(match.mentor.user)
    url = reverse("mentors:session_log", args=[booking.pk])

    missing = client.post(url, {"notes": "Revisamos los costos de la arepa"})
    held_without_duration = client.post(
        url, {"outcome": "held", "notes": "Hablamos del local nuevo"}
    )

    assert missing.status_code == 400
    assert "Revisamos los costos de la arepa" in missing.content.decode()
    assert held_without_duration.status_code == 400
    page = held_without_duration.content.decode()
    assert "Hablamos del local nuevo" in page
    assert "Indica la duración de la sesión." in page
    assert SessionLog.objects.filter(booking=booking).exists() is False


# ----------------------------------------------------------------------------- staff


def test_pair_health_permissions(client_for, staff_user, db):
    url = reverse("mentors_admin:pair_health")
    assert client_for(None).get(url).status_code == 302
    assert client_for(make_user(Role.MENTOR)).get(url).status_code in (302, 403)
    refused = client_for(make_user(Role.FINANCE)).get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert client_for(staff_user).get(url).status_code == 200


def test_pair_health_numbers_and_flags(client_for, staff_user, match):
    _held(match, hours_ago=24 * 30, rating=2)
    no_show = _booking(match, hours_from_now=-24 * 29)
    SessionLog.objects.create(booking=no_show, outcome=SessionOutcome.MENTEE_NO_SHOW)
    _booking(match, hours_from_now=-24 * 28)  # not logged
    _booking(
        match,
        hours_from_now=-24 * 40,
        status=BookingStatus.CANCELLED,
        cancel_reason="Enfermedad",
        late_cancellation=True,
    )
    healthy = MatchFactory(status=MatchStatus.ACCEPTED)
    _held(healthy, hours_ago=48, rating=5)
    pairs = {p.pk: p for p in selectors.pair_health(inactive_days=21)}
    sick = pairs[match.pk]
    assert (sick.held, sick.no_shows, sick.unlogged, sick.late_cancels) == (1, 1, 1, 1)
    assert (sick.hours, sick.average_rating) == (1.0, 2.0)
    assert sick.flags == ["inactive", "low_rating", "unlogged", "late_cancels"]
    assert pairs[healthy.pk].flags == []
    url = reverse("mentors_admin:pair_health")
    only = client_for(staff_user).get(url, {"attention": "on", "inactive_days": "21"})
    assert [p.pk for p in only.context["pairs"]] == [match.pk]
    assert sorted(m.pk for m in only.context["mentors"]) == sorted(
        [match.mentor.pk, healthy.mentor.pk]
    )


@pytest.mark.parametrize("n", [1, 3])
def test_pair_health_query_count_constant(client_for, staff_user, db, django_assert_num_queries, n):
    for i in range(n):
        pair = MatchFactory(status=MatchStatus.ACCEPTED)
        _held(pair, hours_ago=48 + i, rating=4)
        _booking(pair, hours_from_now=-5 - i)
    client = client_for(staff_user)
    url = reverse("mentors_admin:pair_health")
    client.get(url)
    with django_assert_num_queries(13):
        response = client.get(url)
    assert len(response.context["pairs"]) == n


def test_booking_listing_read_only_for_staff(client_for, staff_user, match):
    booking = _booking(match, hours_from_now=30)
    staff = client_for(staff_user)
    assert staff.get("/admin/booking/").status_code == 200
    assert staff.get("/admin/booking/?status=confirmed&late_cancellation=true").status_code == 200
    assert staff.get(f"/admin/booking/inspect/{booking.pk}/").status_code == 200
    for path in (f"/admin/booking/edit/{booking.pk}/", f"/admin/booking/delete/{booking.pk}/"):
        response = staff.get(path)
        assert response.status_code in (302, 403)
    superuser = make_user(Role.STAFF, is_superuser=True)
    assert client_for(superuser).get("/admin/booking/add/").status_code in (302, 403)
    assert client_for(make_user(Role.MENTOR)).get("/admin/booking/").status_code in (302, 403)
    assert client_for(None).get("/admin/booking/").status_code == 302
