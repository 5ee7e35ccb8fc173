"""The mentee's and mentor's pages: inbox, thread (without JavaScript), concern, no-show,
their reports; escaping and links; constant query counts."""

import pytest
from django.urls import reverse

from conversations.enums import ReportKind, ReportStatus
from conversations.models import Message, ReadMark, Report
from conversations.templatetags.conversations_tags import message_html
from tests.factories.conversations import active_match, add_messages, make_report, past_session

pytestmark = pytest.mark.django_db


def _thread_url(match):
    return reverse("conversations:thread", args=[match.pk])


def test_thread_post_sends_and_redirects_to_the_latest_message(client_for):
    match = active_match()
    response = client_for(match.participant.user).post(_thread_url(match), {"body": "Hola"})
    assert (response.status_code, response["Location"]) == (302, _thread_url(match) + "#latest")
    assert list(Message.objects.values_list("body", "sender")) == [
        ("Hola", match.participant.user_id)
    ]


def test_thread_post_twice_with_the_same_text_keeps_one_message(client_for):
    match = active_match()
    client = client_for(match.participant.user)
    first = client.post(_thread_url(match), {"body": "¿Nos vemos el jueves?"})
    second = client.post(_thread_url(match), {"body": "¿Nos vemos el jueves?"})
    assert (first.status_code, second.status_code, second["Location"]) == (
        302,
        302,
        _thread_url(match) + "#latest",
    )
    assert Message.objects.count() == 1


def test_thread_post_by_someone_else_is_404_and_writes_nothing(client_for, make_user):
    match = active_match()
    response = client_for(make_user()).post(_thread_url(match), {"body": "Hola"})
    assert (response.status_code, Message.objects.count()) == (404, 0)


def test_thread_post_refused_by_the_service_shows_the_reason(client_for, settings):
    settings.SEMILLA_RATE_LIMITS = {
        **settings.SEMILLA_RATE_LIMITS,
        "conversation_message": (0, 600),
    }
    match = active_match()
    response = client_for(match.participant.user).post(
        _thread_url(match), {"body": "Hola"}, follow=False
    )
    body = response.content.decode()
    assert (response.status_code, "Enviaste muchos mensajes" in body, Message.objects.count()) == (
        200,
        True,
        0,
    )


def test_thread_get_marks_read_and_the_inbox_counts_unread(client_for):
    match = active_match()
    rows = add_messages(match, 3, sender=match.participant.user)
    mentor = match.mentor.user
    inbox = client_for(mentor).get(reverse("conversations:inbox")).content.decode()
    assert "3 sin leer" in inbox
    client_for(mentor).get(_thread_url(match))
    assert ReadMark.objects.get(user=mentor).last_read_id == rows[-1].pk
    inbox = client_for(mentor).get(reverse("conversations:inbox")).content.decode()
    assert "sin leer" not in inbox


def test_thread_shows_removed_messages_as_a_marker(client_for):
    match = active_match()
    rows = add_messages(match, 1, sender=match.mentor.user, body="Secreto")
    Message.objects.filter(pk=rows[0].pk).update(body="", body_removed=True)
    page = client_for(match.participant.user).get(_thread_url(match)).content.decode()
    assert ("Mensaje eliminado" in page, "Secreto" in page) == (True, False)


def test_message_html_escapes_first_then_links_only_web_addresses():
    html = message_html(
        "<script>alert(1)</script> mira https://semilla.co/a?b=1&c=<i> y javascript:alert(1)"
    )
    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; mira "
        '<a href="https://semilla.co/a?b=1&amp;c=%3Ci%3E" rel="nofollow noopener noreferrer">'
        "https://semilla.co/a?b=1&amp;c=&lt;i&gt;</a> y javascript:alert(1)"
    )


def test_message_html_keeps_line_breaks():
    assert message_html("uno\ndos") == "uno<br>dos"


def test_thread_query_count_does_not_grow_with_messages(client_for, django_assert_num_queries):
    match = active_match()
    add_messages(match, 1)
    client = client_for(match.participant.user)
    client.get(_thread_url(match))  # warm up (session, read mark)
    add_messages(match, 1)  # one new message to mark read
    with django_assert_num_queries(12):
        client.get(_thread_url(match))
    add_messages(match, 45)  # more than a page
    with django_assert_num_queries(12):
        client.get(_thread_url(match))


