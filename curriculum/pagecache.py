"""The curriculum's side of the page cache for anonymous readers.

The cache itself is ``semilla.pagecache_middleware.PageCacheMiddleware``: it answers
anonymous GETs before Wagtail's routing, the session and authentication, with no SQL on a
hit (see that module). Curriculum pages take part through :func:`serve_cached`, which
marks the page's answer as one the middleware may keep, and the publish signals call
:func:`invalidate` (``curriculum.signals``), which drops every cached page in every
process.

Why not wagtail-cache: its current release (3.0.0) requires Wagtail < 8, and it does not
cache pages that carry a CSRF token, which every page here does (language switcher).
"""

from django.contrib.messages import get_messages

from semilla import pagecache_middleware
from semilla.pagecache_middleware import GENERATION_KEY, generation, mark_cacheable

CSRF_MARKER = pagecache_middleware.CSRF_MARKER.decode()

__all__ = ["CSRF_MARKER", "GENERATION_KEY", "cacheable", "generation", "invalidate", "serve_cached"]


def invalidate() -> None:
    """Drop every cached page (publish, unpublish)."""
    pagecache_middleware.invalidate()


def cacheable(request) -> bool:
    """Whether this request's page may be kept for anonymous readers: a GET or HEAD by
    someone not signed in, not a preview, with no messages waiting to be shown."""
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def serve_cached(request, render):
    """``render()`` produces the page's response, marked for the page cache when the
    request is one whose page anonymous readers share."""
    response = render()
    if cacheable(request):
        mark_cacheable(response)
    return response
