"""Views of the site package: the personal dashboard, preferences, language switching,
health check and the error pages."""

import sys
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import hooks, routing, services, table_cache
from .forms import PreferencesForm
from .middleware import set_language_cookie
from .personal_page import personal_page
from .timezones import default_timezone


@require_GET
@login_required
@personal_page
def dashboard(request):
    """ "Mi espacio": what each of the user's roles can do next. Each panel's queries are
    bounded (``hooks.facts_for``); page links reuse the site kept for this generation.
    The panels, rendered, are a personal value of the table cache: served again until a
    table they read is written (``semilla.table_cache``)."""

    routing.prime_site(request)

    def render_panels() -> str:
        panels = hooks.panels_for(request)
        return render_to_string(
            "semilla/dashboard_panels.html", {"panels": panels}, request=request
        )

    panels_html = table_cache.cached(
        "dashboard_panels",
        table_cache.person_parts(request),
        render_panels,
        store_if=lambda html: "csrfmiddlewaretoken" not in html,
    )
    return render(request, "semilla/dashboard.html", {"panels_html": mark_safe(panels_html)})  # noqa: S308


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request):
    user = request.user
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.user_update_preferences(user=user, **form.cleaned_data)
            translation.activate(user.language)
            messages.success(request, _("Your preferences were saved."))
            response = HttpResponseRedirect(translate_url(request.path, user.language))
            response.set_cookie("semilla_language", user.language, samesite="Lax")
            return response
    else:
        form = PreferencesForm(
            initial={"language": user.language, "timezone": default_timezone(user)}
        )
    return render(request, "semilla/preferences.html", {"form": form})


@require_POST
def set_language(request):
    """Switch language and stay on the same page (the form posts the translated URL)."""
    language = request.POST.get("language", "")
    if language not in ("es", "en"):
        language = "es"
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    next_url = translate_url(next_url, language)
    response = HttpResponseRedirect(next_url)
    set_language_cookie(response, language)
    if request.user.is_authenticated and request.user.language != language:
        services.user_update_preferences(user=request.user, language=language)
    return response


@require_http_methods(["GET", "POST"])
def console_login_redirect(request):
    """Wagtail's own log-in and password pages are replaced by allauth's."""

    target = reverse("account_login")
    if request.GET.get("next"):
        target += "?" + urlencode({"next": request.GET["next"]})
    return HttpResponseRedirect(target)


@require_GET
def healthz(request):
    """Load-balancer health check: the database answers."""

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def _render_error(request, template: str, status: int) -> HttpResponse:
    try:
        context = {"request": request, "contact_email": settings.SEMILLA_CONTACT_EMAIL}
        html = render_to_string(template, context, request=None)
    except Exception:  # noqa: BLE001 - the error page must never fail
        html = "<h1>Semilla</h1>"
    return HttpResponse(html, status=status)


def handler404(request, exception=None):
    return _render_error(request, "404.html", 404)


def handler403(request, exception=None):
    return _render_error(request, "403.html", 403)


def handler500(request):
    """A friendly page in the user's language; when the database went away, 503 so the
    load balancer and the person both know to try again shortly."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        for conn in connections.all(initialized_only=True):
            conn.close_if_unusable_or_obsolete()
        response = _render_error(request, "503.html", 503)
        response["Retry-After"] = "30"
        return response
    return _render_error(request, "500.html", 500)
