"""Shared settings. Every value a deployment may change is read from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the site/ folder (import name: semilla)
BASE_DIR = PACKAGE_DIR.parent  # the repository root
VAR_DIR = Path(environ.Env().str("SEMILLA_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "semilla.apps.SemillaConfig",
    "curriculum.apps.CurriculumConfig",
    "cohorts.apps.CohortsConfig",
    "mentors.apps.MentorsConfig",
    "pitchday.apps.PitchdayConfig",
    "community.apps.CommunityConfig",
    "outcomes.apps.OutcomesConfig",
    "conversations.apps.ConversationsConfig",
    "market.apps.MarketConfig",
    # Wagtail: the curriculum and the staff console
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "semilla.apps.SemillaUsersConfig",  # wagtail.users, searching people by name
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # tasks, htmx, security headers
    "django_q",
    "django_htmx",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "semilla.compression.PublicGZipMiddleware",  # anonymous public pages only (BREACH)
    "semilla.pagecache_middleware.PageCacheMiddleware",  # anonymous pages, before sessions
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "semilla.middleware.AuthenticationMiddleware",  # the person from the table cache
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "semilla.middleware.CSPMiddleware",  # django-csp's, the policy built once
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "semilla.middleware.UserPreferencesMiddleware",
    "semilla.middleware.AccessPolicyMiddleware",  # one access policy (docs/security.md)
    "semilla.middleware.FormOnlyAddressMiddleware",  # our page for a visit to a form-only address
    "semilla.middleware.PrivateCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "semilla.routing.RouteMemoryMiddleware",  # remembered page routes (after locale)
]

ROOT_URLCONF = "semilla.urls"
WSGI_APPLICATION = "semilla.wsgi.application"
AUTH_USER_MODEL = "semilla.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "semilla.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite file under var/ by default (one machine, the demo); PostgreSQL through
# DATABASE_URL. SQLite runs in WAL mode with IMMEDIATE transactions so that writers
# queue for the lock instead of failing with "database is locked".
VAR_DIR.mkdir(parents=True, exist_ok=True)
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        " PRAGMA foreign_keys=ON;"
    ),
}
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'semilla.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (shared across processes: rate limits, sessions, page cache) ----------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # Django's database cache keeps 300 entries by default and then deletes a third of
    # them on the next write: far too few once every signed-in person has pages and
    # values of their own in the table cache (semilla.table_cache), which would then be
    # recomputed all day. Each write counts the table's rows, cheap at this size.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "semilla_cache",
            "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=20_000)},
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background tasks (django-q2) ------------------------------------------------------
Q_CLUSTER = {
    "name": "semilla",
    "workers": env.int("Q_WORKERS", default=2),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "label": "Tareas",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Languages, time ----------------------------------------------------------------------
LANGUAGE_CODE = "es"
# The console's filters start with a readable empty choice, as every other select (see
# semilla.apps.install_readable_empty_choice).
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Choose…")
LANGUAGES = [("es", "Español"), ("en", "English")]
# The overrides come first and win: Spanish ("tú") for the strings of allauth and Wagtail
# that we show (their own Spanish is formal or missing). Edited by hand, never by
# makemessages, which would drop msgids that are not in our sources.
LOCALE_PATHS = [PACKAGE_DIR / "locale_overrides", PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Bogota"
FORMAT_MODULE_PATH = ["semilla.formats"]
LANGUAGE_COOKIE_NAME = "semilla_language"
LANGUAGE_COOKIE_SECURE = False

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Semilla"
# No avatars from Gravatar in the console: a third party would learn each staff member's
# e-mail hash, and the site's CSP refuses its images anyway (Wagtail shows its own default)
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# the console's times follow the person's own zone setting (semilla.middleware.console_zone):
# Wagtail's separate zone choice is hidden
WAGTAIL_USER_TIME_ZONES: list[str] = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}

# --- Accounts (django-allauth) -------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "semilla.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "semilla.forms.SignupForm"
# Our own actions (semilla.ratelimit): (attempts, seconds) per person.
SEMILLA_RATE_LIMITS = {
    "application_submit": (10, 3600),
    "phone_code": (5, 3600),  # codes sent to a number, per person
    "twilio_webhook": (600, 60),  # provider callbacks, per client address
    "conversation_message": (30, 600),  # mentor-mentee messages, per sender
    "market_interest": (5, 3600),  # "support this business" messages, per client address
    "employer_register": (5, 3600),  # employer partner registrations, per client address
}
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Semilla"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "semilla:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Account changes (e-mail, password, second factor; payout details through
# semilla.middleware.REAUTHENTICATION_URL_NAMES) need the password or the TOTP code again
# within the last 5 minutes; a sign-in code by e-mail is not enough (the session could
# belong to someone who controls a freshly added address).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Tell the person (at the old address for an e-mail change) about every change of e-mail,
# password and second factor.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# allauth's default prefix is "[<host:port>] " (there is no sites framework): our own.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Semilla: "
# Security codes (payout details) go only to an address primary for this long; a newer one
# waits for staff confirmation (semilla.account_security).
SEMILLA_SECURITY_CODE_COOLING_OFF = timedelta(
    hours=env.int("SEMILLA_SECURITY_CODE_HOURS", default=72)
)
# Roles that must pass TOTP in each session before any page (semilla.middleware
# .AccessPolicyMiddleware): on in production and tests, off in development by default.
SEMILLA_REQUIRE_MFA = env.bool("SEMILLA_REQUIRE_MFA", default=True)
# Personal values (the panels of "Mi espacio", a learner's progress around a lesson) kept in
# the shared cache until a table they read is written (semilla.table_cache).
SEMILLA_TABLE_CACHE = env.bool("SEMILLA_TABLE_CACHE", default=True)
# The signed-in person (user, roles, second factor) kept the same way
# (semilla.middleware.user_for); off with the table cache too.
SEMILLA_PERSON_CACHE = env.bool("SEMILLA_PERSON_CACHE", default=True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Semilla <no-responder@semilla.local>")
# Where people write to the programme team: shown at the foot of every page and on error
# pages (a code that does not arrive, a page refused). Empty: no contact line.
SEMILLA_CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private files (identity documents, evidence, decks): never under MEDIA_URL; served
    # only through permission-checked views.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    # whitenoise's compressed manifest storage, each URL worked out once per process
    "staticfiles": {"BACKEND": "semilla.static_storage.KeptURLStaticFilesStorage"},
}
# Several machines: private files in S3-compatible object storage (django-storages) when
# PRIVATE_S3_BUCKET is set; the local disk stays the default. Objects are private (no
# public ACL), and every download is streamed through the permission-checked views, so no
# object URL is ever shown; a signed URL, if code ever asks for one, lives 5 minutes.
# Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role);
# S3_ENDPOINT_URL for a provider other than AWS (MinIO, Ceph, a local test server).
PRIVATE_S3_BUCKET = env.str("PRIVATE_S3_BUCKET", default="")
if PRIVATE_S3_BUCKET:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_S3_BUCKET,
            "location": env.str("PRIVATE_S3_PREFIX", default="private"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "semilla.uploads.SizeLimitUploadHandler",  # refuses a file over 10 MB while it streams in
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Security headers (every response) -----------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag; harmless
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Semilla -----------------------------------------------------------------------------------
SITE_URL = WAGTAILADMIN_BASE_URL
PRIVACY_POLICY_VERSION = env.str("PRIVACY_POLICY_VERSION", default="2026-11")
# Channels notify() may use (semilla.notifications); WhatsApp and SMS reach only people who
# confirmed a number and chose them, and stay in the outbox without Twilio credentials.
SEMILLA_NOTIFICATION_CHANNELS = ["email", "whatsapp", "sms"]
# Twilio (WhatsApp and SMS); empty credentials keep phone messages in the outbox.
TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN", default="")
TWILIO_SMS_FROM = env.str("TWILIO_SMS_FROM", default="")
TWILIO_WHATSAPP_FROM = env.str("TWILIO_WHATSAPP_FROM", default="")
TWILIO_API_BASE = env.str("TWILIO_API_BASE", default="")
# {"reminder": {"es": "HX...", "en": "HX..."}, ...}: approved WhatsApp templates per kind
TWILIO_WHATSAPP_TEMPLATES = env.json("TWILIO_WHATSAPP_TEMPLATES", default={})
# The version of the text a person agrees to when they turn WhatsApp or SMS on.
SEMILLA_MESSAGING_CONSENT_VERSION = "messages-2026-12"
# Stripe (seed-grant payouts and sponsor contributions); empty keys disable the Stripe rail.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="https://api.stripe.com")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# The staff console signs people in through allauth (rate limits, TOTP, one log-in page).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
