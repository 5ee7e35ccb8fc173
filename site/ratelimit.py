"""Rate limits for our own actions (allauth limits its account actions itself), counted in
the shared cache so that every web process sees the same count.

``settings.SEMILLA_RATE_LIMITS`` maps an action to (attempts, seconds): at most that many
attempts per person in a fixed window of that many seconds."""

import time

from django.conf import settings
from django.core.cache import cache


def allow(action: str, *, who: object) -> bool:
    """Count one attempt at ``action`` by ``who``; False once the limit is passed."""
    limit, seconds = settings.SEMILLA_RATE_LIMITS[action]
    window = int(time.time() // seconds)
    key = f"ratelimit:{action}:{who}:{window}"
    if cache.add(key, 1, timeout=seconds):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds)
            count = 1
    return count <= limit
