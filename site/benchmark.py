"""Support for the benchmark suite (bench/), mounted only when the environment sets
``SEMILLA_BENCH_BASELINE=1`` (see ``semilla.settings.production`` and ``semilla.urls``).

- :func:`baseline` is the bare Django view that serving benchmarks compare pages against:
  it goes through the same middleware as every page and answers a tiny ``HttpResponse``.
- :class:`QueryCountMiddleware` (outermost) counts the SQL statements each request runs
  and reports them in ``X-Bench-Queries`` (all statements) and ``X-Bench-Cache-Queries``
  (those on the database cache table), so a load generator can check, for instance, that
  a cached page runs no SQL at all.

Never enable this in a real deployment: the headers reveal internals.
"""

from django.conf import settings
from django.db import connections
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

QUERIES_HEADER = "X-Bench-Queries"
CACHE_QUERIES_HEADER = "X-Bench-Cache-Queries"


@require_GET
def baseline(request):
    """The bare baseline: a constant plain-text answer, no template, no database."""
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/baseline/", baseline, name="bench_baseline")]


def _cache_tables() -> tuple[str, ...]:
    return tuple(
        str(conf.get("LOCATION", ""))
        for conf in settings.CACHES.values()
        if conf.get("BACKEND", "").endswith("DatabaseCache")
    )


class QueryCountMiddleware:
    """Counts SQL statements on every database connection during the request."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache_tables = _cache_tables()

    def __call__(self, request):
        counts = {"all": 0, "cache": 0}
        cache_tables = self.cache_tables

        def wrapper(execute, sql, params, many, context):
            counts["all"] += 1
            if cache_tables and any(table in sql for table in cache_tables):
                counts["cache"] += 1
            return execute(sql, params, many, context)

        wrappers = [conn.execute_wrapper(wrapper) for conn in connections.all()]
        for w in wrappers:
            w.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for w in reversed(wrappers):
                w.__exit__(None, None, None)
        response[QUERIES_HEADER] = str(counts["all"])
        response[CACHE_QUERIES_HEADER] = str(counts["cache"])
        return response
