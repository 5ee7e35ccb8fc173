"""Browser journey for the one access policy: a finance officer signs in with the password
and the code on the real log-in pages; a session that gave the password only (say, a
stolen cookie or a half-finished sign-in) is stopped at the code page on every page it asks
for, and the code brings the person back to that page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.factories import add_totp, make_user, password_only_client

pytestmark = pytest.mark.e2e

PASSWORD = "un-buen-secreto-2026"


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture(autouse=True)
def _close_request_connections():
    """The live server's request threads must not keep PostgreSQL connections open."""
    from django.db import connections

    previous = connections.settings["default"].get("CONN_MAX_AGE", 0)
    connections.settings["default"]["CONN_MAX_AGE"] = 0
    yield
    connections.settings["default"]["CONN_MAX_AGE"] = previous


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_only_session_meets_the_code_page_everywhere(browser, live_server, site_data):
    base = live_server.url
    finance = make_user(Role.FINANCE, mfa=False, full_name="Fabiola Finanzas")
    secret = add_totp(finance)
    context = browser.new_context(
        locale="es-CO", timezone_id="America/Bogota", viewport={"width": 390, "height": 800}
    )
    cookie = password_only_client(finance).cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": cookie, "url": base}])
    page = context.new_page()

    # every page of ours, the console included, answers with the code page
    desk = reverse("pitchday:desk_reconciliation")
    for path in (desk, "/admin/", reverse("semilla:dashboard")):
        page.goto(f"{base}{path}")
        assert re.search(r"/accounts/2fa/reauthenticate/", page.url), path
    assert axe_serious(page) == []

    # the code brings the person back to the page they asked for
    page.goto(f"{base}{desk}")
    page.get_by_label("Código").fill(_code(secret))
    page.get_by_role("button", name=re.compile("Confirmar|Verificar|Continuar")).click()
    page.wait_for_url(re.compile(re.escape(desk) + r"$"))
    page.goto(f"{base}/admin/")
    assert page.url == f"{base}/admin/"
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_finance_signs_in_with_password_and_code(browser, live_server, site_data):
    base = live_server.url
    finance = make_user(Role.FINANCE, mfa=False, email="fabiola@example.org")
    finance.set_password(PASSWORD)
    finance.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=finance, email=finance.email, defaults={"verified": True, "primary": True}
    )
    secret = add_totp(finance)
    page = browser.new_context(locale="es-CO", timezone_id="America/Bogota").new_page()
    page.goto(f"{base}/es/accounts/login/")
    page.get_by_label("Correo electrónico").fill("fabiola@example.org")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/"))
    page.get_by_label("Código").fill(_code(secret))
    page.get_by_role("button", name=re.compile("Iniciar sesión|Confirmar|Verificar")).click()
    page.wait_for_url(re.compile(r".*/es/mi-espacio/"))
    page.goto(f"{base}{reverse('pitchday:desk_reconciliation')}")
    assert page.url == f"{base}{reverse('pitchday:desk_reconciliation')}"
