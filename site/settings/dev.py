"""Development: no configuration needed (SQLite under var/, ORM task broker, console e-mail)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# The demo lets you explore staff areas without an authenticator app; production and the
# test suite require TOTP for staff, finance, reviewer and judge roles.
SEMILLA_REQUIRE_MFA = env.bool("SEMILLA_REQUIRE_MFA", default=False)
SEMILLA_CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="equipo@demo.semilla.co")
STORAGES = {
    **STORAGES,
    "staticfiles": {  # noqa: F405
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
