"""Demo data for reporting and personal-data rights (idempotent): the privacy policy page
in both languages, the demo staff account in the data_protection group, consents of the
demo entrepreneur, one open data request and a few rows of the staff access audit.

The indicators themselves need no demo data: they are computed from what the cohorts,
curriculum, mentors and pitch-day demos create. Run by ``manage.py seed_demo`` after
pitchday."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from semilla.demo import translation_of
from semilla.enums import ConsentPurpose
from semilla.models import HomePage, User
from semilla.privacy import audit_access, consent_record
from semilla.privacy.models import AccessAudit, DataRequest, PrivacyPolicyPage
from semilla.privacy.services import request_due_on

POLICY = {
    "es": {
        "title": "Política de tratamiento de datos personales",
        "slug": "privacidad",
        "summary": (
            "Usamos tus datos solo para el programa: tu aprendizaje, tu postulación, la "
            "mentoría y el capital semilla. Nunca los vendemos. Los financiadores solo ven "
            "cifras agregadas. Puedes consultar, corregir, descargar y borrar tus datos "
            "desde «Mis datos»."
        ),
        "body": (
            "<h2>Finalidades</h2><p>Tratamos tus datos para gestionar tu postulación, "
            "acompañarte con mentoría, pagar el capital semilla y medir el impacto del "
            "programa con cifras anónimas.</p><h2>Datos sensibles</h2><p>Tu situación "
            "migratoria y tus documentos son datos sensibles: solo los pedimos con tu "
            "autorización expresa, solo los ve el equipo que los necesita y cada acceso "
            "queda registrado. Los documentos de identidad se borran después de la "
            "decisión.</p><h2>Tus derechos</h2><p>Puedes conocer, actualizar, rectificar y "
            "suprimir tus datos y revocar tu autorización (Ley 1581 de 2012). Respondemos "
            "consultas en 10 días hábiles y reclamos en 15.</p>"
        ),
        "controller": "Programa Semilla · Calle 10 # 5-51, Cúcuta · datos@semilla.co",
    },
    "en": {
        "title": "Personal data policy",
        "slug": "privacy",
        "summary": (
            "We use your data only for the programme: your learning, your application, "
            "mentoring and seed capital. We never sell it. Funders only see aggregate "
            'figures. You can see, correct, download and erase your data from "My data".'
        ),
        "body": (
            "<h2>Purposes</h2><p>We process your data to handle your application, support "
            "you with mentoring, pay seed capital and measure the programme's impact with "
            "anonymous figures.</p><h2>Sensitive data</h2><p>Your migration status and "
            "documents are sensitive data: we only ask for them with your express "
            "authorisation, only the staff who need them see them and every access is "
            "logged. Identity documents are deleted after the decision.</p><h2>Your "
            "rights</h2><p>You may know, update, correct and erase your data and revoke "
            "your authorisation (Law 1581 of 2012). We answer queries within 10 business "
            "days and claims within 15.</p>"
        ),
        "controller": "Programa Semilla · Calle 10 # 5-51, Cúcuta · datos@semilla.co",
    },
}


def seed_policy_page():
    es = Locale.objects.get(language_code="es")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=es).first()
    if home is None:
        return None
    page = PrivacyPolicyPage.objects.filter(locale=es).first()
    if page is None:
        page = PrivacyPolicyPage(
            locale=es,
            version=settings.PRIVACY_POLICY_VERSION,
            effective_on=datetime.date(2026, 11, 1),
            **POLICY["es"],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    english, created = translation_of(page, en)
    if created:
        for field, value in POLICY["en"].items():
            setattr(english, field, value)
        english.save_revision().publish()
    return page


def seed(*, stdout=None) -> None:
    seed_policy_page()
    staff = User.objects.filter(email="equipo@demo.semilla.co").first()
    person = User.objects.filter(email="emprendedora@demo.semilla.co").first()
    if staff is not None:
        staff.groups.add(Group.objects.get_or_create(name="data_protection")[0])
    if person is None:
        return
    for purpose in (
        ConsentPurpose.APPLICATION,
        ConsentPurpose.SENSITIVE_DATA,
        ConsentPurpose.WHATSAPP,
        ConsentPurpose.RESEARCH,
    ):
        consent_record(user=person, purpose=purpose)
    if not DataRequest.objects.filter(user=person).exists():
        received = timezone.now() - datetime.timedelta(days=3)
        DataRequest.objects.create(
            user=person,
            kind="correction",
            received_at=received,
            details="Mi segundo apellido está mal escrito: es Rodríguez, con tilde.",
            due_on=request_due_on(kind="correction", received=timezone.localdate(received)),
        )
    if staff is not None and not AccessAudit.objects.filter(subject=person).exists():
        audit_access(
            actor=staff,
            subject=person,
            fields=["nationality", "document_type"],
            reason="Revisión de requisitos de la postulación",
            model="cohorts.application",
        )
    if stdout is not None:
        stdout.write("  privacy policy, consents, a data request and access audit rows")
