"""Every response carries the hardening headers; personal pages are never cached."""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/es/",
    "/en/",
    "/es/accounts/login/",
    "/es/accounts/signup/",
    "/healthz/",
    "/es/no-existe/",
]


@pytest.fixture
def home(db):
    from semilla.demo import seed_home_page

    seed_home_page()


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_hardening_headers_on_public_pages(client, home, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


def test_personal_pages_are_private_no_store(client_for, entrepreneur):
    response = client_for(entrepreneur).get("/es/mi-espacio/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_wrong_method_is_405(client):
    assert client.post("/healthz/").status_code == 405
    assert client.get("/i18n/setlang/").status_code == 405


def test_errors_show_friendly_page_without_trace(client, settings):
    settings.DEBUG = False
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "No encontramos esa página" in body
    assert "Traceback" not in body
