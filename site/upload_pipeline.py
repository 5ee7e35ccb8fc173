"""The one upload pipeline: every file a person sends passes here before it is stored.

``clean_upload(uploaded, kind=...)`` checks and rewrites a file:

1. size: a file refused while streaming (``semilla.uploads``), an empty file or one over
   the kind's limit is refused;
2. type: by content (magic bytes, ``filetype``), never by the name or the browser's word;
   only the kind's types pass (never SVG, HTML or an executable);
3. images (JPEG, PNG, WEBP, and HEIC from phones, which becomes JPEG) are decoded and
   drawn again on a fresh canvas: EXIF (GPS position, phone, time), XMP, ICC comments and
   anything after the image data are gone; the picture is turned upright first;
4. PDFs are read with pypdf; one with JavaScript, automatic actions, embedded files or a
   password is refused, and the rest is written again without its document information
   (author, producer, dates) and XMP metadata. A PDF pypdf cannot read is refused;
5. the file's name is made harmless (``display_name``: no folders, a short plain name, the
   extension of the real type); storage names are random (each model's ``upload_to`` or
   service), so the person's name is only ever shown, never used as a path.

The answer is a ``CleanUpload`` (an uploaded file in memory, marked as cleaned) with the
real ``content_type`` and ``size``.

Forms get it with ``UploadField`` (a ``forms.FileField``), models with
``UploadModelField`` (a ``models.FileField``: whatever is saved into it that did not come
through the pipeline goes through it on the way to the storage, so a service, a demo or a
management command cannot store a file with its metadata). Files kept under a name in a
storage (``ApplicationDocument.storage_name``) are written by their service from a
``CleanUpload``. ``tests/semilla/test_upload_pipeline.py`` walks every form and model
file field of our apps and fails when one is not of these classes.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
PDF = "application/pdf"
JPEG, PNG, WEBP, HEIC = "image/jpeg", "image/png", "image/webp", "image/heic"
#: The extension a file of each type is stored with, and the Pillow format it is drawn in.
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", WEBP: "webp", HEIC: "jpg"}
IMAGE_FORMATS = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP", HEIC: "JPEG"}
#: The largest picture decoded (a decompression bomb is refused, not drawn).
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class UploadKind:
    """What one kind of upload accepts: its types, its size limit, its stored name."""

    name: str
    types: frozenset[str]
    max_bytes: int

    @property
    def accept(self) -> str:
        """The ``accept`` attribute of the file input (a hint for the phone's picker)."""
        hints = sorted(self.types - {HEIC}) + ([".heic"] if HEIC in self.types else [])
        return ",".join(hints)


#: An applicant's identity document or business evidence: a scan or a photo.
DOCUMENT = UploadKind("document", frozenset({PDF, JPEG, PNG, WEBP}), 10 * MB)
#: A grantee's milestone evidence: a receipt, a photo (phones send HEIC) or a document.
EVIDENCE = UploadKind("evidence", frozenset({PDF, JPEG, PNG, WEBP, HEIC}), 10 * MB)
#: Finance's proof of a manual payment: a screenshot or the bank's PDF.
PROOF = UploadKind("proof", frozenset({PDF, JPEG, PNG, WEBP}), 10 * MB)
#: A pitch deck.
DECK = UploadKind("deck", frozenset({PDF}), 20 * MB)
#: A public photo of a business (the showcase): pictures only, phones send HEIC.
PHOTO = UploadKind("photo", frozenset({JPEG, PNG, WEBP, HEIC}), 10 * MB)


class CleanUpload(InMemoryUploadedFile):
    """A file that came through the pipeline: its content rewritten, its name ours."""

    semilla_clean = True

    def __init__(self, content: bytes, *, name: str, content_type: str):
        super().__init__(io.BytesIO(content), None, name, content_type, len(content), None, None)
        self.content = content
        self.mime: str = content_type  # the real type (``content_type`` may be None for Django)


def is_clean(content) -> bool:
    return getattr(content, "semilla_clean", False) is True


def _too_big(kind: UploadKind) -> ValidationError:
    return ValidationError(
        _("The file is larger than %(mb)s MB. Send a smaller photo or scan."),
        code="too_big",
        params={"mb": kind.max_bytes // MB},
    )


def _wrong_type(kind: UploadKind) -> ValidationError:
    """The message follows what the kind takes: a PDF only, photos only, or either."""
    if kind.types == {PDF}:
        return ValidationError(_("Upload a PDF file."), code="type")
    if PDF not in kind.types:
        return ValidationError(_("Upload a photo (JPEG, PNG or WEBP)."), code="type")
    return ValidationError(_("Upload a PDF or a photo (JPEG, PNG or WEBP)."), code="type")


def clean_upload(uploaded, *, kind: UploadKind) -> CleanUpload:
    """Check ``uploaded`` and return it rewritten (see the module's docstring); raises
    ``ValidationError`` with a message for the person."""
    if is_clean(uploaded):
        if uploaded.size > kind.max_bytes:
            raise _too_big(kind)
        if uploaded.content_type not in kind.types:
            raise _wrong_type(kind)
        return uploaded
    size = getattr(uploaded, "size", None)
    if getattr(uploaded, "refused", False) or size is None or size > kind.max_bytes:
        raise _too_big(kind)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    uploaded.seek(0)
    content = uploaded.read(kind.max_bytes + 1)
    uploaded.seek(0)
    if len(content) > kind.max_bytes:
        raise _too_big(kind)
    guessed = filetype.guess(content[:8192])
    mime = guessed.mime if guessed is not None else ""
    if mime not in kind.types:
        raise _wrong_type(kind)
    if mime == PDF:
        clean, content_type = clean_pdf(content), PDF
    else:
        clean, content_type = reencode_image(content, mime)
    name = display_name(getattr(uploaded, "name", ""), kind=kind, extension=EXTENSIONS[mime])
    return CleanUpload(clean, name=name, content_type=content_type)


def display_name(original: str, *, kind: UploadKind, extension: str) -> str:
    """The person's file name made harmless (no folders, only letters, digits, dots,
    dashes and underscores, at most 80 characters) with the extension of the real type;
    the kind's name when nothing is left. Files are stored under random names: this one
    is only shown."""
    stem = PurePath(str(original or "").replace("\\", "/")).name.rsplit(".", 1)[0]
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-_")[:80]
    return f"{stem or kind.name}.{extension}"


def reencode_image(content: bytes, mime: str) -> tuple[bytes, str]:
    """Draw the picture again on a fresh canvas: no EXIF, XMP or trailing data survives.
    HEIC (iPhones) becomes JPEG, which every browser shows."""
    # lazy: PIL is heavy and only this path needs it
    from PIL import Image, ImageOps, UnidentifiedImageError

    if mime == HEIC:
        # lazy: pillow_heif is heavy and only this path needs it
        from pillow_heif import register_heif_opener

        register_heif_opener()
    fmt = IMAGE_FORMATS[mime]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError
                image.load()
                upright = ImageOps.exif_transpose(image)
        mode = upright.mode
        if fmt == "JPEG" and mode not in ("RGB", "L"):
            mode = "RGB"
        elif mode not in ("RGB", "RGBA", "L", "LA"):
            mode = "RGBA"
        pixels = upright.convert(mode)
        clean = Image.new(mode, pixels.size)
        clean.paste(pixels)
        out = io.BytesIO()
        clean.save(out, format=fmt, **({} if fmt == "PNG" else {"quality": 85}))
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ValidationError(
            _("This image could not be read. Try another photo."), code="unreadable"
        ) from exc
    return out.getvalue(), JPEG if fmt == "JPEG" else mime


#: Names of PDF dictionaries that run code or carry other files.
ACTIVE_PDF_KEYS = ("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFiles")


def _active_content(node, seen: set[int], depth: int = 0) -> bool:
    """Whether the object tree under ``node`` holds a script, an automatic action or an
    embedded file (a bounded walk: the tree of a hostile PDF may be deep or cyclic)."""
    # lazy: pypdf is heavy and only this path needs it
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if depth > 60:
        return True
    if isinstance(node, IndirectObject):
        key = (node.idnum, node.generation)
        if key in seen:
            return False
        seen.add(key)
        node = node.get_object()
    if isinstance(node, DictionaryObject):
        if any(k in node for k in ACTIVE_PDF_KEYS):
            return True
        if node.get("/S") in ("/JavaScript", "/Launch") or node.get("/Subtype") in (
            "/FileAttachment",
            "/RichMedia",
        ):
            return True
        children = [v for k, v in node.items() if k != "/Parent"]
    elif isinstance(node, ArrayObject):
        children = list(node)
    else:
        return False
    return any(_active_content(child, seen, depth + 1) for child in children)


def clean_pdf(content: bytes) -> bytes:
    """The PDF written again without its document information and XMP metadata; refused
    when it runs code, carries files, has a password or cannot be read."""
    # lazy: pypdf is heavy and only this path needs it
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    unreadable = ValidationError(
        _("This PDF could not be read. Save it again as a PDF and send it again."),
        code="unreadable",
    )
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF has a password. Send it without the password."), code="encrypted"
            )
        if _active_content(reader.trailer["/Root"], set()):
            raise ValidationError(
                _("This PDF contains scripts or attached files. Print it to a new PDF first."),
                code="active",
            )
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        root = writer._root_object
        if NameObject("/Metadata") in root:
            del root[NameObject("/Metadata")]
        for page in writer.pages:
            if NameObject("/Metadata") in page:
                del page[NameObject("/Metadata")]
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except ValidationError:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, OSError, RecursionError) as exc:
        raise unreadable from exc
    return out.getvalue()


# --- forms and models ----------------------------------------------------------------


class UploadField(forms.FileField):
    """A form's file field that answers a ``CleanUpload`` (or a message)."""

    def __init__(self, *, kind: UploadKind, **kwargs):
        self.kind = kind
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": kind.accept}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not value or value is initial or is_clean(value):
            return value
        return clean_upload(value, kind=self.kind)


class CleanFieldFile(FieldFile):
    """Saving a file that did not come through the pipeline sends it through first."""

    def save(self, name, content, save=True):
        if not is_clean(content):
            content = clean_upload(content, kind=self.field.kind)
        super().save(name, content, save)


class UploadModelField(models.FileField):
    """A model's file field whose files all went through the pipeline.

    Migrations see a plain ``FileField`` (the pipeline is behaviour, not schema), so no
    migration is needed to adopt it."""

    attr_class = CleanFieldFile

    def __init__(self, *args, kind: UploadKind, **kwargs):
        self.kind = kind
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs

    def clone(self):
        _name, _path, args, kwargs = self.deconstruct()
        return self.__class__(*args, kind=self.kind, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadField, "kind": self.kind, **kwargs})
