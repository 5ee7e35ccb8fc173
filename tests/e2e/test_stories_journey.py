"""Browser journey: an alumna says yes to publishing her story on her phone, staff publish
it in the console, she withdraws her consent, and the story is gone from the public list."""

import pytest
from django.test import Client

from semilla.enums import Role

pytestmark = pytest.mark.e2e


def _login(context, user, base):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_story_consent_publish_withdraw_and_gone_from_the_list(
    browser, live_server, site_data, phone_context_args
):
    from outcomes.models import StoryConsent, StoryPage
    from tests.factories import make_user
    from tests.factories.outcomes import make_alumnus, make_story, story_index

    alumnus = make_alumnus()
    index = story_index()
    story = make_story(person=alumnus.user, title="Arepas que abrieron camino")
    staff = make_user(Role.STAFF)
    staff.is_superuser = True  # publishing pages: the programme lead's right
    staff.save()
    base = live_server.url

    phone = browser.new_context(**phone_context_args)
    desk = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    reader = browser.new_context(**phone_context_args)
    try:
        mine = phone.new_page()
        _login(phone, alumnus.user, base)
        mine.goto(f"{base}/es/resultados/egresados/mis-permisos/")
        mine.get_by_label("Sí, Semilla puede publicar mi historia", exact=False).check()
        mine.get_by_role("button", name="Guardar mi respuesta").click()
        assert "Dijiste que sí" in mine.get_by_test_id("story-consent").inner_text()
        assert mine.evaluate("document.documentElement.scrollWidth") <= 390
        assert StoryConsent.objects.filter(user=alumnus.user, withdrawn_at=None).count() == 1

        console = desk.new_page()
        _login(desk, staff, base)
        console.goto(f"{base}/admin/pages/{story.pk}/edit/")
        console.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
        console.get_by_role("button", name="Publicar").click()
        console.wait_for_url(f"{base}/admin/pages/{index.pk}/**")
        assert StoryPage.objects.get(pk=story.pk).live is True

        public = reader.new_page()
        public.goto(f"{base}{index.url}")
        assert "Arepas que abrieron camino" in public.get_by_test_id("stories").inner_text()

        mine.get_by_role("button", name="Retirar: quitar mi historia").click()
        assert (
            "Todas las historias sobre ti"
            in mine.locator(".messages, [role=status], .message").first.inner_text()
        )
        assert "No has dicho que sí" in mine.get_by_test_id("story-consent").inner_text()

        public.goto(f"{base}{index.url}")
        assert "Arepas que abrieron camino" not in public.get_by_test_id("stories").inner_text()
        assert StoryPage.objects.get(pk=story.pk).live is False
    finally:
        phone.close()
        desk.close()
        reader.close()
