"""The page cache for anonymous readers, answered before Wagtail's routing and before the
session, authentication and every other middleware, with no SQL on a hit.

Which pages: those whose ``serve()`` marks the response (:func:`mark_cacheable`; the
curriculum pages do, through ``curriculum.pagecache``, and the public cohort list and
cohort pages, ``cohorts.views``). A page that changes by itself at a set moment (a call
for applications opens or closes) is marked with that moment, and no copy of it is served
from then on. Which requests: GET or HEAD, no
session cookie (so never a signed-in person), no messages cookie (pending messages are
shown, then dropped), no htmx request, and no query string other than campaign tags
(``utm_*``, ``fbclid``, ``gclid``: served from the cache, never stored). The key holds the
scheme, the host (one Wagtail site per host), the language from the URL prefix and the
path.

Two layers:

- the shared cache (database by default, Redis when configured), so a page rendered by
  one web process serves every process;
- a small copy in each process (at most :data:`LOCAL_MAX_ENTRIES` pages and
  :data:`LOCAL_MAX_BYTES` bytes, each kept :data:`LOCAL_SECONDS` seconds at most), so a
  hit costs no round trip to the shared cache at all.

Invalidation: every key includes a generation token kept in the shared cache; a publish
or unpublish sets a new one (:func:`invalidate`), which drops every page in every process.
Each process reads the token on every request when the shared cache is Redis or local
memory (no SQL). With the database cache it keeps the token :data:`GENERATION_SECONDS`
seconds, then a background thread reads it again while requests go on with the one held
(up to :data:`GENERATION_STALE_SECONDS`; older than that, as in a process that was idle,
the request reads it first). A publish shows at once in the process that published and
within a few seconds in the others. Copies older than :data:`LOCAL_SECONDS` are fetched
again from the shared cache the same way, so a hit under steady traffic never waits for
SQL.

CSRF: public pages carry no CSRF token (the language switcher is links, htmx reads the
token from the cookie, an anonymous reader's quiz try records nothing: docs/security.md).
A page whose rendering asked for a token (``get_token``: a ``{% csrf_token %}``, a CSRF
cookie to set) or that holds a ``csrfmiddlewaretoken`` field is not stored, so a stored
page is the same bytes for everyone and holds no one's secret. The headers of the inner
middleware (Content-Security-Policy, X-Frame-Options, Content-Language, Vary) are stored
with the page; the cached answers say ``Cache-Control: private, no-cache`` (the same URL
shows a signed-in person their own page: no shared proxy may keep them) and
``Vary: Cookie``.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import math
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.signals import setting_changed
from django.db import connections
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from .middleware import language_switched_to, remember_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SHARED_SECONDS = 24 * 3600
LOCAL_SECONDS = 30.0
GENERATION_SECONDS = 2.0
# Past these ages a copy or the generation is refreshed before answering; between the
# short and the long age, the answer uses what the process holds and a background thread
# refreshes it (so that, under steady traffic, hits never wait for SQL).
LOCAL_STALE_SECONDS = 2 * LOCAL_SECONDS
GENERATION_STALE_SECONDS = 10.0
LOCAL_MAX_ENTRIES = 256
LOCAL_MAX_BYTES = 8 * 1024 * 1024
MAX_PAGE_BYTES = 512 * 1024
#: what a page that holds a CSRF token shows (the hidden field of ``{% csrf_token %}``)
CSRF_FIELD = b"csrfmiddlewaretoken"
IGNORED_PARAMS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"}
)
MARK_ATTRIBUTE = "semilla_page_cache"
UNTIL_ATTRIBUTE = "semilla_page_cache_until"
# Headers not stored with a page: recomputed on every answer.
UNSTORED_HEADERS = frozenset({"content-length", "x-page-cache", "cache-control", "expires"})


def mark_cacheable(response, *, until: datetime.datetime | None = None) -> None:
    """Let the middleware keep ``response`` for anonymous readers (called by a page's
    ``serve()`` for a request the page considers public). ``until``: the moment the page
    would change by itself (a call for applications opens or closes); no copy is served
    from then on, in any process."""
    setattr(response, MARK_ATTRIBUTE, True)
    setattr(response, UNTIL_ATTRIBUTE, until.timestamp() if until is not None else None)


def cacheable(request) -> bool:
    """Whether this request's page may be kept for anonymous readers: a GET or HEAD by
    someone not signed in, not a preview, with no messages waiting to be shown."""
    # lazy: app loading (this module is imported while the models load)
    from django.contrib.messages import get_messages

    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def serve_cached(request, render, *, until: datetime.datetime | None = None):
    """``render()`` produces the page's response, marked for the page cache when the
    request is one whose page anonymous readers share (``until``: see
    :func:`mark_cacheable`)."""
    response = render()
    if cacheable(request):
        mark_cacheable(response, until=until)
    return response


# --- generation ---------------------------------------------------------------------------

_generation_lock = threading.Lock()
_generation: dict[str, object] = {"value": None, "read_at": 0.0}


def _now() -> float:
    return time.monotonic()


def _wall() -> float:
    """Seconds since the epoch: the expiry of a page that changes at a set moment is the
    same instant in every process (monotonic clocks are per machine)."""
    return time.time()


#: whether reading the shared cache is free, worked out once per process (a page asks for
#: the generation about 20 times; ``caches["default"]`` is a thread-local look-up)
_free: dict[str, bool] = {}


def _generation_is_free() -> bool:
    """Reading the shared cache costs no SQL (Redis, local memory)."""
    free = _free.get("default")
    if free is None:
        free = _free["default"] = not isinstance(caches["default"], DatabaseCache)
    return free


def _forget_cache_kind(*, setting: str, **kwargs) -> None:
    if setting == "CACHES":
        _free.clear()


setting_changed.connect(_forget_cache_kind, dispatch_uid="semilla.pagecache_middleware.free")


def _read_shared_generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        value = cache.get(GENERATION_KEY) or "0"
    return str(value)


def _set_generation(value: str, read_at: float) -> None:
    with _generation_lock:
        _generation["value"], _generation["read_at"] = value, read_at


def generation() -> str:
    """The current generation token. Read from the shared cache on every call when that
    costs no SQL; with the database cache, the process's copy is used for
    ``GENERATION_SECONDS``, then refreshed in the background until
    ``GENERATION_STALE_SECONDS``, and read before answering after that (an idle process)."""
    now = _now()
    with _generation_lock:
        value, read_at = _generation["value"], _generation["read_at"]
    if value is not None and not _generation_is_free():
        age = now - read_at
        if age < GENERATION_SECONDS:
            return value
        if age < GENERATION_STALE_SECONDS:
            schedule_refresh()
            return value
    value = _read_shared_generation()
    _set_generation(value, now)
    return value


# --- background refresh -----------------------------------------------------------------

_refresh_lock = threading.Lock()
_refresh_state: dict[str, object] = {"running": False, "keys": set()}


def _start_thread(target) -> None:
    """Run ``target`` in a daemon thread that closes its database connections at the end
    (tests replace this to run refreshes when they choose)."""

    def run() -> None:
        try:
            target()
        finally:
            connections.close_all()  # this thread's own connections

    threading.Thread(target=run, name="pagecache-refresh", daemon=True).start()


def schedule_refresh(key: str | None = None) -> None:
    """Refresh the generation (and the copy of ``key``) in the background, once at a time."""
    with _refresh_lock:
        if key is not None:
            _refresh_state["keys"].add(key)
        if _refresh_state["running"]:
            return
        _refresh_state["running"] = True
    _start_thread(refresh)


def refresh() -> None:
    """Read the generation token again, and the shared copy of every key waiting."""
    try:
        started = _now()
        current = _read_shared_generation()
        _set_generation(current, started)
        with _refresh_lock:
            keys, _refresh_state["keys"] = _refresh_state["keys"], set()
        for key in keys:
            entry = cache.get(key) if key.startswith(f"page:{current}:") else None
            if entry is None:
                _local.discard(key)
            else:
                _local.put(key, entry)
    except Exception:
        logger.exception("page cache refresh failed")
    finally:
        with _refresh_lock:
            _refresh_state["running"] = False


def invalidate() -> None:
    """Drop every cached page in every process (a new generation token)."""
    value = secrets.token_hex(8)
    cache.set(GENERATION_KEY, value, timeout=None)
    _set_generation(value, _now())
    _local.clear()


# --- the per-process layer ----------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    body: bytes
    headers: tuple[tuple[str, str], ...]
    status: int = 200
    expires_at: float | None = None  # epoch seconds (``_wall``); None: until a publish

    def expired(self) -> bool:
        return self.expires_at is not None and _wall() >= self.expires_at

    @property
    def size(self) -> int:
        return len(self.body)


class LocalPages:
    """A bounded least-recently-used map of key -> (entry, stored at), thread-safe."""

    def __init__(self, max_entries: int, max_bytes: int, seconds: float) -> None:
        self.max_entries, self.max_bytes, self.seconds = max_entries, max_bytes, seconds
        self._items: OrderedDict[str, tuple[Entry, float]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str, stale_seconds: float = 0.0) -> tuple[Entry | None, bool]:
        """(the entry or None, whether it is older than ``seconds`` but younger than
        ``stale_seconds``: usable while it is fetched again)."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None, False
            entry, stored_at = item
            age = _now() - stored_at
            if age >= max(self.seconds, stale_seconds) or entry.expired():
                self._drop(key)
                return None, False
            self._items.move_to_end(key)
            return entry, age >= self.seconds

    def discard(self, key: str) -> None:
        with self._lock:
            if key in self._items:
                self._drop(key)

    def put(self, key: str, entry: Entry) -> None:
        if entry.size > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (entry, _now())
            self._bytes += entry.size
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._items)))

    def _drop(self, key: str) -> None:
        entry, _ = self._items.pop(key)
        self._bytes -= entry.size

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


