"""Template fragments that read the same for every reader, rendered once per process.

``{% shared_fragment "name" value ... %}...{% endshared_fragment %}`` (``semilla_tags``)
renders its content once per page-cache generation (a publish, a move, a site or locale
change anywhere), active language, URL prefix (``SCRIPT_NAME``), host and the values named
in the tag, and answers later renderings from a bounded per-process memory. What is inside
must depend on nothing else: the language's translations, ``{% url %}``, ``{% static %}``
and the values in the key. With ``anonymous_only`` the copy is used (and made) only for a
reader who is not signed in (the site's header differs with the person's roles); signed-in
readers get the content rendered as usual.

A rendering is never kept when it asked for a CSRF token or a CSP nonce (each reader
has their own), in a preview, or with ``DEBUG`` on (templates edited while the
development server runs show at once). P2 in docs/performance.md.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .pagecache_middleware import generation
from .routing import LocalMemory

MAX_FRAGMENTS = 2048
_fragments = LocalMemory(MAX_FRAGMENTS)


def forget() -> None:
    """Drop every kept fragment (tests)."""
    _fragments.clear()


def _reader_state(request) -> tuple:
    """What a rendering may leave on the request when it made something personal."""
    if request is None:
        return (None, None)
    meta = getattr(request, "META", {})
    return (meta.get("CSRF_COOKIE_NEEDS_UPDATE"), getattr(request, "_csp_nonce", None))


def render_shared(context, name: str, values: tuple, render, *, anonymous_only: bool):
    """The fragment ``name`` for ``values``: kept, or rendered with ``render()`` (and kept
    when nothing personal came into it)."""
    request = context.get("request")
    if settings.DEBUG or request is None or getattr(request, "is_preview", False):
        return render()
    if anonymous_only:
        user = context.get("user")
        if user is None or user.is_authenticated:
            return render()
    meta = getattr(request, "META", None) or {}
    key = (
        generation(),
        name,
        get_language(),
        get_script_prefix(),
        # the host the request names: a page of another site is linked with its full URL
        meta.get("HTTP_HOST"),
        meta.get("SERVER_NAME"),
        meta.get("SERVER_PORT"),
        *values,
    )
    try:
        held = _fragments.get(key)
    except TypeError:  # a value that cannot be a key: render as usual
        return render()
    if held is not None:
        return held
    before = _reader_state(request)
    html = render()
    if _reader_state(request) == before and "csrfmiddlewaretoken" not in html:
        _fragments.put(key, mark_safe(html) if not isinstance(html, SafeString) else html)  # noqa: S308
    return html
