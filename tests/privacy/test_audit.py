"""The staff access audit: rows written (never values), and the bulk-access alert."""

import pytest
from django.core import mail
from django.test import TestCase

from semilla.privacy import audit_access
from semilla.privacy.models import AccessAudit, BulkAccessAlert
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_audit_access_writes_who_what_why_never_the_value(staff_user, entrepreneur):
    rows = audit_access(
        actor=staff_user,
        subject=entrepreneur,
        fields=["nationality", "document_type"],
        reason="Revisar requisitos",
        model="cohorts.application",
        object_id=7,
        path="/admin/x/",
    )
    assert len(rows) == 1
    row = AccessAudit.objects.get()
    assert (row.actor, row.subject, row.model, row.object_id, row.fields, row.reason, row.path) == (
        staff_user,
        entrepreneur,
        "cohorts.application",
        "7",
        ["document_type", "nationality"],
        "Revisar requisitos",
        "/admin/x/",
    )
    assert BulkAccessAlert.objects.count() == 0


def test_audit_access_accepts_many_people_at_once(staff_user):
    people = UserFactory.create_batch(3)
    audit_access(
        actor=staff_user,
        subject=[people[0], people[1].pk, people[2], people[0]],
        fields=["phone"],
        reason="Exportación de la cohorte",
    )
    assert sorted(AccessAudit.objects.values_list("subject_id", flat=True)) == sorted(
        p.pk for p in people
    )


def test_bulk_access_alert_raised_once_and_mailed(staff_user, data_protection_user, settings):
    settings.PRIVACY_BULK_ACCESS_THRESHOLD = 50
    people = UserFactory.create_batch(51, verified=False)
    with TestCase.captureOnCommitCallbacks(execute=True):
        audit_access(
            actor=staff_user,
            subject=people[:50],
            fields=["nationality"],
            reason="Lista de postulantes",
        )
    assert BulkAccessAlert.objects.count() == 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        audit_access(
            actor=staff_user,
            subject=people[50],
            fields=["nationality"],
            reason="Lista de postulantes",
        )
    alert = BulkAccessAlert.objects.get()
    assert (alert.actor, alert.people) == (staff_user, 51)
    recipients = [m.to for m in mail.outbox]
    assert recipients == [[data_protection_user.email]]
    assert "51" in mail.outbox[0].body
    with TestCase.captureOnCommitCallbacks(execute=True):
        audit_access(actor=staff_user, subject=people[0], fields=["nationality"], reason="Otra vez")
    assert BulkAccessAlert.objects.count() == 1  # one alert per hour


def test_the_bulk_check_is_one_query_below_and_above_the_threshold(
    staff_user, settings, django_assert_num_queries
):
    """A page that audits its rows runs the same statements for 10 and 1,000 people: one
    INSERT and one check, before the threshold and after an alert went out."""
    settings.PRIVACY_BULK_ACCESS_THRESHOLD = 3
    people = UserFactory.create_batch(6, verified=False)
    with django_assert_num_queries(2):
        audit_access(actor=staff_user, subject=people[:2], fields=["phone"], reason="Lista")
    audit_access(actor=staff_user, subject=people[2:5], fields=["phone"], reason="Lista")
    assert BulkAccessAlert.objects.count() == 1
    with django_assert_num_queries(2):
        audit_access(actor=staff_user, subject=people[5], fields=["phone"], reason="Lista")
    assert BulkAccessAlert.objects.count() == 1
