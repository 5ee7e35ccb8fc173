"""The layout. On a phone, the notifications page: a message whose text carries a long link
(the alumni invitations' "Responde aquí: https://…") wraps instead of widening the page; a
list of cards (directories, showcases) shows no bullets. On a desktop, the header keeps the
brand, the menu, the bell and the language on one row however many links the menu has."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from semilla.enums import MessageKind, Role
from semilla.models import Notification
from tests.e2e.conftest import phone_overflow
from tests.factories import make_user

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notification_with_a_long_link_fits_a_phone(browser, live_server, site_data):
    base = live_server.url
    person = make_user(Role.ENTREPRENEUR)
    link = f"{base}/es/resultados/egresados/invitaciones/" + "a1b2c3d4e5f6" * 5 + "/"
    Notification.objects.create(
        user=person,
        kind=MessageKind.ALUMNI,
        template="outcomes/alumni_invitation",
        title="Estás invitada o invitado: Encuentro de egresados",
        text=f"Semilla: estás invitada o invitado. Responde aquí: {link}",
        url="/es/mi-espacio/",
    )
    client = Client()
    client.force_login(person)
    context = browser.new_context(locale="es-CO", viewport={"width": 412, "height": 915})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    page = context.new_page()
    page.goto(f"{base}/es/avisos/")
    expect(page.get_by_text("Responde aquí")).to_be_visible()

    assert phone_overflow(page) is None
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_list_of_cards_shows_no_bullets(browser, live_server, site_data):
    from tests.factories.market import make_provider

    make_provider()
    context = browser.new_context(locale="es-CO", viewport={"width": 412, "height": 915})
    page = context.new_page()
    page.goto(f"{live_server.url}/es/apoya/finanzas/")
    card = page.locator("ul.cards > li.card").first
    expect(card).to_be_visible()

    assert card.evaluate("el => getComputedStyle(el).listStyleType") == "none"
    assert card.evaluate("el => getComputedStyle(el.parentElement).paddingLeft") == "0px"
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_desktop_header_is_one_row_with_a_long_menu(browser, live_server, site_data):
    person = make_user(Role.ENTREPRENEUR)
    client = Client()
    client.force_login(person)
    base = live_server.url
    context = browser.new_context(locale="es-CO", viewport={"width": 1024, "height": 800})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    page = context.new_page()
    page.goto(f"{base}/es/mi-espacio/")
    links = page.locator(".main-nav li").count()
    brand = page.locator(".site-header .brand").bounding_box()
    language = page.get_by_test_id("language-switch").bounding_box()
    nav = page.locator(".main-nav").bounding_box()

    assert links >= 9
    assert language["y"] < brand["y"] + brand["height"]
    assert nav["x"] > brand["x"] + brand["width"]
    assert nav["x"] + nav["width"] <= language["x"]
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_required_question_is_marked_radio_groups_too(browser, live_server, site_data):
    """The pre-screen asks six questions, all required: each label, and each group of radio
    buttons' legend, carries the red asterisk (a legend had none)."""
    from tests.factories.cohorts import CohortFactory

    cohort = CohortFactory(slug="cohorte-marcas")
    context = browser.new_context(locale="es-CO", viewport={"width": 412, "height": 915})
    page = context.new_page()
    page.goto(f"{live_server.url}/es/cohortes/{cohort.slug}/requisitos/")
    questions = page.locator("form .field > label, form .field > fieldset > legend")
    expect(questions.first).to_be_visible()
    marks = questions.evaluate_all(
        "els => els.map(el => [el.tagName, getComputedStyle(el, '::after').content])"
    )
    assert len(marks) == 6
    assert sorted({tag for tag, _mark in marks}) == ["LABEL", "LEGEND"]
    assert all(mark == '" *"' for _tag, mark in marks), marks
    context.close()
