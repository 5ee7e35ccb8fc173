"""Application documents: upload checks, adding and removing a file, and the purge of
identity documents after the decision."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from semilla import upload_pipeline
from semilla.errors import ServiceError
from semilla.upload_pipeline import clean_upload

from ..enums import (
    DocumentKind,
)
from ..models import (
    Application,
    ApplicationDocument,
)
from .applications import application_assert_editable
from .base import S, application_lock

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from semilla.models import User

# --- Documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedUpload:
    content: bytes
    content_type: str
    extension: str


def check_upload(*, uploaded: UploadedFile) -> CheckedUpload:
    """The file through the one upload pipeline (``semilla.upload_pipeline``: type by
    content, size, images re-encoded without EXIF/GPS, PDFs without metadata)."""
    try:
        clean = clean_upload(uploaded, kind=upload_pipeline.DOCUMENT)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0]) from exc
    return CheckedUpload(clean.content, clean.mime, upload_pipeline.EXTENSIONS[clean.mime])


def _display_name(kind: str, extension: str) -> str:
    label = _("identity-document") if kind == DocumentKind.IDENTITY else _("business-evidence")
    return f"{label}.{extension}"


@transaction.atomic(durable=True)
def document_add(
    *, application: Application, kind: str, uploaded: UploadedFile, actor: User
) -> ApplicationDocument:
    """Store a checked file privately under a random name (the person's file name is not
    kept: it may be hostile or reveal personal data)."""
    locked = application_lock(application=application)
    application_assert_editable(application=locked)
    checked = check_upload(uploaded=uploaded)
    storage = storages["private"]
    today = timezone.localdate()
    name = f"cohorts/{today:%Y/%m}/{secrets.token_urlsafe(24)}.{checked.extension}"
    stored = storage.save(name, ContentFile(checked.content))
    doc = ApplicationDocument.objects.create(
        application=locked,
        kind=kind,
        storage_name=stored,
        display_name=_display_name(kind, checked.extension),
        content_type=checked.content_type,
        size=len(checked.content),
    )
    return doc


@transaction.atomic(durable=True)
def document_remove(*, document: ApplicationDocument, actor: User) -> None:
    locked = application_lock(application=document.application)
    application_assert_editable(application=locked)
    name = document.storage_name
    document.delete()
    if name:
        transaction.on_commit(lambda: storages["private"].delete(name))


def purge_identity_documents(*, now: datetime.datetime | None = None) -> int:
    """Delete identity document files a cohort's retention period after the decision
    (or the withdrawal). Idempotent: deleted rows keep ``deleted_at``."""
    now = now or timezone.now()
    docs = (
        ApplicationDocument.objects.filter(kind=DocumentKind.IDENTITY, deleted_at__isnull=True)
        .filter(Q(application__released_at__isnull=False) | Q(application__status=S.WITHDRAWN))
        .select_related("application__cohort")
    )
    purged = 0
    for doc in docs:
        app = doc.application
        decided = app.released_at or app.updated_at
        if decided + datetime.timedelta(days=app.cohort.document_retention_days) > now:
            continue
        with transaction.atomic():
            updated = ApplicationDocument.objects.filter(pk=doc.pk, deleted_at__isnull=True).update(
                deleted_at=now, storage_name=""
            )
            if updated and doc.storage_name:
                storages["private"].delete(doc.storage_name)
            Application.objects.filter(pk=app.pk, documents_purged_at__isnull=True).update(
                documents_purged_at=now
            )
        purged += updated
    return purged
