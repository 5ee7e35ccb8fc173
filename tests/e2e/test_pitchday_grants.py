"""Seed-grant journey: the grantee accepts the agreement, connects Stripe and confirms the
payout details with the e-mailed code, uploads evidence; staff approve it and request
payment; a finance officer approves; the transfer's answer is lost, and the tranche shows
paid once Stripe's webhook arrives."""

import re

import pytest
from django.core import mail
from django.test import Client

from pitchday.models import Disbursement
from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.factories.files import png_bytes
from tests.factories.pitchday import make_grant
from tests.pitchday.conftest import fake_stripe  # noqa: F401

pytestmark = pytest.mark.e2e

PNG = png_bytes()


@pytest.fixture(autouse=True)
def _close_request_connections():
    """The live server's request threads must not keep PostgreSQL connections open
    (CONN_MAX_AGE), or the test database cannot be dropped at the end."""
    from django.db import connections

    previous = connections.settings["default"].get("CONN_MAX_AGE", 0)
    connections.settings["default"]["CONN_MAX_AGE"] = 0
    yield
    connections.settings["default"]["CONN_MAX_AGE"] = previous


def _page_as(browser, user, base):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="es-CO", timezone_id="America/Bogota", viewport={"width": 390, "height": 800}
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_grantee_to_paid_tranche(browser, live_server, fake_stripe):  # noqa: F811
    base = live_server.url
    fake_stripe.webhook_endpoint(f"{base}/stripe/webhook/")
    grantee = make_user(Role.ENTREPRENEUR, full_name="Yuleisy Rodríguez")
    staff, finance = make_user(Role.STAFF), make_user(Role.FINANCE)
    grant = make_grant(grantee=grantee, amount=4_000_000_00)

    me = _page_as(browser, grantee, base)
    me.goto(f"{base}{grant.get_absolute_url()}")
    me.get_by_role("link", name="Leer el acuerdo").click()
    me.get_by_label("Leí el acuerdo y lo acepto.").check()
    me.get_by_role("button", name="Aceptar el acuerdo").click()
    me.get_by_text("el acuerdo quedó aceptado").wait_for()
    me.goto(f"{base}{grant.get_absolute_url()}")
    assert axe_serious(me) == []

    # Stripe onboarding (hosted by the fake), then the code sent by e-mail.
    me.goto(f"{base}/es/pitch/datos-de-pago/")
    me.get_by_role("button", name="Conectar con Stripe").click()
    me.get_by_test_id("external-continue").click()
    me.wait_for_url(re.compile(r".*/connect/onboarding/.*"))
    (account,) = fake_stripe.objects("account")
    fake_stripe.complete_onboarding(account["id"])
    assert fake_stripe.deliver() == [200]
    me.goto(f"{base}/es/pitch/datos-de-pago/")
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    me.get_by_label("Código de confirmación").fill(code)
    me.get_by_role("button", name="Confirmar", exact=True).click()
    me.get_by_test_id("payout-confirmed").wait_for()

    # Evidence for the second milestone.
    milestone = grant.tranches.get(number=2).milestone
    me.goto(f"{base}/es/pitch/subvenciones/{grant.reference}/hitos/{milestone.pk}/")
    me.get_by_label("Recibo, foto o documento").set_input_files(
        {"name": "horno.png", "mimeType": "image/png", "buffer": PNG}
    )
    me.get_by_label("Valor del recibo (pesos)").fill("1200000")
    me.get_by_role("button", name="Subir").click()
    me.get_by_text("horno.png").wait_for()
    me.get_by_label("Informe corto").fill("Compré el horno y ya horneamos el doble.")
    me.get_by_role("button", name="Enviar al equipo del programa").click()
    me.get_by_text("Enviado al equipo del programa").wait_for()

    # Staff approve the evidence and request payment of tranche 2.
    desk = _page_as(browser, staff, base)
    desk.goto(f"{base}/es/pitch/gestion/hitos/")
    desk.get_by_role("link", name=re.compile("Hito 2")).click()
    desk.get_by_role("button", name="Aprobar: el tramo queda listo para pagar").click()
    desk.goto(f"{base}/es/pitch/gestion/subvenciones/{grant.reference}/")
    desk.get_by_test_id("desk-tranche-2").get_by_role("button", name="Solicitar el pago").click()
    desk.get_by_text("Una persona de finanzas debe aprobarlo").wait_for()

    # Finance approves; Stripe makes the transfer but the answer is lost (timeout).
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    money = _page_as(browser, finance, base)
    money.goto(f"{base}/es/pitch/gestion/desembolsos/")
    money.get_by_role("button", name="Aprobar y pagar").click()
    money.get_by_test_id("disbursement-status").first.wait_for()
    fake_stripe.wait_idle()
    disbursement = Disbursement.objects.get()
    assert disbursement.status == "failed"
    assert disbursement.ledger_entries.count() == 0

    # Stripe's webhook arrives: the tranche is paid, once.
    assert set(fake_stripe.deliver()) == {200}
    me.goto(f"{base}{grant.get_absolute_url()}")
    tranche = me.get_by_test_id("tranche-2")
    assert tranche.get_by_test_id("tranche-status").inner_text() == "Pagado"
    assert disbursement.ledger_entries.count() == 1
    assert len(fake_stripe.transfers) == 1
