"""The upload handler refuses a file over the limit while it streams in."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation

from semilla import uploads
from semilla.uploads import (
    RefusedUploadedFile,
    SizeLimitUploadHandler,
    refused_upload,
    upload_max_bytes,
)
from tests.factories.files import pdf_bytes

MB = 1024 * 1024
PDF_HEAD = b"%PDF-1.4\n1 0 obj<<>>endobj\n"


class CountingStream(io.BytesIO):
    """The request body; ``bytes_read`` is how far it was read (by read or iteration)."""

    @property
    def bytes_read(self) -> int:
        return self.tell()


def _parse(fields: dict, *, limit: int, drain: int, settings_):
    settings_.SEMILLA_UPLOAD_MAX_BYTES = limit
    settings_.SEMILLA_UPLOAD_DRAIN_BYTES = drain
    body = encode_multipart(BOUNDARY, fields)
    stream = CountingStream(body)
    request = RequestFactory().post("/nowhere/")
    handlers = [
        SizeLimitUploadHandler(request),
        MemoryFileUploadHandler(request),
        TemporaryFileUploadHandler(request),
    ]
    request.upload_handlers = handlers
    meta = {"CONTENT_TYPE": MULTIPART_CONTENT, "CONTENT_LENGTH": str(len(body))}
    post, files = MultiPartParser(meta, stream, handlers).parse()
    return request, post, files, stream, len(body)


def test_the_handler_is_the_first_upload_handler():
    assert settings.FILE_UPLOAD_HANDLERS[0] == "semilla.uploads.SizeLimitUploadHandler"
    assert upload_max_bytes() == 10 * MB


def test_a_file_within_the_limit_passes_unchanged(settings):
    content = PDF_HEAD + b"x" * 50_000
    request, post, files, stream, total = _parse(
        {"kind": "identity", "file": SimpleUploadedFile("a.pdf", content)},
        limit=100_000,
        drain=0,
        settings_=settings,
    )
    assert files["file"].read() == content
    assert post["kind"] == "identity"
    assert refused_upload(request) is None
    assert stream.bytes_read == total


def test_a_large_file_is_stopped_and_the_rest_of_a_big_body_is_never_read(settings):
    content = PDF_HEAD + b"x" * 2_000_000
    request, post, files, stream, total = _parse(
        {"kind": "identity", "file": SimpleUploadedFile("big.pdf", content), "upload": "1"},
        limit=100_000,
        drain=200_000,
        settings_=settings,
    )
    refusal = refused_upload(request)
    assert refusal is not None
    assert refusal.field_name == "file"
    assert refusal.connection_reset is True
    assert refusal.received <= 100_000
    # The parser stopped reading: far less than the body came off the wire.
    assert stream.bytes_read < 200_000 < total
    assert "file" not in files
    assert post["kind"] == "identity"  # fields before the file are kept
    assert "upload" not in post  # fields after it were never read


def test_a_file_a_little_too_big_is_stopped_but_the_body_is_drained(settings):
    """So that the browser, still sending, gets the page with the message; the other
    fields are parsed, and the file field holds an empty stand-in with the real size."""
    content = PDF_HEAD + b"x" * 150_000
    request, post, files, stream, total = _parse(
        {"kind": "identity", "file": SimpleUploadedFile("big.pdf", content), "upload": "1"},
        limit=100_000,
        drain=1_000_000,
        settings_=settings,
    )
    refusal = refused_upload(request)
    assert refusal is not None and refusal.connection_reset is False
    assert refusal.received <= 100_000 < len(content)
    stand_in = files["file"]
    assert isinstance(stand_in, RefusedUploadedFile) and stand_in.refused
    assert (stand_in.size, stand_in.read(), stand_in.name) == (len(content), b"", "big.pdf")
    assert (post["kind"], post["upload"]) == ("identity", "1")
    assert stream.bytes_read == total


def test_a_view_that_checks_the_size_refuses_the_stand_in(settings):
    """Views that only check ``uploaded.size`` keep refusing too-large files."""
    from cohorts import services

    content = PDF_HEAD + b"x" * 150_000
    _request, _post, files, _stream, _total = _parse(
        {"file": SimpleUploadedFile("big.pdf", content)},
        limit=100_000,
        drain=1_000_000,
        settings_=settings,
    )
    settings.SEMILLA_UPLOAD_MAX_BYTES = 10 * MB
    stand_in = files["file"]
    stand_in.size = 11 * MB  # as a real 11 MB upload would be
    with pytest.raises(services.ServiceError, match="10 MB"):
        services.check_upload(uploaded=stand_in)


def test_a_declared_part_length_over_the_limit_is_refused_before_any_byte(settings):
    from django.core.files.uploadhandler import StopUpload

    settings.SEMILLA_UPLOAD_MAX_BYTES = 1000
    settings.SEMILLA_UPLOAD_DRAIN_BYTES = 0
    request = RequestFactory().post("/nowhere/")
    handler = SizeLimitUploadHandler(request)
    handler.handle_raw_input(None, {}, 5000, b"b")
    with pytest.raises(StopUpload):
        handler.new_file("file", "x.pdf", "application/pdf", 4000)
    assert refused_upload(request).received == 0
    # With room to drain, the bytes are swallowed instead and a stand-in is returned.
    settings.SEMILLA_UPLOAD_DRAIN_BYTES = 10_000
    handler = SizeLimitUploadHandler(request)
    handler.handle_raw_input(None, {}, 5000, b"b")
    handler.new_file("file", "x.pdf", "application/pdf", 4000)
    assert handler.receive_data_chunk(b"x" * 500, 0) is None
    assert handler.file_complete(4000).size == 4000


def test_views_may_accept_bigger_files(settings, monkeypatch):
    assert upload_max_bytes(RequestFactory().get("/es/nowhere-at-all/")) == 10 * MB
    assert upload_max_bytes(RequestFactory().post("/admin/documents/multiple/add/")) == 50 * MB

    @uploads.upload_limit(30 * MB)
    def view(request):
        return None

    class Match:
        func = view
        view_name = "x:y"

    monkeypatch.setattr(uploads, "resolve", lambda path: Match)
    assert upload_max_bytes(RequestFactory().post("/anything/")) == 30 * MB
    Match.func = lambda request: None
    Match.view_name = "pitchday:pitch_submit"
    assert upload_max_bytes(RequestFactory().post("/anything/")) == 20 * MB


@pytest.mark.django_db
def test_the_application_upload_over_10_mb_shows_the_message_and_keeps_the_draft(
    entrepreneur, client_for
):
    from cohorts.models import Application, ApplicationDocument
    from tests.factories.cohorts import DraftApplicationFactory

    app = DraftApplicationFactory(user=entrepreneur, current_step="documents")
    before = Application.objects.filter(pk=app.pk).values().get()
    big = SimpleUploadedFile("cedula.pdf", PDF_HEAD + b"0" * (11 * MB), "application/pdf")
    url = reverse("cohorts:step", args=[app.pk, "documents"])
    client = client_for(entrepreneur)
    response = client.post(url, {"kind": "identity", "file": big, "upload": "1"})
    assert response.status_code == 413
    html = response.content.decode()
    assert "más de 10 MB" in html
    assert "Tu solicitud se conserva" in html
    assert ApplicationDocument.objects.filter(application=app).count() == 0
    assert Application.objects.filter(pk=app.pk).values().get() == before
    refusal = response.wsgi_request.semilla_refused_upload
    assert refusal.received <= 10 * MB < 11 * MB
    # And in English.
    big.seek(0)
    with translation.override("en"):
        url_en = reverse("cohorts:step", args=[app.pk, "documents"])
    response = client.post(url_en, {"kind": "identity", "file": big, "upload": "1"})
    assert response.status_code == 413
    assert "larger than 10 MB" in response.content.decode()
    # A file within the limit still goes through.
    ok = SimpleUploadedFile("cedula.pdf", pdf_bytes(), "application/pdf")
    response = client.post(url, {"kind": "identity", "file": ok, "upload": "1"})
    assert response.status_code == 302
    assert ApplicationDocument.objects.filter(application=app).count() == 1
