"""Root URLs. Public pages live under a language prefix (/es/, /en/) so that every page
exists in both languages; the staff console, health check and files do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from curriculum import views as curriculum_views
from pitchday import views as pitchday_views

from . import notification_views, views

semilla_patterns = (
    [
        path("mi-espacio/", views.dashboard, name="dashboard"),
        path("preferencias/", views.preferences, name="preferences"),
        path("avisos/", notification_views.notification_list, name="notifications"),
        path(
            "avisos/<int:pk>/leido/", notification_views.notification_read, name="notification_read"
        ),
        path(
            "avisos/leidos/",
            notification_views.notifications_read_all,
            name="notifications_read_all",
        ),
        path("mensajes/", notification_views.message_settings, name="messages"),
        path("mensajes/celular/", notification_views.phone_start, name="phone_start"),
        path("mensajes/celular/confirmar/", notification_views.phone_confirm, name="phone_confirm"),
        path("mensajes/celular/quitar/", notification_views.phone_remove, name="phone_remove"),
        path(
            "mensajes/canales/", notification_views.message_preferences, name="message_preferences"
        ),
    ],
    "semilla",
)

urlpatterns = [
    # The console signs people in through allauth only (rate limits, TOTP, one log-in page).
    path("admin/login/", views.console_login_redirect, name="console_login"),
    path("admin/password_reset/", views.console_login_redirect),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    # the service worker at the root: its scope covers /es/ and /en/ (curriculum.offline)
    path("sw.js", curriculum_views.service_worker, name="service_worker"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("stripe/webhook/", pitchday_views.stripe_webhook, name="stripe_webhook"),
    path("twilio/status/", notification_views.twilio_status, name="twilio_status"),
    path("twilio/inbound/", notification_views.twilio_inbound, name="twilio_inbound"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include(semilla_patterns)),
    path("aprende/", include("curriculum.urls")),
    path("comunidad/", include("community.urls")),
    path("cohortes/", include("cohorts.urls")),
    path("mentores/", include("mentors.urls")),
    path("pitch/", include("pitchday.urls")),
    path("mis-datos/", include("semilla.privacy.urls")),
    path("resultados/", include("outcomes.urls")),
    path("conversaciones/", include("conversations.urls")),
    path("apoya/", include("market.urls")),
    path("indicadores/", include("semilla.reporting.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Django's own admin only in development: Wagtail is the console, and the admin would
    # be a second way in for superusers (production has no /django-admin/). Even here it is
    # behind the access policy like every other URL.
    from django.conf.urls.static import static
    from django.contrib import admin

    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

if getattr(settings, "SEMILLA_BENCH_BASELINE", False):  # the benchmark suite only
    from .benchmark import urlpatterns as benchmark_urlpatterns

    urlpatterns += benchmark_urlpatterns

handler403 = "semilla.views.handler403"
handler404 = "semilla.views.handler404"
handler500 = "semilla.views.handler500"
