"""Messages and reports in the data download and on erasure: the erased person's words are
removed (a marker stays), the other person's messages stay; the reported person's download
does not name who reported them."""

import pytest

from conversations.models import Message, Report
from semilla.privacy import services as privacy
from tests.factories.conversations import active_match, add_messages, make_report

pytestmark = pytest.mark.django_db


def test_own_messages_and_reports_are_in_the_data_download():
    match = active_match()
    mentee = match.participant.user
    add_messages(match, 2, sender=mentee, body="Hola profe")
    add_messages(match, 1, sender=match.mentor.user, body="Hola")
    make_report(match=match, reporter=mentee, text="Llega tarde")
    data = privacy.collect_person_data(user=mentee)
    messages = data.records["conversations.message"]["rows"]
    reports = data.records["conversations.report"]["rows"]
    assert sorted(m["body"] for m in messages) == ["Hola profe 0", "Hola profe 1"]
    assert [r["text"] for r in reports] == ["Llega tarde"]


def test_reported_persons_download_does_not_name_the_reporter():
    report = make_report()
    data = privacy.collect_person_data(user=report.reported)
    assert data.records.get("conversations.report", {"rows": []})["rows"] == []


def test_erasure_removes_the_persons_words_and_keeps_the_other_persons():
    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    add_messages(match, 1, sender=mentee, body="Mi número es 300")
    add_messages(match, 1, sender=mentor, body="Gracias")
    report = make_report(match=match, reporter=mentee, text="Me gritó")
    privacy.person_erase(user=mentee)
    assert sorted(Message.objects.values_list("sender", "body", "body_removed")) == sorted(
        [(mentee.pk, "", True), (mentor.pk, "Gracias 0", False)]
    )
    assert Report.objects.get(pk=report.pk).text == ""


def test_retention_removes_an_inactive_persons_words_after_the_warning():
    import datetime

    from django.utils import timezone

    from semilla.privacy.models import InactivityNotice

    match = active_match()
    mentee, mentor = match.participant.user, match.mentor.user
    add_messages(match, 1, sender=mentee, body="Mi número es 300")
    add_messages(match, 1, sender=mentor, body="Gracias")
    long_ago = timezone.now() - datetime.timedelta(days=800)
    type(mentee).objects.filter(pk=mentee.pk).update(last_login=long_ago)
    InactivityNotice.objects.create(
        user=mentee,
        warned_at=long_ago,
        removal_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert privacy.inactive_accounts_remove() == 1
    assert sorted(Message.objects.values_list("sender", "body", "body_removed")) == sorted(
        [(mentee.pk, "", True), (mentor.pk, "Gracias 0", False)]
    )
