"""semilla.middleware.CSPMiddleware: the site's policy header built once per process, the
same header django-csp builds; a nonce or a view's own policy still built by django-csp."""

from csp.constants import NONCE
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from semilla.enums import Role
from semilla.middleware import CSPMiddleware
from tests.factories import make_user


def _answer(view):
    request = RequestFactory().get("/es/")
    middleware = CSPMiddleware(view)
    middleware.process_request(request)
    return middleware.process_response(request, view(request))


def test_csp_header_is_django_csps_own_on_signed_in_and_anonymous_pages(client_for, db):
    expected = build_policy()
    assert "script-src 'self'" in expected
    signed_in = client_for(make_user(Role.ENTREPRENEUR))
    for _ in range(3):
        assert signed_in.get(reverse("semilla:dashboard"))["Content-Security-Policy"] == expected
        assert client_for().get("/es/")["Content-Security-Policy"] == expected


def test_csp_header_follows_a_changed_policy(client_for, settings, db):
    client = client_for()
    assert "img-src 'self' data:" in client.get("/es/")["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]}
    }
    header = client.get("/es/?otra=1")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    assert (directives["img-src"], "data:" in header) == ("'self'", False)


def test_csp_header_with_a_nonce_asked_for_carries_it(settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "script-src": ["'self'", NONCE]}
    }

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    response = _answer(view)
    nonce = response.content.decode().split('"')[1]
    assert response["Content-Security-Policy"].count(f"'nonce-{nonce}'") == 1
    plain = _answer(lambda request: HttpResponse("x"))["Content-Security-Policy"]
    assert (plain == build_policy(), "'nonce-" in plain) == (True, False)


def test_csp_header_of_a_view_with_its_own_policy_is_its_own():
    def view(request):
        response = HttpResponse("x")
        response._csp_update = {"img-src": ["https://fotos.example.org"]}
        return response

    assert "https://fotos.example.org" in _answer(view)["Content-Security-Policy"]
