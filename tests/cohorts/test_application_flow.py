import datetime

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from cohorts import services
from cohorts.enums import ApplicationStatus
from cohorts.models import Application, ApplicationDocument, Cohort
from semilla.enums import Role
from tests.cohorts.conftest import PDF_BYTES, jpeg_bytes
from tests.factories.cohorts import ApplicationFactory, CohortFactory, DraftApplicationFactory

pytestmark = pytest.mark.django_db

PRESCREEN_OK = {
    "birth_date": "1991-03-02",
    "municipality": "Villa del Rosario",
    "business_stage": "early",
    "population_group": "venezuelan_migrant",
    "document_type": "ppt",
    "sector": "food",
}


def test_prescreen_refusal_explains_and_offers_alternatives(cohort, client):
    other = CohortFactory(city="virtual", name="Cohorte virtual")
    data = {**PRESCREEN_OK, "municipality": "Soacha", "birth_date": "2012-01-01"}
    response = client.post(reverse("cohorts:prescreen", args=[cohort.slug]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="prescreen-refused"' in html
    assert "18" in html
    assert other.name in html
    assert 'href="/es/"' in html or "aprende" in html


def test_prescreen_in_process_document_passes_with_flag(cohort, client):
    data = {**PRESCREEN_OK, "document_type": "in_process"}
    response = client.post(reverse("cohorts:prescreen", args=[cohort.slug]), data)
    assert 'data-testid="prescreen-ok"' in response.content.decode()


def test_prescreen_invalid_input_is_explained_per_field(cohort, client):
    response = client.post(
        reverse("cohorts:prescreen", args=[cohort.slug]), {**PRESCREEN_OK, "birth_date": "ayer"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["birth_date"] == ["Escribe una fecha válida."]


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_full_application_journey_with_resume(cohort, entrepreneur, client_for):
    client = client_for(entrepreneur)
    client.post(reverse("cohorts:prescreen", args=[cohort.slug]), PRESCREEN_OK)
    response = client.post(reverse("cohorts:start", args=[cohort.slug]))
    app = Application.objects.get(user=entrepreneur)
    assert response.url == reverse("cohorts:step", args=[app.pk, "about"])
    assert (app.municipality, app.city, app.sector) == ("Villa del Rosario", "cucuta", "food")
    response = client.post(
        reverse("cohorts:step", args=[app.pk, "about"]),
        {
            "birth_date": "1991-03-02",
            "sex": "female",
            "population_group": "venezuelan_migrant",
            "nationality": "ve",
            "document_type": "ppt",
            "municipality": "Villa del Rosario",
            "phone": "+57 300 111 2233",
            "save_exit": "1",
        },
    )
    assert response.url == reverse("cohorts:mine")
    # Another device: same account, new session, resumes at step 2.
    other_device = client_for(entrepreneur)
    response = other_device.get(app.get_absolute_url())
    assert response.url == reverse("cohorts:step", args=[app.pk, "business"])
    other_device.post(
        reverse("cohorts:step", args=[app.pk, "business"]),
        {
            "business_name": "Arepas Doña Carmen",
            "business_stage": "early",
            "sector": "food",
            "description": "Arepas rellenas a domicilio.",
            "employees": "2",
        },
    )
    other_device.post(
        reverse("cohorts:step", args=[app.pk, "needs"]),
        {
            "needs": ["finance", "marketing"],
            "languages": ["es"],
            "preferred_mode": "either",
            "motivation": "Crecer.",
        },
    )
    other_device.post(
        reverse("cohorts:step", args=[app.pk, "documents"]),
        {"upload": "1", "kind": "identity", "file": _upload("ppt.pdf", PDF_BYTES)},
    )
    other_device.post(reverse("cohorts:step", args=[app.pk, "documents"]), {"continue": "1"})
    response = other_device.post(reverse("cohorts:step", args=[app.pk, "consent"]), {})
    assert response.context["form"].errors["consent_application"] == [
        "Necesitamos esta autorización para considerar tu postulación."
    ]
    response = other_device.post(
        reverse("cohorts:step", args=[app.pk, "consent"]),
        {"consent_application": "on", "consent_sensitive": "on"},
    )
    app.refresh_from_db()
    assert (response.status_code, app.status) == (302, ApplicationStatus.SUBMITTED)
    detail = other_device.get(app.get_absolute_url()).content.decode()
    assert 'data-testid="application-status"' in detail
    # Locked after submitting.
    response = other_device.get(reverse("cohorts:step", args=[app.pk, "about"]))
    assert response.url == app.get_absolute_url()


def test_step_validation_shows_message_and_keeps_nothing_wrong(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur)
    response = client_for(entrepreneur).post(
        reverse("cohorts:step", args=[app.pk, "about"]),
        {
            "birth_date": "2999-01-01",
            "sex": "female",
            "population_group": "venezuelan_migrant",
            "nationality": "ve",
            "document_type": "ppt",
            "municipality": "Cúcuta",
            "phone": "llámame",
        },
    )
    errors = response.context["form"].errors
    assert errors["birth_date"] == ["La fecha de nacimiento no puede estar en el futuro."]
    assert "phone" in errors
    app.refresh_from_db()
    assert app.birth_date == datetime.date(1990, 5, 17)


def test_draft_after_deadline_is_kept_but_cannot_be_saved(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, business_name="Mi negocio")
    Cohort.objects.filter(pk=app.cohort_id).update(
        closes_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client = client_for(entrepreneur)
    client.post(
        reverse("cohorts:step", args=[app.pk, "about"]),
        {
            "birth_date": "1991-03-02",
            "sex": "female",
            "population_group": "venezuelan_migrant",
            "nationality": "ve",
            "document_type": "ppt",
            "municipality": "Cúcuta",
            "phone": "+57 300 111 2233",
        },
    )
    app.refresh_from_db()
    assert (app.status, app.municipality, app.business_name) == (
        ApplicationStatus.DRAFT,
        "Villa del Rosario",
        "Mi negocio",
    )
    page = client.get(app.get_absolute_url()).content.decode()
    assert "no puede enviarse" in page or "can no longer be submitted" in page


# --- Uploads -----------------------------------------------------------------------------


def test_upload_too_large_is_refused_before_storage(settings, entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur)
    big = _upload("big.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    with pytest.raises(services.ServiceError) as exc:
        services.document_add(application=app, kind="identity", uploaded=big, actor=entrepreneur)
    assert exc.value.message == (
        "El archivo pesa más de 10 MB. Toma una foto o un escaneo más liviano."
    )
    assert ApplicationDocument.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.jpg", b"MZ\x90\x00 this is an executable"),
        ("doc.pdf", b"<html><script>alert(1)</script></html>"),
        ("gif.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ],
)
def test_upload_type_is_checked_by_content_not_name(entrepreneur, name, content):
    app = DraftApplicationFactory(user=entrepreneur)
    with pytest.raises(services.ServiceError):
        services.document_add(
            application=app, kind="identity", uploaded=_upload(name, content), actor=entrepreneur
        )
    assert ApplicationDocument.objects.count() == 0


def test_upload_hostile_name_is_neutralised_and_exif_dropped(entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur)
    hostile = _upload("../../etc/passwd<script>.jpg", jpeg_bytes(), "image/jpeg")
    doc = services.document_add(
        application=app, kind="identity", uploaded=hostile, actor=entrepreneur
    )
    assert doc.display_name == "documento-de-identidad.jpg"
    assert ".." not in doc.storage_name and "passwd" not in doc.storage_name
    assert doc.storage_name.startswith("cohorts/")
    with storages["private"].open(doc.storage_name) as handle, Image.open(handle) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (40, 30)


def test_upload_pdf_by_content_with_wrong_name(entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur)
    doc = services.document_add(
        application=app,
        kind="business",
        uploaded=_upload("foto.png", PDF_BYTES),
        actor=entrepreneur,
    )
    assert (doc.content_type, doc.display_name) == ("application/pdf", "evidencia-del-negocio.pdf")


def test_upload_form_shows_type_error_on_the_field(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="documents")
    response = client_for(entrepreneur).post(
        reverse("cohorts:step", args=[app.pk, "documents"]),
        {"upload": "1", "kind": "identity", "file": _upload("x.pdf", b"not a pdf at all")},
    )
    assert response.context["form"].errors["file"] == ["Sube un PDF o una foto (JPEG, PNG o WEBP)."]


def test_purge_identity_documents_after_retention(entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur)
    doc = services.document_add(
        application=app, kind="identity", uploaded=_upload("a.pdf", PDF_BYTES), actor=entrepreneur
    )
    name = doc.storage_name
    Application.objects.filter(pk=app.pk).update(
        status=ApplicationStatus.REJECTED,
        submitted_at=timezone.now(),
        released_at=timezone.now() - datetime.timedelta(days=31),
    )
    assert services.purge_identity_documents() == 1
    assert services.purge_identity_documents() == 0
    doc.refresh_from_db()
    assert (doc.storage_name, doc.deleted_at is not None) == ("", True)
    assert storages["private"].exists(name) is False


def test_schedules_migration_creates_expiry_and_purge_idempotently():
    import importlib

    from django.apps import apps
    from django_q.models import Schedule

    migration = importlib.import_module("cohorts.migrations.0003_schedules")
    migration.create_schedules(apps, None)
    migration.create_schedules(apps, None)
    assert sorted(
        Schedule.objects.filter(func__startswith="cohorts.").values_list(
            "func", "schedule_type", "minutes"
        )
    ) == [
        ("cohorts.tasks.expire_offers", "I", 15),
        ("cohorts.tasks.purge_identity_documents", "D", None),
    ]


def test_withdraw_via_view(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur)
    response = client_for(entrepreneur).post(
        reverse("cohorts:withdraw", args=[app.pk]), {"note": "Me mudé"}
    )
    app.refresh_from_db()
    assert (response.status_code, app.status) == (302, ApplicationStatus.WITHDRAWN)
    assert app.history.last().note == "Me mudé"


def _ended_confirmed_application(user):
    app = ApplicationFactory(user=user, status=ApplicationStatus.ACCEPTED)
    services.offer_confirm(application=app, actor=user)
    Cohort.objects.filter(pk=app.cohort_id).update(
        starts_on=timezone.localdate() - datetime.timedelta(days=90),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    return app


def test_withdraw_link_hidden_once_the_cohort_has_ended(entrepreneur, client_for):
    app = _ended_confirmed_application(entrepreneur)
    with translation.override("es"):
        page = client_for(entrepreneur).get(app.get_absolute_url())
    assert (page.status_code, reverse("cohorts:withdraw", args=[app.pk]) in page.text) == (
        200,
        False,
    )


def test_withdraw_after_the_cohort_has_ended_is_refused(entrepreneur, client_for):
    app = _ended_confirmed_application(entrepreneur)
    client = client_for(entrepreneur)
    shown = client.get(reverse("cohorts:withdraw", args=[app.pk]))
    sent = client.post(reverse("cohorts:withdraw", args=[app.pk]), {"note": "ya terminé"})
    app.refresh_from_db()
    assert (shown.status_code, shown.url, sent.status_code, sent.url, app.status) == (
        302,
        app.get_absolute_url(),
        302,
        app.get_absolute_url(),
        ApplicationStatus.CONFIRMED,
    )


def test_role_entrepreneur_not_required_to_apply(make_user, cohort, client_for):
    user = make_user()
    client = client_for(user)
    client.post(reverse("cohorts:prescreen", args=[cohort.slug]), PRESCREEN_OK)
    client.post(reverse("cohorts:start", args=[cohort.slug]))
    assert Application.objects.filter(user=user).count() == 1
    assert Role.ENTREPRENEUR not in user.role_names


ABOUT_OK = {
    "birth_date": "1991-03-02",
    "sex": "female",
    "population_group": "venezuelan_migrant",
    "nationality": "ve",
    "document_type": "in_process",
    "municipality": "Villa del Rosario",
    "phone": "+57 300 111 2233",
}


@pytest.mark.parametrize(
    ("language", "explained"),
    [
        (
            "es",
            "Tus respuestas quedaron guardadas, pero con ellas no puedes enviar tu "
            "postulación a esta cohorte: Las sesiones de esta cohorte son presenciales",
        ),
        (
            "en",
            "Your answers are saved, but with them you cannot submit to this cohort: "
            "The sessions of this cohort are in person",
        ),
    ],
)
def test_step_changing_an_answer_explains_the_refusal_and_keeps_the_draft(
    entrepreneur, client_for, language, explained
):
    app = DraftApplicationFactory(user=entrepreneur, document_type="in_process")
    client = client_for(entrepreneur)
    with translation.override(language):
        url = reverse("cohorts:step", args=[app.pk, "about"])
    response = client.post(url, {**ABOUT_OK, "municipality": "Medellín", "continue": "1"})
    assert (response.status_code, response.url) == (302, url)
    page = client.get(url).content.decode()
    assert explained in page
    app.refresh_from_db()
    assert (app.municipality, app.city, app.status) == (
        "Medellín",
        "medellin",
        ApplicationStatus.DRAFT,
    )


def test_step_changing_an_answer_back_moves_on(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, document_type="in_process")
    client = client_for(entrepreneur)
    url = reverse("cohorts:step", args=[app.pk, "about"])
    client.post(url, {**ABOUT_OK, "municipality": "Medellín"})
    response = client.post(url, {**ABOUT_OK, "continue": "1"})
    assert response.url == reverse("cohorts:step", args=[app.pk, "business"])
