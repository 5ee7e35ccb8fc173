"""Browser journey for the "Know your rights" guides: a reader on a small phone, with no
account, finds the guides from the menu, reads one in Spanish (checklist, sources, review
date), opens the free-help guide and a city's offices, and switches to English; no serious
accessibility violation on the way."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_serious

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_finds_a_guide_and_free_help_on_a_phone(browser, live_server, site_data):
    from community.loader import load

    load()
    context = browser.new_context(
        locale="es-CO", viewport={"width": 412, "height": 800}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    base = live_server.url

    page.goto(f"{base}/es/comunidad/")
    assert page.locator("h1").inner_text() == "Conoce tus derechos"
    assert axe_serious(page) == []

    page.get_by_role("link", name="El PPT: qué es y qué te permite").click()
    page.wait_for_url("**/permiso-por-proteccion-temporal/")
    assert page.locator("#needs-title").inner_text() == "Lo que necesitas"
    assert page.locator(".guide-sources li").count() == 2
    expect(page.get_by_test_id("last-reviewed")).to_be_visible()
    assert page.get_by_test_id("under-review").count() == 0
    assert axe_serious(page) == []

    page.goto(f"{base}/es/conoce-tus-derechos/ayuda-gratuita/")
    page.locator("details.city-offices summary", has_text="Cúcuta").click()
    expect(page.get_by_role("link", name="Migración Colombia en Cúcuta")).to_be_visible()
    assert axe_serious(page) == []

    page.goto(f"{base}/en/conoce-tus-derechos/ayuda-gratuita/")
    assert page.locator("h1").inner_text() == "Where to get free help"
    context.close()
