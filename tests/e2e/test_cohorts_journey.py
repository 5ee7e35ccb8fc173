"""Browser journey for cohorts: sign up, pass the pre-screen, stop on step 2, resume on
another device, submit; a reviewer scores; staff accept and release; the applicant
confirms; another applicant declines and the waitlist moves up."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from cohorts import services
from cohorts.enums import ApplicationStatus
from cohorts.models import Application
from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.e2e
S = ApplicationStatus


def _login(context, user, base):
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])


def _page_as(browser, user, base):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    _login(context, user, base)
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_apply_review_accept_confirm_and_waitlist(page, browser, live_server, transactional_db):
    base = live_server.url
    cohort = CohortFactory(name="Cohorte 3 · Cúcuta", slug="cohorte-3-cucuta", seats=2)
    holder = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    waiting = ApplicationFactory(cohort=cohort, status=S.WAITLISTED)
    reviewer = make_user(Role.REVIEWER)
    staff = make_user(Role.STAFF)

    # Sign up and confirm the e-mail address.
    page.goto(f"{base}/es/accounts/signup/")
    page.get_by_label("Correo electrónico").fill("carmen@example.org")
    page.get_by_label("Tu nombre").fill("Carmen Useche")
    page.get_by_label("Contraseña", exact=True).fill("un-buen-secreto-2026")
    page.get_by_label("Contraseña (otra vez)").fill("un-buen-secreto-2026")
    page.get_by_role("button", name="Crear una cuenta").click()
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/"))
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(f"{base}/es{link}")
    page.get_by_role("button", name="Confirmar").click()
    page.wait_for_url(re.compile(r".*/es/mi-espacio/"))

    # Pre-screen.
    page.goto(f"{base}/es/cohortes/")
    page.get_by_role("link", name="Cohorte 3 · Cúcuta").click()
    page.get_by_role("link", name="Revisa si esta cohorte es para ti").click()
    page.get_by_label("Fecha de nacimiento").fill("1991-03-02")
    page.get_by_label("¿Dónde vives?").select_option("Villa del Rosario")
    page.check("input[name=business_stage][value=early]")
    page.check("input[name=population_group][value=venezuelan_migrant]")
    page.get_by_label("¿Qué documento de identidad tienes?").select_option("in_process")
    page.get_by_label("¿A qué se dedica tu negocio?").select_option("food")
    page.get_by_role("button", name="Revisar").click()
    expect(page.get_by_test_id("prescreen-ok")).to_be_visible()
    assert axe_serious(page) == []
    page.get_by_role("button", name="Empezar mi postulación").click()

    # Step 1, then stop on step 2.
    page.wait_for_url(re.compile(r".*/paso/about/"))
    page.get_by_label("Sexo").select_option("female")
    page.get_by_label("Nacionalidad").select_option("ve")
    page.get_by_label("Celular").fill("+57 300 555 1234")
    page.get_by_role("button", name="Guardar y continuar").click()
    page.wait_for_url(re.compile(r".*/paso/business/"))
    assert axe_serious(page) == []
    applicant = Application.objects.get(user__email="carmen@example.org").user

    # Resume on another device.
    phone = _page_as(browser, applicant, base)
    phone.goto(f"{base}/es/cohortes/mis-solicitudes/")
    phone.get_by_role("link", name="Cohorte 3 · Cúcuta").click()
    phone.wait_for_url(re.compile(r".*/paso/business/"))
    phone.get_by_label("Nombre del negocio").fill("Arepas Doña Carmen")
    phone.check("input[name=business_stage][value=early]")
    phone.get_by_label("A qué se dedica tu negocio").fill("Arepas rellenas a domicilio.")
    phone.get_by_role("button", name="Guardar y continuar").click()
    phone.wait_for_url(re.compile(r".*/paso/needs/"))
    phone.check("input[name=needs][value=finance]")
    phone.check("input[name=languages][value=es]")
    phone.check("input[name=preferred_mode][value=either]")
    phone.get_by_label("¿Por qué quieres participar?").fill("Quiero formalizarme.")
    phone.get_by_role("button", name="Guardar y continuar").click()
    phone.wait_for_url(re.compile(r".*/paso/documents/"))
    phone.get_by_role("button", name="Continuar").click()
    phone.wait_for_url(re.compile(r".*/paso/consent/"))
    phone.check("input[name=consent_application]")
    phone.check("input[name=consent_sensitive]")
    phone.get_by_role("button", name="Enviar mi postulación").click()
    assert phone.get_by_test_id("application-status").inner_text() == "Enviada"
    app = Application.objects.get(user=applicant)
    assert (app.status, app.needs_document_check) == (S.SUBMITTED, True)

    # Another reviewer knows Carmen: they declare the conflict before reviews are assigned.
    cousin = make_user(Role.REVIEWER)
    declare = _page_as(browser, cousin, base)
    declare.goto(f"{base}/es/cohortes/revision/")
    declare.get_by_role("link", name="Declarar un conflicto de interés").click()
    declare.get_by_label("Nombre, negocio o correo").fill("Carmen Useche")
    declare.get_by_role("button", name="Buscar").click()
    declare.get_by_role("button", name="Conflicto con esta persona").click()
    expect(declare.get_by_text("Conflicto de interés registrado.")).to_be_visible()

    # Assignment skips the conflicted reviewer; the other one scores.
    services.assignments_auto(cohort=cohort, actor=staff, reviewers=[cousin, reviewer])
    assert list(app.assignments.values_list("reviewer_id", flat=True)) == [reviewer.pk]
    review = _page_as(browser, reviewer, base)
    review.goto(f"{base}/es/cohortes/revision/")
    review.get_by_role("link", name=re.compile("Arepas Doña Carmen")).click()
    for radio in review.locator("input[type=radio][value='4']").all():
        radio.check()
    review.get_by_role("button", name="Enviar mi revisión").click()
    expect(review.get_by_text("Revisión enviada. ¡Gracias!")).to_be_visible()

    # Staff accept and release.
    console = _page_as(browser, staff, base)
    console.goto(f"{base}/admin/cohorts/selection/{cohort.pk}/")
    console.check(f"#app-{app.pk}")
    console.select_option("select[name=decision]", "accept")
    console.get_by_role("button", name="Registrar decisión").click()
    console.get_by_role("button", name="Publicar decisiones").click()
    app.refresh_from_db()
    assert app.status == S.ACCEPTED

    # The applicant confirms.
    phone.goto(f"{base}/es/cohortes/solicitudes/{app.pk}/")
    phone.get_by_role("button", name="Confirmar mi cupo").click()
    assert phone.get_by_test_id("application-status").inner_text() == "Cupo confirmado"

    # Another applicant declines: the waitlist moves up.
    other = _page_as(browser, holder.user, base)
    other.goto(f"{base}/es/cohortes/solicitudes/{holder.pk}/")
    other.get_by_role("button", name="Rechazar el cupo").click()
    assert other.get_by_test_id("application-status").inner_text() == "Cupo rechazado"
    waiting.refresh_from_db()
    assert waiting.status == S.ACCEPTED
