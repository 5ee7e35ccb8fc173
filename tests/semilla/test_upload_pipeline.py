"""The one upload pipeline (semilla.upload_pipeline): every file field of our apps goes
through it, and what it stores has no EXIF/GPS and no PDF metadata."""

import importlib
import io
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from pypdf import PdfReader

from semilla import upload_pipeline
from semilla.upload_pipeline import UploadField, UploadModelField, clean_upload
from tests.factories.files import exif_of, jpeg_with_gps, pdf_bytes

OUR_PACKAGES = ["semilla", "cohorts", "mentors", "curriculum", "pitchday"]


def _import_everything():
    """Import every module of our apps (not migrations) so that every form class exists."""
    for package in OUR_PACKAGES:
        root = importlib.import_module(package)
        for module in pkgutil.walk_packages(root.__path__, f"{package}."):
            if ".migrations" in module.name or module.name.endswith((".wsgi", ".asgi")):
                continue
            if ".settings" in module.name:
                continue
            importlib.import_module(module.name)


def _form_classes():
    _import_everything()
    seen, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in OUR_PACKAGES:
                seen.append(sub)
    return seen


def test_upload_pipeline_every_form_file_field_is_an_upload_field():
    file_fields = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.FileField)
    ]
    bypass = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.FileField) and not isinstance(field, UploadField)
    ]
    assert len(file_fields) >= 4  # application document, evidence, proof, deck
    assert bypass == []


def test_upload_pipeline_every_model_file_field_is_an_upload_model_field():
    fields = [
        (model._meta.label, field.name, isinstance(field, UploadModelField))
        for app in OUR_PACKAGES
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert sorted(fields) == [
        ("pitchday.Disbursement", "proof", True),
        ("pitchday.Evidence", "file", True),
        ("pitchday.Pitch", "deck", True),
    ]


# --- what comes out ---------------------------------------------------------------------


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)


def _pdf_info(content: bytes) -> dict:
    reader = PdfReader(io.BytesIO(content))
    return {
        "info": dict(reader.metadata or {}),
        "xmp": "/Metadata" in reader.trailer["/Root"],
        "pages": len(reader.pages),
    }


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_upload_pipeline_image_loses_exif_and_gps(fmt):
    photo = jpeg_with_gps(fmt=fmt)
    assert exif_of(photo) != {}
    clean = clean_upload(_upload("casa.jpg", photo), kind=upload_pipeline.EVIDENCE)
    assert (exif_of(clean.content), clean.size, clean.name) == (
        {},
        len(clean.content),
        f"casa.{upload_pipeline.EXTENSIONS[clean.content_type]}",
    )


@pytest.mark.parametrize(
    ("original", "shown"),
    [
        ("../../etc/passwd<script>.jpg", "passwd-script.jpg"),
        ("C:\\Users\\ana\\Factura marzo.PNG", "Factura-marzo.jpg"),
        ("...", "evidence.jpg"),
        ("", "evidence.jpg"),
    ],
)
def test_upload_pipeline_display_name_is_harmless(original, shown):
    assert upload_pipeline.display_name(
        original, kind=upload_pipeline.EVIDENCE, extension="jpg"
    ) == (shown)


def test_upload_pipeline_pdf_loses_its_metadata():
    pdf = pdf_bytes()
    assert _pdf_info(pdf)["info"]["/Author"] == "Yolimar Pérez"
    clean = clean_upload(_upload("deck.pdf", pdf), kind=upload_pipeline.DECK)
    assert _pdf_info(clean.content) == {"info": {}, "xmp": False, "pages": 1}
    assert b"Yolimar" not in clean.content


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (pdf_bytes(javascript="app.alert(1)"), "active"),
        (b"%PDF-1.4\n%%EOF\n", "unreadable"),
        (b"<svg onload=alert(1)>", "type"),
        (b"MZ\x90\x00", "type"),
        (b"", "empty"),
    ],
    ids=["javascript", "unreadable-pdf", "svg", "executable", "empty"],
)
def test_upload_pipeline_refuses_dangerous_or_unreadable_files(content, code):
    with pytest.raises(ValidationError) as caught:
        clean_upload(_upload("x.pdf", content), kind=upload_pipeline.DOCUMENT)
    assert caught.value.code == code


def test_upload_pipeline_refuses_a_file_over_the_kind_limit():
    big = _upload("big.pdf", b"%PDF-" + b"0" * (upload_pipeline.DECK.max_bytes))
    with pytest.raises(ValidationError) as caught:
        clean_upload(big, kind=upload_pipeline.DECK)
    assert caught.value.code == "too_big"


def test_upload_pipeline_deck_refuses_a_photo():
    with pytest.raises(ValidationError) as caught:
        clean_upload(_upload("deck.pdf", jpeg_with_gps()), kind=upload_pipeline.DECK)
    assert caught.value.code == "type"


# --- every upload form, end to end -------------------------------------------------------


def _sample_for(field: UploadField) -> tuple[bytes, str]:
    if upload_pipeline.JPEG in field.kind.types:
        return jpeg_with_gps(), "photo"
    return pdf_bytes(), "pdf"


def test_upload_pipeline_every_upload_form_field_strips_metadata():
    """Each form field of our apps, given a phone photo with its GPS position (or, for a
    PDF-only field, a PDF naming its author), answers a file without them."""
    checked = []
    for cls in _form_classes():
        for name, field in cls.base_fields.items():
            if not isinstance(field, UploadField):
                continue
            content, what = _sample_for(field)
            clean = field.clean(_upload("IMG_2041.jpg", content))
            if what == "photo":
                assert exif_of(clean.content) == {}
            else:
                assert _pdf_info(clean.content)["info"] == {}
            checked.append((f"{cls.__name__}.{name}", what))
    assert sorted(checked) == [
        ("DocumentForm.file", "photo"),
        ("EvidenceForm.file", "photo"),
        ("PitchForm.deck", "pdf"),
        ("RecordPaymentForm.proof", "photo"),
    ]


@pytest.mark.django_db
def test_upload_pipeline_application_document_stored_without_gps(client_for, entrepreneur):
    from django.urls import reverse

    from cohorts.models import ApplicationDocument
    from tests.factories.cohorts import DraftApplicationFactory

    app = DraftApplicationFactory(user=entrepreneur, current_step="documents")
    response = client_for(entrepreneur).post(
        reverse("cohorts:step", args=[app.pk, "documents"]),
        {
            "upload": "1",
            "kind": "identity",
            "file": _upload("cedula.jpg", jpeg_with_gps(), "image/jpeg"),
        },
    )
    assert response.status_code == 302
    doc = ApplicationDocument.objects.get(application=app)
    with storages["private"].open(doc.storage_name) as handle:
        assert exif_of(handle.read()) == {}


@pytest.mark.django_db
def test_upload_pipeline_milestone_evidence_stored_without_gps(entrepreneur):
    """A service handed the person's file as it came (not through a form) still stores it
    through the pipeline: the model field sends it there."""
    from pitchday.services import grants as svc
    from tests.factories.pitchday import make_grant

    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    evidence = svc.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        uploaded=_upload("casa.png", jpeg_with_gps(), "image/png"),
        kind="photo",
    )
    with evidence.file.open("rb") as handle:
        stored = handle.read()
    assert exif_of(stored) == {}
    # the row describes the file stored (the pipeline's type and size), not what was sent
    assert (evidence.content_type, evidence.size) == ("image/jpeg", len(stored))
