"""Remembered routes for Wagtail pages: the page behind a URL found with no query.

Wagtail finds the page for a URL by reading the site for the host, the root page and its
translation for the active language, then one or two queries per level of the tree. All
of that only changes when a page is published, unpublished, moved or deleted, or a site
or locale changes, and each of those sets a new page-cache generation
(:func:`semilla.pagecache_middleware.invalidate`). So each process remembers, per
generation, which page a (host, language, path) led to.

What is remembered is the page itself as routing read it (each request gets its own
copy), so a remembered route costs no query at all. Any save of a page row sets a new
generation too (``curriculum.signals``), so a kept copy is never older than the row,
except for the few seconds another process keeps the generation it read when the shared
cache is the database (see ``semilla.pagecache_middleware``; with Redis every request
reads it), the same delay as for the page cache. Routes with arguments (routable pages)
are not remembered, nor previews or other methods than GET and HEAD.

:class:`RouteMemoryMiddleware` sets Wagtail's own per-request memo
(``request._wagtail_route_for_request``, ``request._wagtail_site`` and the site root
paths), so Wagtail's ``serve`` view, its hooks (view restrictions among them) and the
page's ``serve()`` run exactly as they would otherwise. Wagtail offers no public way to
set these (its docstrings name them as where it caches per request), so they are tied to
the pinned Wagtail version (8.0.1); ``tests/semilla/test_wagtail_request_memo.py`` fails
if an upgrade stops reading any of them.

The same generation keeps, per process, other things that only change with it
(:func:`per_generation`): the view restrictions (:func:`restricted_paths`), the locales
(:func:`locale_ids`), the site root paths Wagtail uses to build page URLs, and what
``curriculum`` derives from the tree for anonymous readers.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.utils import translation
from wagtail.url_routing import RouteResult

from .pagecache_middleware import generation

MAX_ROUTES = 4096


@dataclass(frozen=True)
class Route:
    generation: str
    page: object  # the specific page as routing read it, copied for each request
    site: object  # wagtail.models.Site
    site_root_paths: tuple


class LocalMemory:
    """A bounded, thread-safe map of key -> value, least recently used dropped first."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_routes = LocalMemory(MAX_ROUTES)
_per_generation: dict[str, object] = {}
_per_generation_lock = threading.Lock()


def forget() -> None:
    """Drop every remembered route (tests; a new generation does it by itself)."""
    _routes.clear()
    with _per_generation_lock:
        _per_generation.clear()


def per_generation(name: str, compute, current: str | None = None):
    """``compute()`` once per page-cache generation and process (for what only changes
    with a publish, a move, or a site, locale or view-restriction change)."""
    if current is None:
        current = generation()
    with _per_generation_lock:
        held = _per_generation.get(name)
    if held is not None and held[0] == current:
        return held[1]
    value = compute()
    with _per_generation_lock:
        _per_generation[name] = (current, value)
    return value


def restricted_paths() -> frozenset[str]:
    """The tree paths of every page with a view restriction and of every alias of one
    (one query per generation and process). A page none of whose ancestors is here has no
    restriction, and Wagtail's check needs no query."""

    def compute() -> frozenset[str]:
        # lazy: app loading (this module is imported while the models load)
        from wagtail.models import Page, PageViewRestriction

        restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
        aliases = Page.objects.filter(alias_of__path__in=restricted).values_list("path", flat=True)
        return frozenset(restricted | set(aliases)) if restricted else frozenset()

    return per_generation("restricted_paths", compute)


def locale_ids() -> dict[str, int]:
    """{language code: Locale id}, read once per generation and process (a locale added,
    changed or removed sets a new generation)."""
    # lazy: app loading (this module is imported while the models load)
    from wagtail.models import Locale

    return per_generation(
        "locale_ids", lambda: dict(Locale.objects.values_list("language_code", "pk"))
    )


def prime_site(request) -> None:
    """Set Wagtail's per-request site (what ``Site.find_for_request`` keeps on the request)
    from the one found for this host and port in this generation (a site added, changed
    or removed sets a new one), so page links on screens outside Wagtail's pages ("Mi
    espacio") cost no query."""
    # lazy: app loading (this module is imported while the models load)
    from wagtail.models import Site

    if getattr(request, "_wagtail_site", None) is not None:
        return
    key = f"site_for:{request.get_host()}:{request.get_port()}"
    site = per_generation(key, lambda: Site.find_for_request(request))
    if site is not None:
        request._wagtail_site = copy.copy(site)


def prime_root_paths(request) -> None:
    """Give Wagtail's page URLs of this request the site root paths kept for this
    generation (what ``Page._get_site_root_paths`` keeps on the request), instead of a
    read of the shared cache per request (``semilla.personal_page``: a value computed
    from the cache's rows could not be kept)."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = list(_site_root_paths(generation()))


def _site_root_paths(current: str) -> tuple:
    # lazy: app loading (this module is imported while the models load)
    from wagtail.models import Site

    return per_generation("site_root_paths", lambda: tuple(Site.get_site_root_paths()), current)


def _key(request, path: str) -> tuple[str, str, str]:
    return (request.get_host(), translation.get_language() or "", path)


def remember(request, path: str, current: str) -> None:
    """Route the request the usual way (Wagtail keeps the answer on the request) and
    remember the page it led to, when the answer is a plain page."""
    # lazy: app loading (this module is imported while the models load)
    from wagtail.models import Page, Site

    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    if args or kwargs or not page.live:
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    route = Route(
        generation=current,
        page=copy.copy(page),  # before serving adds anything of this request's to it
        site=copy.copy(site),
        site_root_paths=_site_root_paths(current),
    )
    _routes.put(_key(request, path), route)


def prime(request, path: str) -> bool:
    """Set Wagtail's per-request route from the remembered one; False when there is none
    for this generation, and the route was found the usual way and remembered."""
    current = generation()
    route = _routes.get(_key(request, path))
    if route is not None and route.generation == current:
        request._wagtail_site = copy.copy(route.site)
        request._wagtail_cached_site_root_paths = route.site_root_paths
        request._wagtail_route_for_request = RouteResult(copy.copy(route.page))
        return True
    remember(request, path, current)
    return False


class RouteMemoryMiddleware:
    """Primes Wagtail's route for page requests (GET and HEAD) from the remembered
    routes. Sits after the locale middleware (the key holds the language)."""

    def __init__(self, get_response):
        # lazy: app loading (this module is imported while the models load)
        from wagtail.views import serve

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.wagtail_serve and request.method in ("GET", "HEAD"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            prime(request, path)
        return None
