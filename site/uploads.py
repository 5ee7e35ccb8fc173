"""Uploads over the size limit are refused while they stream in, not after the whole body
has been received and written to a temporary file.

``SizeLimitUploadHandler`` sits first in ``FILE_UPLOAD_HANDLERS``. It counts the bytes of
each uploaded file as the multipart parser hands them over. The moment a file passes the
limit, the handlers after it (memory, temporary file) get no further byte of it, and the
request carries a ``RefusedUpload`` (``refused_upload(request)``) so that a view can say so
in the person's language and keep everything else (a draft, the rest of the form).

What happens to the rest of the body depends on its declared size:

- up to the limit plus ``DEFAULT_DRAIN_ALLOWANCE_BYTES`` (setting
  ``SEMILLA_UPLOAD_DRAIN_BYTES``; a photo or a scan a little too big, the usual case), the parser reads on and throws the file's remaining bytes away, so that the
  browser, which is still sending, receives a page with the message; the form's other
  fields are parsed as usual and the file field holds a ``RefusedUploadedFile``: empty, with
  ``size`` the real size, so that every view's own size check refuses it with its message
  (a view needs no change to stay correct);
- beyond that, the upload stops at once (``StopUpload(connection_reset=True)``): the rest
  of the body is never read. The browser shows a connection error, which is the price of
  not reading hundreds of megabytes.

The limit is 10 MB per file (50 MB in the staff console). A view that accepts bigger files
says so with the ``upload_limit`` decorator (or, for a view that cannot carry it yet, an
entry in ``URL_LIMITS``); the handler looks the view up from the request's path. Every
public view that takes files checks ``uploaded.size`` first, so the stand-in is refused
with that view's own message.

Form fields are limited separately by ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (Django answers 400
when the non-file part of a request is bigger).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.urls import Resolver404, resolve

#: Largest file accepted (each file of a request).
DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
#: How much more of a too-large request is read (and discarded) so that the person still
#: gets a readable answer instead of a reset connection.
DEFAULT_DRAIN_ALLOWANCE_BYTES = 16 * 1024 * 1024

REQUEST_ATTRIBUTE = "semilla_refused_upload"
VIEW_ATTRIBUTE = "upload_max_bytes"

#: Views (by URL name) that accept more than the default, for views that do not carry the
#: ``upload_limit`` decorator. Pitch decks are PDFs of up to 20 MB (pitchday's own check).
URL_LIMITS: dict[str, int] = {
    "pitchday:pitch_submit": 20 * 1024 * 1024,
}


#: Path prefixes with their own limit: the staff console (Wagtail documents have no size
#: check of their own, so a file refused there must not reach its form as an empty file).
PATH_LIMITS: dict[str, int] = {
    "/admin/": 50 * 1024 * 1024,
}


def upload_limit(max_bytes: int):
    """Decorate a view that accepts files up to ``max_bytes`` (instead of the default)."""

    def decorate(view):
        setattr(view, VIEW_ATTRIBUTE, max_bytes)
        return view

    return decorate


def upload_max_bytes(request=None) -> int:
    """The largest file the view answering ``request`` accepts (the default without one)."""
    default = int(getattr(settings, "SEMILLA_UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES))
    if request is None:
        return default
    for prefix, limit in PATH_LIMITS.items():
        if request.path_info.startswith(prefix):
            return limit
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return default
    own = getattr(match.func, VIEW_ATTRIBUTE, None)
    if own is None:
        own = URL_LIMITS.get(match.view_name)
    return int(own) if own else default


def drain_allowance_bytes() -> int:
    return int(getattr(settings, "SEMILLA_UPLOAD_DRAIN_BYTES", DEFAULT_DRAIN_ALLOWANCE_BYTES))


@dataclass(frozen=True)
class RefusedUpload:
    """A file the handler stopped: which form field, how many of its bytes were passed on
    to be stored (never more than the limit), the limit, and whether the connection was
    reset (the rest of the body unread)."""

    field_name: str
    received: int
    limit: int
    connection_reset: bool

    @property
    def limit_mb(self) -> int:
        return self.limit // (1024 * 1024)


def refused_upload(request) -> RefusedUpload | None:
    """The upload this request's handler refused, if any (reading ``request.FILES`` or
    ``request.POST`` first parses the body)."""
    if request.method == "POST":
        request.FILES  # noqa: B018 - parses the body when nothing has yet
    return getattr(request, REQUEST_ATTRIBUTE, None)


class RefusedUploadedFile(UploadedFile):
    """Stands in for a file refused while streaming: no content, ``size`` its real size
    (over the limit), ``refused`` True."""

    refused = True

    def __init__(self, name, content_type, size, charset=None, content_type_extra=None):
        super().__init__(io.BytesIO(b""), name, content_type, size, charset, content_type_extra)


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts each file's bytes and stops passing them on as soon as one passes the limit
    (see the module's docstring). Files within the limit go through unchanged."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = upload_max_bytes(request)
        self.request_length: int | None = None
        self.refused = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: N803 - Django's signature
        self.request_length = content_length
        return None  # let the multipart parser do its work

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.refused = False
        declared = self.content_length  # the part's own Content-Length, rarely sent
        if declared is not None and declared > self.limit:
            self._refuse(passed_on=0)

    def receive_data_chunk(self, raw_data, start):
        if self.refused:
            return None  # thrown away; the next handlers never see it
        if start + len(raw_data) > self.limit:
            self._refuse(passed_on=start)
            return None
        return raw_data

    def file_complete(self, file_size):
        if not self.refused:
            return None  # the next handler builds the file object
        self._close_partial_files()
        return RefusedUploadedFile(
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )

    def _close_partial_files(self) -> None:
        """The next handlers' partial copy of this file (memory or a temporary file) is
        never used: close it (which deletes a temporary file), as Django does for every
        handler when an upload stops."""
        for handler in getattr(self.request, "upload_handlers", ()):
            partial = getattr(handler, "file", None)
            if (
                handler is not self
                and partial is not None
                and getattr(handler, "field_name", None) == self.field_name
                and getattr(handler, "file_name", None) == self.file_name
            ):
                partial.close()

    def _refuse(self, *, passed_on: int) -> None:
        """Record the refusal on the request; stop at once when the body is too big to
        read through."""
        reset = (
            self.request_length is None
            or self.request_length > self.limit + drain_allowance_bytes()
        )
        self.refused = True
        if self.request is not None:
            setattr(
                self.request,
                REQUEST_ATTRIBUTE,
                RefusedUpload(
                    field_name=self.field_name,
                    received=passed_on,
                    limit=self.limit,
                    connection_reset=reset,
                ),
            )
        if reset:
            raise StopUpload(connection_reset=True)
