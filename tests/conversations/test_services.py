"""Messages, read marks, reports, their triage and the no-show pattern."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conversations import services
from conversations.enums import ConcernCategory, ReportAction, ReportKind, ReportStatus
from conversations.models import Message, ReadMark, Report
from mentors.enums import MatchStatus
from mentors.models import MentorProfile
from semilla.errors import ServiceError
from semilla.models import Notification, OutboxMessage
from tests.factories.conversations import active_match, add_messages, make_report, past_session

pytestmark = pytest.mark.django_db


def _notices(user, template):
    return Notification.objects.filter(user=user, template=template).count()


def test_message_send_creates_the_thread_and_tells_the_other_person():
    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    message = services.message_send(match=match, sender=mentee, body="  Hola profe  ")
    assert (message.body, message.conversation.match_id) == ("Hola profe", match.pk)
    notice = Notification.objects.get(user=mentor, template="conversations/new_message")
    assert (notice.kind, notice.url) == ("mentoring", f"/es/conversaciones/{match.pk}/")
    assert _notices(mentee, "conversations/new_message") == 0


def test_message_send_goes_through_the_channel_chosen_for_mentoring(settings):
    from semilla.models import NotificationPreference

    match = active_match()
    mentor = match.mentor.user
    NotificationPreference.objects.update_or_create(
        user=mentor, kind="mentoring", defaults={"channel": "centre"}
    )
    services.message_send(match=match, sender=match.participant.user, body="Hola")
    assert (
        OutboxMessage.objects.filter(user=mentor).count(),
        _notices(mentor, "conversations/new_message"),
    ) == (0, 1)


def test_message_send_notifies_once_per_unread_stretch():
    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    first = services.message_send(match=match, sender=mentee, body="Uno")
    services.message_send(match=match, sender=mentee, body="Dos")
    assert _notices(mentor, "conversations/new_message") == 1
    services.conversation_mark_read(
        conversation=first.conversation, user=mentor, up_to=Message.objects.latest("pk").pk
    )
    services.message_send(match=match, sender=mentee, body="Tres")
    assert _notices(mentor, "conversations/new_message") == 2


def test_message_send_by_someone_outside_the_match_is_refused(make_user):
    match = active_match()
    with pytest.raises(ServiceError):
        services.message_send(match=match, sender=make_user(), body="Hola")
    assert Message.objects.count() == 0


def test_message_send_after_the_match_ended_is_refused():
    match = active_match()
    type(match).objects.filter(pk=match.pk).update(status=MatchStatus.ENDED)
    match.refresh_from_db()
    with pytest.raises(ServiceError):
        services.message_send(match=match, sender=match.participant.user, body="Hola")
    assert Message.objects.count() == 0


@pytest.mark.parametrize("body", ["", "   ", "x" * 2001])
def test_message_send_refuses_empty_or_too_long_text(body):
    match = active_match()
    with pytest.raises(ServiceError):
        services.message_send(match=match, sender=match.participant.user, body=body)
    assert Message.objects.count() == 0


def test_message_send_is_rate_limited(settings):
    settings.SEMILLA_RATE_LIMITS = {
        **settings.SEMILLA_RATE_LIMITS,
        "conversation_message": (2, 600),
    }
    match = active_match()
    sender = match.participant.user
    services.message_send(match=match, sender=sender, body="1")
    services.message_send(match=match, sender=sender, body="2")
    with pytest.raises(ServiceError):
        services.message_send(match=match, sender=sender, body="3")
    assert Message.objects.count() == 2


def test_message_sent_twice_in_a_row_is_kept_once_and_notified_once(settings):
    settings.SEMILLA_RATE_LIMITS = {
        **settings.SEMILLA_RATE_LIMITS,
        "conversation_message": (1, 600),
    }
    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    first = services.message_send(match=match, sender=mentee, body="¿Nos vemos el jueves?")
    again = services.message_send(match=match, sender=mentee, body=" ¿Nos vemos el jueves? ")
    assert (again.pk, Message.objects.count(), _notices(mentor, "conversations/new_message")) == (
        first.pk,
        1,
        1,
    )


def test_same_text_again_after_the_window_or_after_a_reply_is_a_new_message():
    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    services.message_send(match=match, sender=mentee, body="Gracias")
    Message.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=3))
    services.message_send(match=match, sender=mentee, body="Gracias")
    services.message_send(match=match, sender=mentor, body="Con gusto")
    services.message_send(match=match, sender=mentee, body="Gracias")
    assert list(Message.objects.order_by("pk").values_list("body", flat=True)) == [
        "Gracias",
        "Gracias",
        "Con gusto",
        "Gracias",
    ]


def test_concern_sent_twice_in_a_row_is_one_report_and_one_alert(staff_user):
    match = active_match()
    mentee = match.participant.user
    first = services.concern_raise(
        match=match, reporter=mentee, category="money", text="Me pidió plata"
    )
    again = services.concern_raise(
        match=match, reporter=mentee, category="money", text="Me pidió plata "
    )
    assert (
        again.pk,
        Report.objects.count(),
        _notices(staff_user, "conversations/staff_new_report"),
    ) == (
        first.pk,
        1,
        1,
    )
    other = services.concern_raise(
        match=match, reporter=mentee, category="money", text="Y me volvió a escribir"
    )
    assert (other.pk != first.pk, Report.objects.count()) == (True, 2)


def test_mark_read_never_goes_back():
    match = active_match()
    rows = add_messages(match, 3)
    conversation = rows[0].conversation
    user = match.mentor.user
    services.conversation_mark_read(conversation=conversation, user=user, up_to=rows[2].pk)
    services.conversation_mark_read(conversation=conversation, user=user, up_to=rows[0].pk)
    assert ReadMark.objects.get(user=user).last_read_id == rows[2].pk


def test_no_show_report_by_the_mentee_names_the_mentor_and_alerts_staff(staff_user):
    match = active_match()
    booking = past_session(match)
    report = services.no_show_report(booking=booking, reporter=match.participant.user)
    assert (report.kind, report.reported_id, report.status) == (
        ReportKind.NO_SHOW,
        match.mentor.user_id,
        ReportStatus.NEW,
    )
    assert list(report.events.values_list("action", "to_status")) == [("created", "new")]
    assert _notices(staff_user, "conversations/staff_new_report") == 1


def test_new_report_mail_links_to_the_report_in_the_console_on_this_site(
    staff_user, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://semilla.example.org/"
    match = active_match()
    with django_capture_on_commit_callbacks(execute=True):
        report = services.no_show_report(
            booking=past_session(match), reporter=match.participant.user
        )
    path = reverse("conversations_report", kwargs={"pk": report.pk})
    notice = Notification.objects.get(user=staff_user, template="conversations/staff_new_report")
    [mail] = [m for m in mailoutbox if m.to == [staff_user.email]]
    assert (notice.url, f"https://semilla.example.org{path}" in mail.body) == (path, True)


def test_no_show_report_by_the_mentor_names_the_mentee():
    match = active_match()
    report = services.no_show_report(booking=past_session(match), reporter=match.mentor.user)
    assert report.reported_id == match.participant.user_id


def test_no_show_report_of_a_future_session_is_refused():
    match = active_match()
    booking = past_session(match, days_ago=-2)
    with pytest.raises(ServiceError):
        services.no_show_report(booking=booking, reporter=match.participant.user)
    assert Report.objects.count() == 0


def test_no_show_report_twice_for_the_same_session_is_refused():
    match = active_match()
    booking = past_session(match)
    services.no_show_report(booking=booking, reporter=match.participant.user)
    with pytest.raises(ServiceError):
        services.no_show_report(booking=booking, reporter=match.participant.user)
    assert Report.objects.count() == 1


def test_no_show_report_by_someone_else_is_refused(make_user):
    match = active_match()
    with pytest.raises(ServiceError):
        services.no_show_report(booking=past_session(match), reporter=make_user())
    assert Report.objects.count() == 0


def test_concern_needs_a_category_and_text():
    match = active_match()
    mentee = match.participant.user
    with pytest.raises(ServiceError):
        services.concern_raise(match=match, reporter=mentee, category="nope", text="x")
    with pytest.raises(ServiceError):
        services.concern_raise(
            match=match, reporter=mentee, category=ConcernCategory.SAFETY, text="  "
        )
    report = services.concern_raise(
        match=match, reporter=mentee, category=ConcernCategory.SAFETY, text="Me siento insegura"
    )
    assert (report.kind, report.reported_id) == (ReportKind.SAFEGUARDING, match.mentor.user_id)


def test_report_move_follows_the_table_and_tells_the_reporter(staff_user):
    report = make_report()
    services.report_move(report=report, to=ReportStatus.IN_REVIEW, actor=staff_user)
    services.report_move(report=report, to=ReportStatus.RESOLVED, actor=staff_user, note="Hablamos")
    report.refresh_from_db()
    assert report.status == ReportStatus.RESOLVED
    assert list(report.events.values_list("from_status", "to_status", "note")) == [
        ("new", "in_review", ""),
        ("in_review", "resolved", "Hablamos"),
    ]
    assert _notices(report.reporter, "conversations/report_status") == 1
    with pytest.raises(ServiceError):
        services.report_move(report=report, to=ReportStatus.DISMISSED, actor=staff_user)


def test_report_triage_is_refused_to_someone_not_staff(make_user):
    report = make_report()
    outsider = report.reporter
    with pytest.raises(ServiceError):
        services.report_move(report=report, to=ReportStatus.IN_REVIEW, actor=outsider)
    with pytest.raises(ServiceError):
        services.report_note(report=report, actor=outsider, text="x")
    with pytest.raises(ServiceError):
        services.report_set_disclosure(report=report, disclose=True, actor=outsider)
    report.refresh_from_db()
    assert (report.status, report.disclose_reporter, report.events.count()) == ("new", False, 0)


def test_report_assign_note_and_disclosure_are_recorded(staff_user, make_user):
    from semilla.enums import Role

    report = make_report()
    colleague = make_user(Role.STAFF)
    services.report_assign(report=report, assignee=colleague, actor=staff_user)
    services.report_note(report=report, actor=staff_user, text="Llamé a la mentora")
    services.report_set_disclosure(report=report, disclose=True, actor=staff_user)
    report.refresh_from_db()
    assert (report.assignee_id, report.disclose_reporter) == (colleague.pk, True)
    assert list(report.events.values_list("action", flat=True)) == [
        ReportAction.ASSIGNED,
        ReportAction.NOTE,
        ReportAction.DISCLOSED,
    ]
    with pytest.raises(ServiceError):
        services.report_assign(report=report, assignee=report.reporter, actor=staff_user)


def _confirmed_no_show(match, staff, *, days_ago=3):
    report = make_report(
        match=match, kind=ReportKind.NO_SHOW, booking=past_session(match, days_ago=days_ago)
    )
    services.report_move(report=report, to=ReportStatus.RESOLVED, actor=staff)
    return report


def test_second_confirmed_no_show_pauses_new_matches_and_alerts_staff(staff_user):
    match = active_match()
    _confirmed_no_show(match, staff_user)
    profile = MentorProfile.objects.get(pk=match.mentor_id)
    assert profile.new_matches_paused_at is None
    _confirmed_no_show(match, staff_user, days_ago=10)
    profile.refresh_from_db()
    assert (profile.new_matches_paused, profile.new_matches_paused_reason) == (
        True,
        "2 inasistencias confirmadas en 90 días",
    )
    assert _notices(staff_user, "conversations/staff_mentor_paused") == 1
    notice = Notification.objects.get(user=staff_user, template="conversations/staff_mentor_paused")
    assert notice.url == reverse("conversations_reports")


def test_no_shows_outside_the_window_or_dismissed_do_not_pause(staff_user):
    match = active_match()
    _confirmed_no_show(match, staff_user, days_ago=91)
    dismissed = make_report(match=match, kind=ReportKind.NO_SHOW)
    services.report_move(report=dismissed, to=ReportStatus.DISMISSED, actor=staff_user)
    _confirmed_no_show(match, staff_user, days_ago=5)
    assert MentorProfile.objects.get(pk=match.mentor_id).new_matches_paused_at is None


def test_mentee_no_shows_never_pause_the_mentor(staff_user):
    match = active_match()
    for days in (2, 4):
        report = make_report(
            match=match,
            kind=ReportKind.NO_SHOW,
            reporter=match.mentor.user,
            booking=past_session(match, days_ago=days),
        )
        services.report_move(report=report, to=ReportStatus.RESOLVED, actor=staff_user)
    assert MentorProfile.objects.get(pk=match.mentor_id).new_matches_paused_at is None


def test_limit_is_a_setting(settings, staff_user):
    settings.CONVERSATIONS_NO_SHOW_LIMIT = 1
    match = active_match()
    _confirmed_no_show(match, staff_user)
    assert MentorProfile.objects.get(pk=match.mentor_id).new_matches_paused is True


def test_paused_mentor_is_skipped_by_matching_until_staff_lift_it(staff_user):
    from mentors.selectors import active_mentors_with_open_counts

    match = active_match()
    for days in (2, 4):
        _confirmed_no_show(match, staff_user, days_ago=days)
    assert match.mentor_id not in set(
        active_mentors_with_open_counts().values_list("pk", flat=True)
    )
    services.mentor_pause_lift(profile=match.mentor, actor=staff_user)
    profile = MentorProfile.objects.get(pk=match.mentor_id)
    assert (profile.new_matches_paused_at, profile.new_matches_paused_reason) == (None, "")
    assert match.mentor_id in set(active_mentors_with_open_counts().values_list("pk", flat=True))


def test_confirmed_no_shows_count_sessions_in_the_window(staff_user):
    match = active_match()
    _confirmed_no_show(match, staff_user, days_ago=89)
    now = timezone.now()
    assert services.confirmed_no_shows(profile=match.mentor, now=now) == 1
    later = now + datetime.timedelta(days=2)
    assert services.confirmed_no_shows(profile=match.mentor, now=later) == 0
