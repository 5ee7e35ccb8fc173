"""A person with data in every app, and the erasure journal in a temporary folder."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from semilla.enums import ConsentPurpose, Role
from tests.factories.files import pdf_bytes

NAME = "Yolimar Cárdenas Briceño"
EMAIL = "yolimar.cardenas@example.org"
PHONE = "+57 311 987 6543"
RECEIPT = pdf_bytes()
SECRET_TEXTS = [
    NAME,
    EMAIL,
    PHONE,
    "Empanadas Yolimar",
    "Mi motivación secreta",
    "Barrio La Libertad",
    "V-12345678",
    "Reporte del hito de Yolimar",
]


@pytest.fixture(autouse=True)
def _journal_in_tmp(settings, tmp_path):
    settings.PRIVACY_ERASURE_JOURNAL = tmp_path / "erasure-journal.jsonl"


@pytest.fixture
def data_protection_user(make_user):
    from django.contrib.auth.models import Group

    user = make_user(Role.STAFF)
    user.groups.add(Group.objects.get(name="data_protection"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def person(make_user):
    """An entrepreneur with an application (and an identity document), a participation,
    lesson progress and a certificate, a mentor match, a seed grant with evidence and
    payout details, consents, notification settings and a data request."""
    from cohorts.enums import ApplicationStatus, DocumentKind
    from cohorts.models import ApplicationDocument, ApplicationStatusChange
    from pitchday.models import Evidence, Milestone
    from semilla.models import NotificationSettings
    from semilla.privacy import consent_record
    from semilla.privacy.models import DataRequest
    from tests.factories.cohorts import ApplicationFactory, CohortFactory
    from tests.factories.pitchday import make_confirmed_details, make_grant

    user = make_user(Role.ENTREPRENEUR, full_name=NAME, email=EMAIL)
    cohort = CohortFactory()
    application = ApplicationFactory(
        user=user,
        cohort=cohort,
        status=ApplicationStatus.SUBMITTED,
        phone=PHONE,
        business_name="Empanadas Yolimar",
        motivation="Mi motivación secreta",
        municipality="Barrio La Libertad",
        birth_date=datetime.date(1991, 7, 14),
    )
    ApplicationStatusChange.objects.create(
        application=application, to_status="submitted", note=f"Llamamos a {NAME}"
    )
    storage = storages["private"]
    name = storage.save("documents/yolimar-ppt.pdf", ContentFile(b"%PDF-1.4 documento"))
    ApplicationDocument.objects.create(
        application=application,
        kind=DocumentKind.IDENTITY,
        storage_name=name,
        display_name="PPT Yolimar.pdf",
        content_type="application/pdf",
        size=18,
    )
    consent_record(user=user, purpose=ConsentPurpose.APPLICATION)
    consent_record(user=user, purpose=ConsentPurpose.WHATSAPP)
    NotificationSettings.objects.create(user=user, phone=PHONE, whatsapp=True)
    grant = make_grant(grantee=user, accept=True)
    make_confirmed_details(user, holder_name=NAME, document_number="V-12345678", phone=PHONE)
    milestone = Milestone.objects.filter(tranche__grant=grant).order_by("tranche__number").last()
    Milestone.objects.filter(pk=milestone.pk).update(report="Reporte del hito de Yolimar")
    Evidence.objects.create(
        milestone=milestone,
        kind="receipt",
        file=ContentFile(RECEIPT, name="recibo-yolimar.pdf"),
        original_name="recibo-yolimar.pdf",
        content_type="application/pdf",
        size=len(RECEIPT),
        uploaded_by=user,
    )
    DataRequest.objects.create(
        user=user, kind="query", details=f"Soy {NAME}", due_on=timezone.localdate()
    )
    user.refresh_from_db()
    return user


def _snapshot(instance) -> dict:
    """A revision's copy of a record, as Wagtail stores it (field name -> value)."""
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@pytest.fixture
def console_footprint(person, make_user):
    """The person's traces in the staff console: staff edited their application, account
    and payout details (Wagtail log entries, revisions, Django admin entries), and they
    edited their own account settings and a cohort themselves. Returns the ids of rows that
    must come out of erasure unchanged (history that does not name the person)."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry, Revision

    staff = make_user(Role.STAFF, full_name="Ana Staff", email="ana.staff@example.org")
    application = person.cohort_applications.get()
    details = person.payout_details.latest("pk")
    now = timezone.now()
    for record in (application, person, details):
        content_type = ContentType.objects.get_for_model(record)
        log(instance=record, action="wagtail.edit", user=staff, data={"note": f"{NAME}, {PHONE}"})
        Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(record.pk),
            created_at=now,
            user=staff,
            object_str=str(record),
            content=_snapshot(record),
        )
        LogEntry.objects.create(
            user=staff,
            content_type=content_type,
            object_id=str(record.pk),
            object_repr=str(record)[:200],
            action_flag=CHANGE,
            change_message=f"Llamamos a {NAME} al {PHONE}",
        )
    log(instance=person, action="wagtail.edit", user=person)  # their account settings
    kept = log(instance=application.cohort, action="wagtail.edit", user=person)
    assert ModelLogEntry.objects.filter(label__contains=NAME).exists()
    return {"kept_log": kept.pk, "kept_label": application.cohort.name, "staff": staff.pk}
