"""Which of Semilla's URL patterns the test suite exercised.

A middleware (added to the test settings) records the route of every request that reaches a
view; at the end of a full run (``make test`` sets SEMILLA_URL_COVERAGE=1) the suite fails
if any of our URL patterns was never requested by a test."""

import json
import os
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

#: URL namespaces and names that belong to Semilla (third-party screens are not ours).
OUR_NAMESPACES = {
    "semilla",
    "curriculum",
    "cohorts",
    "mentors",
    "pitchday",
    "privacy",
    "reporting",
    "community",
    "outcomes",
    "conversations",
    "market",
}
OUR_PLAIN_NAMES = {"healthz", "set_language", "stripe_webhook", "console_login"}
RECORD_DIR = Path(os.environ.get("SEMILLA_URL_COVERAGE_DIR", "var/url-coverage"))

_seen: set[str] = set()


def _key(namespace: str, name: str | None, route: str) -> str:
    if name:
        return f"{namespace}:{name}" if namespace else name
    return f"{namespace}:<{route}>" if namespace else f"<{route}>"


def our_url_patterns() -> list[tuple[str, str, URLPattern]]:
    """(namespace, key, URLPattern) for every URL pattern of ours, sorted by key (the key is
    'namespace:name', as recorded by the middleware)."""

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                if p.namespace and namespace and p.namespace != namespace:
                    ns = f"{namespace}:{p.namespace}"
                yield from walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern):
                top = namespace.split(":", 1)[0]
                if top in OUR_NAMESPACES or (not namespace and p.name in OUR_PLAIN_NAMES):
                    yield namespace, _key(namespace, p.name, str(p.pattern)), p

    return sorted(walk(get_resolver().url_patterns), key=lambda item: item[1])


def our_patterns() -> set[str]:
    """Every URL pattern of ours, as 'namespace:name'."""
    return {key for _namespace, key, _pattern in our_url_patterns()}


class URLCoverageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None:
            _seen.add(_key(match.namespace, match.url_name, match.route))
        return None


def write_record(worker: str) -> None:
    RECORD_DIR.mkdir(parents=True, exist_ok=True)
    (RECORD_DIR / f"{worker}.json").write_text(json.dumps(sorted(_seen)))


def missing_patterns() -> list[str]:
    seen: set[str] = set(_seen)
    for path in RECORD_DIR.glob("*.json"):
        seen.update(json.loads(path.read_text()))
    return sorted(our_patterns() - seen)


def reset_records() -> None:
    if RECORD_DIR.exists():
        for path in RECORD_DIR.glob("*.json"):
            path.unlink()