_local = LocalPages(LOCAL_MAX_ENTRIES, LOCAL_MAX_BYTES, LOCAL_SECONDS)


def reset_local() -> None:
    """Forget the per-process copies and the generation read (tests)."""
    _local.clear()
    _free.clear()
    _set_generation(None, 0.0)
    with _refresh_lock:
        _refresh_state["running"], _refresh_state["keys"] = False, set()


# --- the middleware -----------------------------------------------------------------------


def holds_csrf_token(request, response) -> bool:
    """Whether the rendering of ``response`` used a CSRF token: Django's ``get_token``
    (every ``{% csrf_token %}``, ``{{ csrf_token }}``) marks the request, a CSRF cookie is
    being set, or the page holds a token field."""
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or settings.CSRF_COOKIE_NAME in response.cookies
        or CSRF_FIELD in response.content
    )


class PageCacheMiddleware:
    """Answers anonymous readers from the page cache (see the module's docstring). Sits
    right after the security and static-file middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    # which requests

    def key(self, request) -> tuple[str | None, bool]:
        """(the cache key or None when the request must not use the cache, whether a
        rendered answer may be stored)."""
        if request.method not in ("GET", "HEAD"):
            return None, False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
            return None, False
        if "HTTP_HX_REQUEST" in request.META:
            return None, False
        storable = request.method == "GET"
        if request.META.get("QUERY_STRING"):
            if not set(request.GET) <= IGNORED_PARAMS:
                return None, False
            storable = False
        language = get_language_from_path(request.path_info)
        if language is None:
            return None, False
        host = request.get_host()  # refuses hosts outside ALLOWED_HOSTS, as a render would
        # The path is hashed: a raw path may hold spaces or control characters or be longer
        # than a cache key may be (memcached refuses those).
        where = hashlib.sha256(f"{request.scheme}:{host}:{request.path}".encode()).hexdigest()
        return f"page:{generation()}:{language}:{where}", storable

    def lookup(self, key: str) -> Entry | None:
        entry, stale = _local.get(key, LOCAL_STALE_SECONDS)
        if stale:
            schedule_refresh(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None and entry.expired():
                entry = None
            if entry is not None:
                _local.put(key, entry)
        return entry

    def store(self, key: str, request, response) -> bool:
        if (
            not getattr(response, MARK_ATTRIBUTE, False)
            or response.status_code != 200
            or response.streaming
            or len(response.content) > MAX_PAGE_BYTES
            # cookies are never stored; the language cookie of a switch is the
            # visitor's own (set again on hits by ``answer``)
            or set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
            or "nonce-" in response.get("Content-Security-Policy", "")
            or holds_csrf_token(request, response)
        ):
            return False
        expires_at = getattr(response, UNTIL_ATTRIBUTE, None)
        timeout = SHARED_SECONDS
        if expires_at is not None:
            timeout = min(SHARED_SECONDS, math.ceil(expires_at - _wall()))
            if timeout <= 0:
                return False
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in UNSTORED_HEADERS
        )
        entry = Entry(
            body=response.content,
            headers=headers,
            status=response.status_code,
            expires_at=expires_at,
        )
        cache.set(key, entry, timeout=timeout)
        _local.put(key, entry)
        return True

    # answers

    def __call__(self, request):
        key, storable = self.key(request)
        if key is None:
            return self.get_response(request)
        entry = self.lookup(key)
        if entry is not None:
            return self.hit(request, entry)
        response = self.get_response(request)
        if storable and self.store(key, request, response):
            self.finish(response, "miss")
        return response

    def hit(self, request, entry: Entry) -> HttpResponse:
        response = HttpResponse(entry.body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        response["Content-Length"] = str(len(entry.body))
        self.finish(response, "hit")
        language = language_switched_to(request)
        if language is not None:
            remember_language(request, response, language)
        return response

    @staticmethod
    def finish(response, outcome: str) -> None:
        response["X-Page-Cache"] = outcome
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
