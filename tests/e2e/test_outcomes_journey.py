"""Browser journey: a participant answers the 6-month follow-up from the reminder's link
on a phone (no password), and the funder's dashboard shows the change."""

import re

import pytest
from django.test import Client
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
def test_follow_up_from_the_reminder_link_reaches_the_funder_dashboard(
    browser, live_server, site_data, phone_context_args
):
    from outcomes import services
    from outcomes.enums import WaveKind
    from outcomes.models import Response
    from semilla.models import OutboxMessage
    from tests.factories import make_user
    from tests.factories.cohorts import ParticipantFactory
    from tests.factories.outcomes import answer_values, bulk_answers, ended_cohort

    cohort = ended_cohort()
    bulk_answers(9, cohort=cohort, prefix="seis", after=WaveKind.MONTH_6, answered_after=1)
    participant = ParticipantFactory(cohort=cohort)  # its baseline opens on commit
    baseline = Response.objects.get(participant=participant, wave__kind=WaveKind.BASELINE)
    Response.objects.filter(pk=baseline.pk).update(**answer_values(1, after=False))
    services.waves_ensure(cohort=cohort)
    services.responses_open()  # the 6-month wave is open: her answer is waiting
    services.reminders_send()
    body = OutboxMessage.objects.filter(user=participant.user).order_by("-pk").first().body
    link = re.search(r"(/es/resultados/encuesta/[^\s]+/)", body).group(1)

    phone = browser.new_context(**phone_context_args)
    try:
        page = phone.new_page()
        page.goto(f"{live_server.url}{link}")
        assert page.get_by_role("heading", level=1).inner_text() == "¿Cómo va tu negocio?"
        page.get_by_label("Funcionando (vende o atiende clientes)").check()
        page.get_by_label("En un mes normal, tus ventas están entre").select_option("3")
        page.get_by_label("y", exact=True).select_option("4")
        page.get_by_label("Personas a las que les pagas (sin contarte a ti)").fill("2")
        page.get_by_label("Personas que ayudan sin pago (familia, socios)").fill("1")
        page.get_by_label("¿Cuántas empezaron desde la última encuesta?").fill("1")
        page.get_by_label("5", exact=True).check()
        page.get_by_role("button", name="Enviar mis respuestas").click()
        expect(page.get_by_test_id("survey-thanks")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        phone.close()
    answer = Response.objects.get(participant=participant, wave__kind=WaveKind.MONTH_6)
    assert (answer.status, answer.channel, answer.new_hires) == ("answered", "self", 1)

    funder = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    try:
        page = funder.new_page()
        _login(funder, make_user(Role.FUNDER), live_server.url)
        page.goto(f"{live_server.url}/admin/indicators/?after=month_6")
        # 10 baselines all operating; at 6 months one of the nine others closed
        assert page.get_by_test_id("outcome-operating").inner_text() == "100,0 % → 90,0 %"
        assert page.get_by_test_id("outcome-new_jobs").inner_text() == "0 → 5"
        assert "Tasa de respuesta" in page.get_by_test_id("outcome-rates").inner_text()
    finally:
        funder.close()
