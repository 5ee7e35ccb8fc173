"""The staff console's triage: queue with filters, detail with the thread (audited),
actions, the pause lift; programme staff only, with the second factor."""

import pytest
from django.urls import reverse

from conversations.enums import ReportKind, ReportStatus
from conversations.models import Report
from semilla.enums import Role
from semilla.privacy.models import AccessAudit
from tests.factories.conversations import active_match, add_messages, make_report

pytestmark = pytest.mark.django_db


def test_queue_filters_by_status_and_kind(client_for, staff_user):
    concern = make_report()
    no_show = make_report(kind=ReportKind.NO_SHOW)
    closed = make_report(status=ReportStatus.RESOLVED)
    client = client_for(staff_user)
    url = reverse("conversations_reports")

    def listed(query):
        page = client.get(url, query).context["page"]
        return sorted(r.pk for r in page.object_list)

    assert listed({}) == sorted([concern.pk, no_show.pk])
    assert listed({"kind": "no_show"}) == [no_show.pk]
    assert listed({"status": "resolved"}) == [closed.pk]


def test_queue_query_count_is_constant(client_for, staff_user, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_report()
    client = client_for(staff_user)
    url = reverse("conversations_reports")
    client.get(url)
    with CaptureQueriesContext(connection) as one_row:
        client.get(url)
    for _ in range(4):
        make_report(kind=ReportKind.NO_SHOW)
    with django_assert_num_queries(len(one_row.captured_queries)):
        client.get(url)


def test_detail_shows_the_thread_and_audits_the_read(client_for, staff_user):
    report = make_report()
    add_messages(report.match, 2, body="Mensaje privado")
    page = client_for(staff_user).get(reverse("conversations_report", args=[report.pk]))
    assert ("Mensaje privado" in page.content.decode()) is True
    audits = AccessAudit.objects.filter(actor=staff_user, model="conversations.report")
    assert sorted(audits.values_list("subject_id", flat=True)) == sorted(
        [report.reporter_id, report.reported_id]
    )
    assert sorted(audits.first().fields) == ["messages", "report"]


def test_console_is_refused_to_people_who_are_not_programme_staff(client_for, make_user):
    report = make_report()
    urls = [
        reverse("conversations_reports"),
        reverse("conversations_report", args=[report.pk]),
    ]
    for role in (Role.FINANCE, Role.FUNDER, Role.MENTOR, Role.ENTREPRENEUR):
        client = client_for(make_user(role))
        answers = [client.get(url).status_code for url in urls]
        assert answers in ([403, 403], [302, 302]), role
    action = reverse("conversations_report_action", args=[report.pk, "move"])
    client_for(make_user(Role.FINANCE)).post(action, {"to": "dismissed"})
    report.refresh_from_db()
    assert (report.status, AccessAudit.objects.count()) == ("new", 0)


def test_password_only_staff_gets_the_code_page_for_every_console_url(make_user):
    from tests.factories import password_only_client

    report = make_report()
    profile = report.match.mentor
    client = password_only_client(make_user(Role.STAFF))
    urls = [
        ("get", reverse("conversations_reports")),
        ("get", reverse("conversations_report", args=[report.pk])),
        ("post", reverse("conversations_report_action", args=[report.pk, "move"])),
        ("post", reverse("conversations_mentor_resume", args=[profile.pk])),
    ]
    answers = {
        url: getattr(client, method)(url, {"to": "dismissed"} if method == "post" else {})
        for method, url in urls
    }
    assert {
        url: (r.status_code, r["Location"].startswith("/es/accounts/2fa/reauthenticate/"))
        for url, r in answers.items()
    } == {url: (302, True) for _m, url in urls}
    report.refresh_from_db()
    assert (report.status, AccessAudit.objects.count()) == ("new", 0)


def test_actions_move_assign_note_and_disclose(client_for, staff_user):
    report = make_report()
    client = client_for(staff_user)

    def act(action, data):
        url = reverse("conversations_report_action", args=[report.pk, action])
        return client.post(url, data)

    assert act("move", {"to": "in_review", "note": "Lo miro"}).status_code == 302
    act("assign", {"assignee": staff_user.pk})
    act("note", {"text": "Llamé a las dos personas"})
    act("disclose", {"disclose": "on"})
    act("move", {"to": "resolved"})
    report.refresh_from_db()
    assert (report.status, report.assignee_id, report.disclose_reporter) == (
        "resolved",
        staff_user.pk,
        True,
    )
    assert list(report.events.values_list("action", flat=True)) == [
        "status",
        "assigned",
        "note",
        "disclosed",
        "status",
    ]


def test_a_move_not_in_the_table_is_refused_with_a_message(client_for, staff_user):
    report = make_report(status=ReportStatus.RESOLVED)
    url = reverse("conversations_report_action", args=[report.pk, "move"])
    client_for(staff_user).post(url, {"to": "dismissed"})
    assert Report.objects.get(pk=report.pk).status == "resolved"


def test_staff_lift_a_pause_from_the_console(client_for, staff_user):
    from mentors.services import mentor_new_matches_pause

    match = active_match()
    mentor_new_matches_pause(profile=match.mentor, reason="2 inasistencias")
    listing = client_for(staff_user).get(reverse("conversations_reports")).content.decode()
    assert "2 inasistencias" in listing
    client_for(staff_user).post(reverse("conversations_mentor_resume", args=[match.mentor.pk]))
    match.mentor.refresh_from_db()
    assert match.mentor.new_matches_paused_at is None
