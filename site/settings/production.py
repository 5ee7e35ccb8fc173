"""Production: refuses to start without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if not env.str(_name, default=""):
        raise ImproperlyConfigured(
            f"{_name} must be set in the environment for production (see README, Production)."
        )

DEBUG = False
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
EMAIL_TIMEOUT = 20

# --- Serving speed (see docs/performance.md) -------------------------------------------
# Templates: with DEBUG off and APP_DIRS on, Django already wraps the loaders in its cached
# loader, so nothing is set here. Sessions read through the shared cache and write to the
# database. Connections are kept between requests (SQLite too: it saves the open and the
# PRAGMAs on every request). Unhashed static files are cached for an hour by browsers;
# hashed ones (from the manifest) forever, by whitenoise.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
WHITENOISE_MAX_AGE = env.int("WHITENOISE_MAX_AGE", default=3600)

# The benchmark suite's baseline view and per-request SQL counter (bench/, never in a
# real deployment).
SEMILLA_BENCH_BASELINE = env.bool("SEMILLA_BENCH_BASELINE", default=False)
if SEMILLA_BENCH_BASELINE:
    MIDDLEWARE = ["semilla.benchmark.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
