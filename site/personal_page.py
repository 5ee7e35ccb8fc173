"""A signed-in page's whole body from the table cache (docs/performance.md, "Whole
signed-in pages from the table cache").

``@personal_page`` on a view keeps the body it rendered for a GET as a personal value of
``semilla.table_cache``: keyed by the person (their row as loaded for this request and
their roles), the language, the time zone, the minute, the page-cache generation, the
full path, the htmx header and the bell's unread count; validated by the generations of
every table the view read while rendering it (nested values included: a panel served from
the cache adds its own tables). A hit skips the view and its templates; everything before
the view runs as before on every request: the session, the user and their roles, the
second factor (``AccessPolicyMiddleware``), so logging out, a password changed elsewhere,
a role taken away or a second factor removed take effect on the next request.

What differs in every response is not kept: each CSRF token in the body is stored as a
placeholder and replaced by this request's token on a hit. A page with messages waiting
is rendered (and not stored): messages are shown once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from . import routing, table_cache
from .notification_selectors import unread_count_cached

#: stands in for the CSRF token in a kept body (never a valid token: not 64 letters)
CSRF_STAND_IN = "\x00semilla-csrf\x00"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
#: the attribute the bell's context processor reads the count from (semilla.context_processors)
UNREAD_ATTRIBUTE = "semilla_unread"


def _messages_waiting(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    # len() reads the stored messages without marking them shown
    return storage is not None and len(storage) > 0


def _keepable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
    )


def serve_personal(
    request: HttpRequest,
    name: str,
    render_view: Callable[[], HttpResponse],
    parts: tuple = (),
) -> HttpResponse:
    """``render_view()``'s body for this signed-in person's GET, kept under ``name`` as a
    personal value of the table cache (``parts``: anything else the page depends on, such
    as the page's id). Anything but a signed-in GET with the cache on and no messages
    waiting is rendered as usual. The caller does before it whatever must happen on every
    view (the lesson records the visit first)."""
    user = request.user
    if (
        request.method != "GET"
        or not user.is_authenticated
        or not table_cache.enabled()
        or _messages_waiting(request)
    ):
        return render_view()
    # read here, before the computation: a value that read the shared cache's rows
    # (the database cache) could not be kept; both are in the key or its generation
    routing.prime_site(request)
    routing.prime_root_paths(request)
    unread = unread_count_cached(user=user)
    setattr(request, UNREAD_ATTRIBUTE, unread)
    key = (
        *table_cache.person_parts(request),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
        unread,
        *parts,
    )
    computed: list[HttpResponse] = []

    def render() -> tuple[str, str] | None:
        response = render_view()
        render_now = getattr(response, "render", None)
        if render_now is not None and not getattr(response, "is_rendered", True):
            render_now()
        computed.append(response)
        if not _keepable(response):
            return None
        body = response.content.decode(response.charset)
        return _TOKEN_FIELD.sub(rf"\g<1>{CSRF_STAND_IN}\g<2>", body), response["Content-Type"]

    kept = table_cache.cached(name, key, render, store_if=lambda value: value is not None)
    if computed:
        return computed[0]
    if kept is None:  # never stored (``store_if``); for the type checker
        return render_view()
    body, content_type = kept
    if CSRF_STAND_IN in body:
        body = body.replace(CSRF_STAND_IN, get_token(request))
    return HttpResponse(body, content_type=content_type)


def personal_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s GET body from the table cache for the signed-in person."""
    name = f"page:{view.__module__}.{view.__qualname__}"

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return serve_personal(request, name, lambda: view(request, *args, **kwargs))

    return wrapper
