"""Uploads over the size limit are refused while they stream in, not after the whole body
has been received and written to a temporary file.

``SizeLimitUploadHandler`` sits first in ``FILE_UPLOAD_HANDLERS``. It counts the bytes of
each uploaded file as the multipart parser hands them over; the moment a file passes
``UPLOAD_MAX_BYTES`` it stops the upload (``StopUpload``): nothing more of that file is
stored, the handlers after it never see another byte, and the request carries a
``RefusedUpload`` (``refused_upload(request)``) so that the view can say so in the
person's language and keep everything else (a draft, the rest of the form).

What happens to the rest of the body depends on its declared size:

- up to ``UPLOAD_MAX_BYTES + DRAIN_ALLOWANCE_BYTES`` (a photo or a scan a little too big,
  the usual case), Django reads and throws away the remainder so that the browser, which
  is still sending, receives the page with the message;
- beyond that, the connection is reset (``StopUpload(connection_reset=True)``): the rest is
  never read. The person's browser shows a connection error, which is the price of not
  reading hundreds of megabytes.

The limit is 10 MB per file. A view that accepts bigger files says so with the
``upload_limit`` decorator (or, for a view that cannot carry it yet, an entry in
``URL_LIMITS``); the handler looks the view up from the request's path.

Form fields are limited separately by ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (Django answers 400
when the non-file part of a request is bigger).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
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
    """A file the handler stopped: which form field, how much had arrived, the limit."""

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


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts each file's bytes and stops the upload as soon as one passes the limit.

    It passes every chunk on unchanged to the next handlers (memory or temporary file), so
    they store only files within the limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = upload_max_bytes(request)
        self.request_length: int | None = None
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: N803 - Django's signature
        self.request_length = content_length
        return None  # let the multipart parser do its work

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0
        declared = self.content_length  # the part's own Content-Length, rarely sent
        if declared is not None and declared > self.limit:
            self._refuse(received=0)

    def receive_data_chunk(self, raw_data, start):
        self.received = start + len(raw_data)
        if self.received > self.limit:
            self._refuse(received=start)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file object

    def _refuse(self, *, received: int):
        reset = (
            self.request_length is None
            or self.request_length > self.limit + drain_allowance_bytes()
        )
        refusal = RefusedUpload(
            field_name=self.field_name,
            received=received,
            limit=self.limit,
            connection_reset=reset,
        )
        if self.request is not None:
            setattr(self.request, REQUEST_ATTRIBUTE, refusal)
        raise StopUpload(connection_reset=reset)
