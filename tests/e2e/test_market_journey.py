"""Investors, buyers and finance, in Chromium on a phone: a visitor finds a business by
city and expresses interest; staff send it on; the entrepreneur agrees. A sponsor pays
through Stripe Checkout (the fake Stripe server) and the fund's ledger shows it once the
signed webhook arrives."""

import re

import pytest
from django.test import Client

from market.enums import InterestStatus
from market.models import Interest
from pitchday import money as pitchday_money
from pitchday.enums import EntryKind
from pitchday.models import LedgerEntry
from semilla.enums import Role
from semilla.templatetags.semilla_tags import money
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.factories.market import make_profile
from tests.factories.pitchday import make_fund
from tests.pitchday.conftest import fake_stripe  # noqa: F401

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _close_request_connections():
    from django.db import connections

    previous = connections.settings["default"].get("CONN_MAX_AGE", 0)
    connections.settings["default"]["CONN_MAX_AGE"] = 0
    yield
    connections.settings["default"]["CONN_MAX_AGE"] = previous


def _context(browser, base, user=None):
    context = browser.new_context(
        locale="es-CO", timezone_id="America/Bogota", viewport={"width": 412, "height": 860}
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
        )
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_interest_is_routed_and_the_entrepreneur_agrees(browser, live_server):
    base = live_server.url
    profile = make_profile(business_name="Arepas La Guaira", city="cucuta")
    make_profile(business_name="Empanadas del Pacífico", city="cali")
    staff = make_user(Role.STAFF)

    visitor = _context(browser, base)
    visitor.goto(f"{base}/es/apoya/")
    visitor.get_by_label("Ciudad").select_option("cucuta")
    visitor.get_by_role("button", name="Filtrar").click()
    visitor.get_by_role("link", name="Arepas La Guaira").wait_for()
    assert visitor.get_by_text("Empanadas del Pacífico").count() == 0
    visitor.get_by_role("link", name="Arepas La Guaira").click()
    assert axe_serious(visitor) == []
    visitor.get_by_role("link", name="Apoya este negocio").click()
    visitor.get_by_label("Inversionista").check()
    visitor.get_by_label("Tu nombre").fill("Ana Inversora")
    visitor.get_by_label("Organización").fill("Fondo Andino")
    visitor.get_by_label("Correo").fill("ana@fondo.example.org")
    visitor.get_by_label("Mensaje").fill("Quiero conocer el negocio y sus números.")
    visitor.get_by_role("button", name="Enviar").click()
    visitor.get_by_text("Gracias: recibimos tu mensaje").wait_for()
    assert profile.user.email not in visitor.content()

    desk = _context(browser, base, staff)
    desk.goto(f"{base}/es/apoya/gestion/intereses/")
    desk.get_by_role("link", name="Arepas La Guaira").click()
    desk.get_by_role("button", name="Enviar a la emprendedora").click()
    desk.get_by_text("Enviado a la emprendedora.").wait_for()

    me = _context(browser, base, profile.user)
    me.goto(f"{base}/es/apoya/mi-vitrina/")
    me.get_by_text("Quiero conocer el negocio y sus números.").wait_for()
    me.get_by_role("button", name="Sí, preséntennos").click()
    me.get_by_text("Gracias. El equipo del programa enviará la presentación.").wait_for()
    assert Interest.objects.get().status == InterestStatus.AGREED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sponsor_pays_through_checkout_and_the_ledger_shows_it(
    browser,
    live_server,
    fake_stripe,  # noqa: F811
):
    base = live_server.url
    fake_stripe.webhook_endpoint(f"{base}/stripe/webhook/")
    fund = make_fund(accepts_contributions=True)
    make_profile(business_name="Arepas La Guaira")
    before = pitchday_money.fund_balance(fund=fund).total

    sponsor = _context(browser, base)
    sponsor.goto(f"{base}/es/apoya/")
    sponsor.get_by_role("link", name=fund.name).click()
    sponsor.locator("input[name=sponsor_name]").fill("Fundación Aliada")
    sponsor.locator("input[name=sponsor_email]").fill("aportes@aliada.example.org")
    sponsor.locator("input[name=amount]").fill("50000")
    sponsor.get_by_role("button", name="Continuar a la página de pago segura").click()
    sponsor.get_by_test_id("external-continue").click()
    sponsor.wait_for_url(re.compile(r".*/c/pay/.*"))
    (session,) = fake_stripe.objects("checkout.session")
    assert LedgerEntry.objects.filter(kind=EntryKind.CONTRIBUTION).count() == 0

    fake_stripe.complete_checkout(session["id"])
    assert fake_stripe.deliver() == [200]
    assert list(
        LedgerEntry.objects.filter(kind=EntryKind.CONTRIBUTION).values_list("amount", "currency")
    ) == [(5_000_000, "COP")]

    finance = _context(browser, base, make_user(Role.FINANCE))
    finance.goto(f"{base}/es/pitch/gestion/")
    assert money(before + 5_000_000, "COP") in finance.content()
