"""Reads for "save for offline": what a device must store to read a module (or a whole
course) with no connection, and a version that changes whenever a publish or an unpublish
changes any of it.

The service worker (``static/js/sw.js``) fetches the bundle's JSON (``offline_bundle``),
shows its size, stores every URL it lists (fetched without cookies, so always the public
page that anonymous readers get) and compares ``version`` at the next visit online: a new
version is stored again in a new cache and the old one dropped; a bundle that is gone
(404: the module was unpublished) is removed from the device.

Only public content is listed: live pages without a view restriction, their images as one
rendition sized for phones, and the static files their pages load. The bundle is computed
once per page-cache generation and process (``semilla.routing.per_generation``: a publish
or unpublish sets a new generation) and holds nothing personal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import translation
from wagtail.models import Page

from semilla.routing import per_generation, restricted_paths

from .models import CoursePage, LessonPage, ModulePage

#: The rendition of every lesson image a device keeps: wide enough for a phone held
#: upright at 2x, in a format every phone browser of the last years reads.
PHONE_RENDITION = "width-720|format-webp"
#: Static files the saved pages load (the worker keeps them with the pages).
STATIC_FILES = (
    "css/semilla.css",
    "css/curriculum.css",
    "js/semilla.js",
    "js/offline.js",
    "js/htmx.min.js",
    "js/csrf.js",
    "img/semilla.svg",
    "img/icons/icon-192.png",
)


@dataclass
class BundleImage:
    url: str  # the phone rendition kept on the device
    stem: str  # every rendition of the same image starts with this (the worker's fallback)
    bytes: int


@dataclass
class BundlePage:
    url: str
    title: str
    kind: str  # "course", "module" or "lesson"
    bytes: int


@dataclass
class OfflineBundle:
    id: int
    title: str
    kind: str
    language: str
    version: str
    pages: list[BundlePage] = field(default_factory=list)
    images: list[BundleImage] = field(default_factory=list)
    static: list[str] = field(default_factory=list)
    bytes: int = 0

    @property
    def urls(self) -> list[str]:
        return [p.url for p in self.pages] + [i.url for i in self.images] + list(self.static)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["urls"] = self.urls
        return data


def _public(page: Page) -> bool:
    steplen = page.steplen
    paths = {page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)}
    return page.live and restricted_paths().isdisjoint(paths)


def _static_size(name: str) -> int:
    path = finders.find(name)
    if isinstance(path, list):
        path = path[0] if path else None
    if path:
        with open(path, "rb") as handle:
            return len(handle.read())
    return staticfiles_storage.size(name) if staticfiles_storage.exists(name) else 0


def _anonymous_html_bytes(page: Page) -> int:
    """The size of the page as an anonymous reader gets it (rendered once per
    generation; the CSRF token and the language switch are the same length for all)."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = page.url or "/"
    site = page.get_site()
    request.META = {
        "SERVER_NAME": site.hostname if site else "localhost",
        "SERVER_PORT": str(site.port if site else 80),
        "HTTP_HOST": site.hostname if site else "localhost",
    }
    request.user = AnonymousUser()
    request.htmx = False  # type: ignore[attr-defined]
    response = page.specific.serve(request)
    if hasattr(response, "render"):
        response.render()
    return len(response.content)


def _kind(page: Page) -> str:
    if isinstance(page, CoursePage):
        return "course"
    return "module" if isinstance(page, ModulePage) else "lesson"


def _images(lessons: list[LessonPage]) -> list[BundleImage]:
    found: dict[int, BundleImage] = {}
    for lesson in lessons:
        for block in lesson.body:
            if block.block_type != "image" or block.value.get("image") is None:
                continue
            image = block.value["image"]
            if image.pk in found:
                continue
            rendition = image.get_rendition(PHONE_RENDITION)
            url = rendition.url
            spec = "." + PHONE_RENDITION.replace("|", ".")
            stem = url[: url.rindex(spec) + 1] if spec in url else url.rsplit(".", 2)[0] + "."
            try:
                size = rendition.file.size
            except OSError:
                size = 0
            found[image.pk] = BundleImage(url=url, stem=stem, bytes=size)
    return list(found.values())


def _build(page: Page) -> OfflineBundle | None:
    specific = page.specific
    if not isinstance(specific, (CoursePage, ModulePage)) or not _public(specific):
        return None
    language = specific.locale.language_code
    with translation.override(language):
        lessons = list(LessonPage.objects.live().descendant_of(specific).order_by("path"))
        lessons = [lesson for lesson in lessons if _public(lesson)]
        containers: list[Page] = [specific]
        if isinstance(specific, CoursePage):
            containers += list(ModulePage.objects.live().child_of(specific).order_by("path"))
        pages = [
            BundlePage(
                url=p.url,
                title=p.title,
                kind=_kind(p),
                bytes=_anonymous_html_bytes(p),
            )
            for p in [*containers, *lessons]
        ]
        images = _images(lessons)
        static_urls = [static(name) for name in STATIC_FILES]
        static_bytes = sum(_static_size(name) for name in STATIC_FILES)
    fingerprint = json.dumps(
        [
            [
                p.pk,
                p.live_revision_id,
                p.last_published_at.isoformat() if p.last_published_at else "",
            ]
            for p in [*containers, *lessons]
        ]
        + [i.url for i in images]
        + static_urls
    )
    return OfflineBundle(
        id=specific.pk,
        title=specific.title,
        kind=_kind(specific),
        language=language,
        version=hashlib.sha256(fingerprint.encode()).hexdigest()[:16],
        pages=pages,
        images=images,
        static=static_urls,
        bytes=sum(p.bytes for p in pages) + sum(i.bytes for i in images) + static_bytes,
    )


def offline_bundle(*, page_id: int) -> OfflineBundle | None:
    """What to store to read the module or course ``page_id`` offline, or None when it
    is not a live public module or course."""

    def compute() -> OfflineBundle | None:
        page = Page.objects.filter(pk=page_id).first()
        return _build(page) if page is not None else None

    return per_generation(f"offline_bundle:{page_id}", compute)
