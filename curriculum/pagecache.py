"""A small page cache for anonymous readers of curriculum pages.

Why not wagtail-cache: its current release (3.0.0) requires Wagtail < 8, and it does not
cache pages that carry a CSRF token, which every page here does (language switcher).

How it works: an anonymous GET without a query string is rendered once per URL and
language and kept in the shared Django cache (database or Redis, so every web process
sees the same copy). The page's CSRF token is replaced by a marker when stored and by the
visitor's own token when served, so forms on cached pages keep working. Publishing or
unpublishing any page bumps a generation number that is part of every key, which drops
the whole curriculum cache at once (a lesson's siblings and its course list it too).
Signed-in people, previews, pages with pending messages and non-200 answers bypass it.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_vary_headers

GENERATION_KEY = "curriculum:pagecache:generation"
TIMEOUT = 24 * 3600
CSRF_MARKER = "__SEMILLA_CSRF_TOKEN__"
_TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,64})"')


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def invalidate() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _key(request) -> str:
    path = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    language = translation.get_language() or "es"
    return f"curriculum:page:{generation()}:{language}:{path}"


def cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.GET:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def serve_cached(request, render):
    """``render()`` produces the page's response; served from the cache when possible."""
    if not cacheable(request):
        return render()
    key = _key(request)
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(
            content.replace(CSRF_MARKER, get_token(request)), content_type=content_type
        )
        response["X-Page-Cache"] = "hit"
        patch_vary_headers(response, ["Cookie"])
        return response
    response = render()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code == 200 and settings.SESSION_COOKIE_NAME not in response.cookies:
        content = response.content.decode(response.charset or "utf-8")
        match = _TOKEN_RE.search(content)
        if match:
            content = content.replace(match.group(1), CSRF_MARKER)
        cache.set(key, (content, response["Content-Type"]), timeout=TIMEOUT)
        response["X-Page-Cache"] = "miss"
    return response
