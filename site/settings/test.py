"""The test suite: fast hashing, in-memory e-mail, tasks run inline, PostgreSQL when
DATABASE_URL is set (CI), otherwise SQLite."""

import os

from .base import *  # noqa: F403
from .base import Q_CLUSTER, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "semilla-tests",
    }
}
Q_CLUSTER = {**Q_CLUSTER, "sync": env.bool("Q_SYNC", default=True)}
SEMILLA_REQUIRE_MFA = True
# Query-count tests count the person's loading on every request alike; the kept person
# is tested on its own (tests/perf: test_cached_user, test_personal_*, test_signed_in,
# test_table_cache), which turn it on.
SEMILLA_PERSON_CACHE = False
STORAGES = {
    **STORAGES,
    "staticfiles": {  # noqa: F405
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "CRITICAL"},
}
SEMILLA_ALLOW_DEMO = True
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A file (not memory) for SQLite test databases, so that a real task cluster or a second
# process started by an integration test can open the same database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process (several runs may share a checkout); removed at the end.
    # SEMILLA_TEST_DB names a fixed file instead, for `pytest --reuse-db` while iterating.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("SEMILLA_TEST_DB")
        or str(VAR_DIR / f"test-semilla-{os.getpid()}.sqlite3")
    }  # noqa: F405
# Record which URL patterns the suite exercises (see tests/url_coverage.py).
MIDDLEWARE = [*MIDDLEWARE, "tests.url_coverage.URLCoverageMiddleware"]  # noqa: F405
# Connections are not kept between requests in tests: the live server's threads would keep
# the test database open and PostgreSQL could not drop it at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# A variable missing from one of OUR templates fails the test that renders it (third-party
# templates render as in production): see tests/template_guard.py and docs/testing.md.
from tests.template_guard import MISSING_VARIABLE  # noqa: E402

TEMPLATES = [
    {
        **TEMPLATES[0],  # noqa: F405
        "OPTIONS": {**TEMPLATES[0]["OPTIONS"], "string_if_invalid": MISSING_VARIABLE},  # noqa: F405
    }
]