def test_inbox_query_count_does_not_grow_with_conversations(
    client_for, django_assert_num_queries, make_user
):
    from semilla.enums import Role

    first = active_match()
    type(first.mentor).objects.filter(pk=first.mentor_id).update(capacity=5)
    mentor = first.mentor.user
    client = client_for(mentor)
    client.get(reverse("conversations:inbox"))
    with django_assert_num_queries(4):
        client.get(reverse("conversations:inbox"))
    for _ in range(2):
        match = active_match(mentor=mentor)
        add_messages(match, 4)
    make_user(Role.ENTREPRENEUR)
    with django_assert_num_queries(4):
        client.get(reverse("conversations:inbox"))


def test_thread_lists_started_sessions_to_report_and_concern_link(client_for):
    match = active_match()
    booking = past_session(match)
    page = client_for(match.participant.user).get(_thread_url(match)).content.decode()
    assert (
        reverse("conversations:no_show", args=[booking.pk]) in page,
        reverse("conversations:concern", args=[match.pk]) in page,
    ) == (True, True)


def test_no_show_post_creates_the_report_and_the_reporter_sees_its_status(client_for):
    match = active_match()
    booking = past_session(match)
    client = client_for(match.participant.user)
    response = client.post(reverse("conversations:no_show", args=[booking.pk]), {"text": ""})
    assert response["Location"] == reverse("conversations:reports")
    report = Report.objects.get()
    assert (report.kind, report.reported_id) == (ReportKind.NO_SHOW, match.mentor.user_id)
    page = client.get(reverse("conversations:reports")).content.decode()
    assert "Recibido" in page


def test_concern_post_by_someone_else_is_404_and_writes_nothing(client_for, make_user):
    match = active_match()
    url = reverse("conversations:concern", args=[match.pk])
    response = client_for(make_user()).post(url, {"category": "safety", "text": "x"})
    assert (response.status_code, Report.objects.count()) == (404, 0)


def test_concern_post_creates_a_safeguarding_report(client_for):
    match = active_match()
    url = reverse("conversations:concern", args=[match.pk])
    client_for(match.mentor.user).post(url, {"category": "money", "text": "Me pidió plata"})
    assert list(Report.objects.values_list("kind", "category", "reported")) == [
        ("safeguarding", "money", match.participant.user_id)
    ]


def test_concern_post_twice_makes_one_report(client_for):
    match = active_match()
    url = reverse("conversations:concern", args=[match.pk])
    client = client_for(match.participant.user)
    for _attempt in range(2):
        response = client.post(url, {"category": "money", "text": "Me pidió plata"})
        assert (response.status_code, response["Location"]) == (
            302,
            reverse("conversations:reports"),
        )
    assert Report.objects.count() == 1


def test_reported_person_sees_nothing_until_staff_disclose(client_for):
    report = make_report(status=ReportStatus.IN_REVIEW)
    client = client_for(report.reported)
    reporter_name = report.reporter.get_full_name()
    before = client.get(reverse("conversations:reports")).content.decode()
    Report.objects.filter(pk=report.pk).update(disclose_reporter=True)
    after = client.get(reverse("conversations:reports")).content.decode()
    assert (reporter_name in before, "Reportes sobre ti" in before) == (False, False)
    assert (reporter_name in after, "Reportes sobre ti" in after) == (True, True)


def test_reports_page_in_english(client_for):
    report = make_report()
    page = client_for(report.reporter).get("/en/conversaciones/reportes/").content.decode()
    assert ("My reports" in page, "Received" in page) == (True, True)


def test_mi_espacio_panel_says_new_messages_without_a_query_of_its_own(
    client_for, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    match = active_match()
    mentor = match.mentor.user
    client = client_for(mentor)
    url = reverse("semilla:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as quiet:
        before = client.get(url).content.decode()
    add_messages(match, 3, sender=match.participant.user)
    with django_assert_num_queries(len(quiet.captured_queries)):
        after = client.get(url).content.decode()
    assert ("Tienes mensajes nuevos" in before, "Tienes mensajes nuevos" in after) == (False, True)
