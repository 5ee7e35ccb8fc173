"""The curriculum's side of the page cache for anonymous readers.

The cache itself is ``semilla.pagecache_middleware.PageCacheMiddleware``: it answers
anonymous GETs before Wagtail's routing, the session and authentication, with no SQL on a
hit (see that module). Curriculum pages take part through :func:`serve_cached`, which
marks the page's answer as one the middleware may keep, and the publish signals call
:func:`invalidate` (``curriculum.signals``), which drops every cached page in every
process.

Why not wagtail-cache: its current release (3.0.0) requires Wagtail < 8.
"""

from semilla import pagecache_middleware
from semilla.pagecache_middleware import (
    GENERATION_KEY,
    cacheable,
    generation,
    mark_cacheable,
    serve_cached,
)

__all__ = [
    "GENERATION_KEY",
    "cacheable",
    "generation",
    "invalidate",
    "mark_cacheable",
    "serve_cached",
]


def invalidate() -> None:
    """Drop every cached page (publish, unpublish)."""
    pagecache_middleware.invalidate()
