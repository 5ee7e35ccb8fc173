"""Staff (and reviewers) looking at applicants' sensitive data leave an audit row: who,
whose, which fields, why — never the value. Query counts stay constant."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.enums import ApplicationStatus
from cohorts.models import ApplicationDocument
from semilla.enums import Role
from semilla.privacy.models import AccessAudit
from tests.factories.cohorts import ApplicationFactory, ReviewAssignmentFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def _sensitive_staff(make_user):
    staff = make_user(Role.STAFF)
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    return type(staff).objects.get(pk=staff.pk)


def _document(application, kind="identity"):
    name = storages["private"].save("cohorts/test/a.pdf", ContentFile(b"%PDF-1.4 test"))
    return ApplicationDocument.objects.create(
        application=application,
        kind=kind,
        storage_name=name,
        display_name="documento.pdf",
        content_type="application/pdf",
        size=13,
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_application_detail_in_the_console_is_audited(make_user, client_for, cohort):
    app = ApplicationFactory(cohort=cohort, nationality="ve", status=S.IN_REVIEW)
    staff = _sensitive_staff(make_user)
    url = reverse("cohorts_application:inspect", args=[app.pk])
    assert "Venezolana" in client_for(staff).get(url).content.decode()
    row = AccessAudit.objects.get()
    assert (row.actor_id, row.subject_id, row.model, row.object_id) == (
        staff.pk,
        app.user_id,
        "cohorts.application",
        str(app.pk),
    )
    assert {"nationality", "document_type", "population_group"} <= set(row.fields)
    assert "ve" not in row.fields and row.reason
    assert row.path == url
    # Staff without the permission see no sensitive field: nothing to audit.
    client_for(make_user(Role.STAFF)).get(url)
    assert AccessAudit.objects.count() == 1


def test_console_detail_query_count_is_constant(make_user, client_for, cohort):
    staff = _sensitive_staff(make_user)
    client = client_for(staff)
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    _document(app)
    ReviewAssignmentFactory(application=app)
    url = reverse("cohorts_application:inspect", args=[app.pk])
    client.get(url)
    few = _queries(client, url)
    for _ in range(4):
        _document(app, kind="business")
        ReviewAssignmentFactory(application=app)
    assert _queries(client, url) == few
    assert AccessAudit.objects.filter(subject=app.user).count() == 3


@pytest.mark.parametrize("viewer", ["staff", "reviewer"])
def test_document_download_by_someone_else_is_audited(viewer, people, client_for):
    document = _document(people["application"])
    response = client_for(people[viewer]).get(document.get_absolute_url())
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    row = AccessAudit.objects.get()
    assert (row.actor_id, row.subject_id, row.fields, row.object_id) == (
        people[viewer].pk,
        people["applicant"].pk,
        ["document:identity"],
        str(document.pk),
    )
    # The owner downloading their own file is not an access to audit.
    response = client_for(people["applicant"]).get(document.get_absolute_url())
    b"".join(response.streaming_content)
    assert AccessAudit.objects.count() == 1
    # Refused downloads write nothing.
    client_for(people["other_applicant"]).get(document.get_absolute_url())
    assert AccessAudit.objects.count() == 1


def test_sensitive_csv_export_is_audited_with_constant_queries(make_user, client_for, cohort):
    staff = _sensitive_staff(make_user)
    client = client_for(staff)
    url = reverse("cohorts_export", args=[cohort.pk])
    first = ApplicationFactory(cohort=cohort, status=S.SUBMITTED)
    client.get(url)
    one = _queries(client, url)
    others = [ApplicationFactory(cohort=cohort, status=S.SUBMITTED) for _ in range(5)]
    assert _queries(client, url) == one
    rows = AccessAudit.objects.filter(actor=staff).order_by("pk")
    latest = rows.filter(created_at=rows.last().created_at)
    assert {r.subject_id for r in latest} == {a.user_id for a in [first, *others]}
    assert "nationality" in latest[0].fields and "email" in latest[0].fields
    # Without the permission the export has no sensitive column and is not audited.
    before = AccessAudit.objects.count()
    client_for(make_user(Role.STAFF)).get(url)
    assert AccessAudit.objects.count() == before


def test_ranked_list_with_sensitive_columns_is_audited(make_user, client_for, cohort):
    apps = [ApplicationFactory(cohort=cohort, status=S.IN_REVIEW) for _ in range(3)]
    staff = _sensitive_staff(make_user)
    client_for(staff).get(reverse("cohorts_selection", args=[cohort.pk]))
    assert set(AccessAudit.objects.values_list("subject_id", flat=True)) == {
        a.user_id for a in apps
    }
    assert set(AccessAudit.objects.first().fields) == {"needs_document_check", "population_group"}
    client_for(make_user(Role.STAFF)).get(reverse("cohorts_selection", args=[cohort.pk]))
    assert AccessAudit.objects.count() == 3


def test_console_list_with_sensitive_columns_is_audited(make_user, client_for, cohort):
    apps = [ApplicationFactory(cohort=cohort, status=S.IN_REVIEW) for _ in range(2)]
    staff = _sensitive_staff(make_user)
    client_for(staff).get(reverse("cohorts_application:index"))
    assert set(AccessAudit.objects.values_list("subject_id", flat=True)) == {
        a.user_id for a in apps
    }
    assert "population_group" in AccessAudit.objects.first().fields
    client_for(make_user(Role.STAFF)).get(reverse("cohorts_application:index"))
    assert AccessAudit.objects.count() == 2


def test_bulk_export_raises_the_bulk_access_alert(make_user, client_for, cohort, settings):
    from semilla.privacy.models import BulkAccessAlert

    settings.PRIVACY_BULK_ACCESS_THRESHOLD = 3
    for _ in range(5):
        ApplicationFactory(cohort=cohort, status=S.SUBMITTED)
    staff = _sensitive_staff(make_user)
    client_for(staff).get(reverse("cohorts_export", args=[cohort.pk]))
    alert = BulkAccessAlert.objects.get(actor=staff)
    assert alert.people == 5
