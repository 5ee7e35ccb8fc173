"""A private file handed to a person as a download (one place, not one per view).

Every view that gives out a stored private file (an application document, grant evidence,
a proof of payment, a pitch deck, a data archive) checks who may have it first, then::

    return private_download(
        request,
        evidence.file,
        filename=evidence.original_name,
        content_type=evidence.content_type,
        seen=Seen(subject=grantee_id, fields=["evidence_file"], reason="...", obj=evidence),
    )

The file is always an attachment (never shown inline, so an uploaded file cannot run in
the site's origin), with ``nosniff`` and ``private, no-store``; a file missing from the
storage answers 404. ``seen`` records in the access log (``semilla.privacy.audit_access``)
that the downloader saw that person's file; leave it out when the person downloads their
own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.storage import storages
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest

from semilla.privacy import audit_access

__all__ = ["Seen", "private_download"]


@dataclass(frozen=True, slots=True)
class Seen:
    """Whose file a download shows (a user id), which fields, why, and the row it is."""

    subject: int
    fields: Sequence[str]
    reason: Any
    obj: Model


def private_download(
    request: HttpRequest,
    file: FieldFile | str,
    /,
    *,
    filename: str,
    content_type: str,
    seen: Seen | None = None,
) -> FileResponse:
    """``file`` (a file field's value, or a name in the ``"private"`` storage) as an
    attachment called ``filename``; ``seen`` is written to the access log first."""
    if seen is not None:
        audit_access(
            actor=request.user,
            subject=seen.subject,
            fields=list(seen.fields),
            reason=seen.reason,
            model=seen.obj._meta.label_lower,
            object_id=seen.obj.pk,
            path=request.path,
        )
    try:
        handle = storages["private"].open(file, "rb") if isinstance(file, str) else file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
