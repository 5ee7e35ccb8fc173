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
