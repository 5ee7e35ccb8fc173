"""Browser journey: sign up in Spanish, verify the e-mail from the outbox, log in, see
"Mi espacio", switch to English; axe finds no serious or critical violations."""

import re

import pytest
from django.core import mail

from tests.e2e.conftest import axe_serious

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signup_verify_login_dashboard_switch_language(page, live_server, site_data):
    base = live_server.url
    page.goto(f"{base}/es/")
    assert page.locator("h1").inner_text() == "Tu negocio puede crecer aquí"
    assert axe_serious(page) == []

    page.get_by_role("link", name="Crea tu cuenta").click()
    assert axe_serious(page) == []
    page.get_by_label("Correo electrónico").fill("yuli@example.org")
    page.get_by_label("Tu nombre").fill("Yuleisy")
    page.get_by_label("Contraseña", exact=True).fill("un-buen-secreto-2026")
    page.get_by_label("Contraseña (otra vez)").fill("un-buen-secreto-2026")
    page.get_by_role("button", name="Crear una cuenta").click()
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/"))

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("/es/", 1)[1]
    page.goto(f"{base}/es/{path}")
    page.get_by_role("button", name="Confirmar").click()
    page.wait_for_url(re.compile(r".*/es/mi-espacio/"))
    assert page.locator("h1").inner_text() == "Hola, Yuleisy"
    assert axe_serious(page) == []

    page.get_by_role("button", name="Cerrar sesión").click()
    # log-out first clears what the device holds (static/js/semilla.js), then submits
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/(es/)?$"))
    page.goto(f"{base}/es/accounts/login/")
    assert axe_serious(page) == []
    page.get_by_label("Correo electrónico").fill("yuli@example.org")
    page.get_by_label("Contraseña").fill("un-buen-secreto-2026")
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(re.compile(r".*/es/mi-espacio/"))

    page.get_by_test_id("language-switch").click()
    page.wait_for_url(re.compile(r".*/en/mi-espacio/"))
    assert page.locator("h1").inner_text() == "Hello, Yuleisy"
