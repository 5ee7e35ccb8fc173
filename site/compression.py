"""HTML compressed on the wire where it is safe: public pages for anonymous readers.

BREACH recovers a secret from a compressed HTTPS response when the same response also
reflects text the attacker chose, by watching its size over many requests. So
``PublicGZipMiddleware`` gzips only answers that hold no secret of a signed-in person:

* GET or HEAD requests that carry no session cookie and whose answer starts none (never
  a signed-in person, nor an anonymous session with its own data), and
* answers not marked ``no-store`` (every page a signed-in person sees is
  ``private, no-store``: ``semilla.middleware.PrivateCacheMiddleware``).

The one secret left on such a page is the visitor's CSRF token, which Django masks with a
new random value on every response, and Django's ``GZipMiddleware`` adds a random-length
file name to each gzip stream ("Heal the Breach"); the token also protects nothing of an
anonymous visitor's. Static files are compressed by WhiteNoise ahead of time (it answers
before this middleware). See docs/performance.md, "Fewer bytes".
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def may_compress(request, response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "no-store" not in response.get("Cache-Control", "")
        and settings.SESSION_COOKIE_NAME not in response.cookies
    )


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip, for anonymous public answers only (see the module's docstring).
    Sits before the page cache, so cached pages leave compressed too."""

    def process_response(self, request, response):
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
