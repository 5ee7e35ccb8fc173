"""Browser journey: an employer registers its organisation, staff approve it in the console,
the employer posts a job, an alumna answers it on her phone, and the employer sees the
answer."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from semilla.enums import Role

pytestmark = pytest.mark.e2e


def _login(context, user, base):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_employer_registers_is_approved_posts_and_sees_an_alumnas_answer(
    browser, live_server, site_data, phone_context_args
):
    from community.models import EmployerPartner, PostAnswer
    from tests.factories import UserFactory, make_user
    from tests.factories.community import make_alumna

    employer = UserFactory(full_name="Patricia Mendoza")
    staff = make_user(Role.STAFF)
    alumna = make_alumna(city="cucuta")
    base = live_server.url

    context = browser.new_context(**phone_context_args)
    try:
        page = context.new_page()
        _login(context, employer, base)
        page.goto(f"{base}/es/comunidad/empleadores/registro/")
        page.fill("#id_name", "Sabores de Frontera SAS")
        page.fill("#id_nit", "901.234.561-7")
        page.select_option("#id_city", "cucuta")
        page.select_option("#id_sector", "food")
        page.select_option("#id_size", "small")
        page.fill("#id_contact_name", "Patricia Mendoza")
        page.fill("#id_contact_email", "talento@sabores.example")
        page.get_by_role("button", name="Enviar registro").click()
        expect(page.get_by_test_id("register-thanks")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
    partner = EmployerPartner.objects.get()
    assert (partner.nit, partner.status) == ("901234561", "applied")

    console = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    try:
        page = console.new_page()
        _login(console, staff, base)
        page.goto(f"{base}/admin/community/partners/queue/")
        page.get_by_role("link", name="Sabores de Frontera SAS").click()
        page.check("input[name=decision][value=approve]")
        page.get_by_role("button", name="Guardar decisión").click()
        assert page.get_by_test_id("partner-status").inner_text() == "Aprobada"
    finally:
        console.close()

    closes = timezone.localdate() + datetime.timedelta(days=20)
    context = browser.new_context(**phone_context_args)
    try:
        page = context.new_page()
        _login(context, employer, base)
        page.goto(f"{base}/es/comunidad/mi-empresa/")
        page.get_by_role("link", name="Publica un empleo o una necesidad de proveedores").click()
        page.select_option("#id_kind", "job")
        page.fill("#id_title", "Auxiliar de cocina")
        page.fill("#id_description", "Turnos de mañana, contrato a término fijo.")
        page.select_option("#id_city", "cucuta")
        page.fill("#id_closes_on", closes.isoformat())
        page.get_by_role("button", name="Publicar", exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == "Auxiliar de cocina"
    finally:
        context.close()

    context = browser.new_context(**phone_context_args)
    try:
        page = context.new_page()
        _login(context, alumna, base)
        page.goto(f"{base}/es/comunidad/oportunidades/")
        page.get_by_role("link", name="Auxiliar de cocina").click()
        page.fill("#id_message", "Tengo experiencia en cocina y disponibilidad en las mañanas.")
        page.check("#id_share_contact")
        page.get_by_role("button", name="Enviar mi respuesta").click()
        expect(page.get_by_test_id("my-answer")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
    assert PostAnswer.objects.get().user_id == alumna.pk

    context = browser.new_context(**phone_context_args)
    try:
        page = context.new_page()
        _login(context, employer, base)
        page.goto(f"{base}/es/comunidad/mi-empresa/")
        page.get_by_role("link", name="Auxiliar de cocina").click()
        answer = page.get_by_test_id("answer")
        assert "Tengo experiencia en cocina" in answer.inner_text()
        assert alumna.email in answer.inner_text()
    finally:
        context.close()
