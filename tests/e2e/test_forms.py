"""Every POST form is sent once: a second tap while the first request is on its way (a slow
connection, an impatient thumb) is ignored by static/js/semilla.js, and the button tapped
still sends its name and value."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from semilla.enums import Role
from tests.factories import make_user
from tests.factories.cohorts import CohortFactory

pytestmark = pytest.mark.e2e


def _signed_in_page(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="es-CO", viewport={"width": 412, "height": 915})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context, context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_tap_while_the_first_is_on_its_way_is_ignored(browser, live_server, site_data):
    """The slow connection is played by holding the request: the second tap comes while the
    first has not been answered (Chromium itself merges two taps in the same instant)."""
    cohort = CohortFactory(slug="cohorte-un-toque")
    url = f"{live_server.url}/es/cohortes/{cohort.slug}/requisitos/"
    context = browser.new_context(locale="es-CO", viewport={"width": 412, "height": 915})
    page = context.new_page()
    try:
        page.goto(url)
        held = []
        page.route(
            url,
            lambda route: (
                held.append(route) if route.request.method == "POST" else route.fallback()
            ),
        )
        button = page.get_by_role("button", name="Revisar")
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

        # the mouse, not a locator: a locator waits for the pending navigation to finish
        page.mouse.click(x, y)
        page.wait_for_timeout(300)
        assert len(held) == 1
        page.mouse.click(x, y)
        page.wait_for_timeout(500)

        assert len(held) == 1
        held[0].continue_()
        expect(page.locator(".field.has-error").first).to_be_visible()  # the answer came back
        page.unroute(url)
        # the page that came back is a new page: it may be sent again
        with page.expect_request(lambda r: r.method == "POST"):
            page.get_by_role("button", name="Revisar").click()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_tapped_button_still_sends_its_value(browser, live_server, site_data):
    """The judge's "Accept" is a named button (answer=accept): were it disabled to stop a
    second tap, its value would not travel and the answer would read as a refusal."""
    from pitchday.models import Judge
    from tests.factories.pitchday import make_event, make_judge

    event = make_event()
    judge = make_judge(event, make_user(Role.JUDGE), accepted=False)
    base = live_server.url
    context, page = _signed_in_page(browser, base, judge.user)
    with translation.override("es"):
        page.goto(base + reverse("pitchday:event_detail", args=[event.pk]))
    page.get_by_role("button", name="Aceptar").dblclick()
    expect(page.get_by_role("link", name="Abrir mi página de calificación")).to_be_visible()

    assert Judge.objects.get(pk=judge.pk).status == "accepted"
    context.close()
