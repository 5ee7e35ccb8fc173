"""Demo data of the site package: accounts for every role and the home page in both
languages. Idempotent: running it again updates instead of duplicating."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .enums import City, Role
from .models import (
    HomePage,
    Notification,
    NotificationPreference,
    NotificationSettings,
    OutboxMessage,
    User,
)
from .privacy import consent_record

DEMO_PASSWORD = "semilla-demo-2026"  # noqa: S105 - printed for the demo, never in production


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    roles: tuple[str, ...]
    city: str = ""
    superuser: bool = False
    language: str = "es"
    timezone: str = "America/Bogota"


DEMO_ACCOUNTS = [
    DemoAccount(
        "emprendedora@demo.semilla.co", "Yuleisy Rodríguez", (Role.ENTREPRENEUR,), City.CUCUTA
    ),
    DemoAccount("mentora@demo.semilla.co", "Catalina Restrepo", (Role.MENTOR,), City.MEDELLIN),
    DemoAccount("revisor@demo.semilla.co", "Andrés Gómez", (Role.REVIEWER,), City.BOGOTA),
    DemoAccount("jurado@demo.semilla.co", "Mariana Peña", (Role.JUDGE,), City.BARRANQUILLA),
    DemoAccount("equipo@demo.semilla.co", "Luisa Fernanda Ortiz", (Role.STAFF,), City.BOGOTA),
    DemoAccount("finanzas@demo.semilla.co", "Jorge Ramírez", (Role.FINANCE,), City.BOGOTA),
    DemoAccount(
        "financiador@demo.semilla.co",
        "Grace Miller",
        (Role.FUNDER,),
        "",
        False,
        "en",
        "America/New_York",
    ),
    DemoAccount("admin@demo.semilla.co", "Admin Semilla", (Role.STAFF, Role.FINANCE), "", True),
]

HOME_CONTENT = {
    "es": {
        "title": "Semilla",
        "hero_title": "Tu negocio puede crecer aquí",
        "hero_text": (
            "Semilla acompaña a personas migrantes venezolanas, colombianas retornadas y de las "
            "comunidades de acogida a convertir su idea en un negocio: cursos gratuitos desde el "
            "celular, mentorías con voluntarios, un día de pitch y capital semilla."
        ),
        "programme_text": (
            "<p><b>Cómo funciona.</b> Aprende a tu ritmo con lecciones cortas. Cuando se abra una "
            "convocatoria en tu ciudad, postúlate. Si te seleccionan, tendrás una mentora o un "
            "mentor, talleres con tu cohorte y la oportunidad de presentar tu negocio para recibir "
            "capital semilla por etapas.</p><p>Aprender no requiere documentos: cualquier persona "
            "puede usar los cursos.</p>"
        ),
        "cities_title": "Dónde estamos",
        "cities_text": "Cohortes presenciales en ocho ciudades y cohortes virtuales para todo el país.",
        "signup_title": "Únete a Semilla",
        "signup_text": "Crea tu cuenta para guardar tu progreso y postularte a una cohorte.",
    },
    "en": {
        "title": "Semilla",
        "hero_title": "Your business can grow here",
        "hero_text": (
            "Semilla helps Venezuelan migrants, Colombian returnees and people from receptor "
            "communities turn an idea into a business: free courses on your phone, volunteer "
            "mentors, a pitch day and seed capital."
        ),
        "programme_text": (
            "<p><b>How it works.</b> Learn at your own pace with short lessons. When a call opens "
            "in your city, apply. If you are selected, you get a mentor, workshops with your "
            "cohort and the chance to pitch your business for seed capital paid in stages.</p>"
            "<p>Learning needs no documents: anyone can use the courses.</p>"
        ),
        "cities_title": "Where we are",
        "cities_text": "In-person cohorts in eight cities and virtual cohorts for the whole country.",
        "signup_title": "Join Semilla",
        "signup_text": "Create your account to save your progress and apply to a cohort.",
    },
}


@transaction.atomic
def seed_accounts() -> dict[str, object]:
    users = {}
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "full_name": account.name,
                "city": account.city,
                "language": account.language,
                "timezone": account.timezone,
                "is_demo": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_superuser = account.superuser
        user.is_staff = account.superuser
        user.save()
        user.groups.add(*[Group.objects.get_or_create(name=str(r))[0] for r in account.roles])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        users[account.roles[0] if not account.superuser else "admin"] = user
    return users


def translation_of(page: Page, locale: Locale) -> tuple[Page, bool]:
    """The demo page's translation into ``locale`` (its specific model), copied from the
    page when there is none yet; and whether it was just copied."""
    translation = page.get_translation_or_none(locale)
    created = translation is None
    if translation is None:
        translation = page.copy_for_translation(locale)
    return translation.specific, created


@transaction.atomic
def seed_home_page():
    """The home page in Spanish (the site root) and its English translation."""

    es, _ = Locale.objects.get_or_create(language_code="es")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a database emptied after migrations (e.g. by a test flush)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=es))
    home = HomePage.objects.filter(locale=es).first()
    if home is None:
        home = HomePage(slug="inicio", locale=es, **HOME_CONTENT["es"])
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Semilla")
    if site.root_page_id != home.pk:
        old_root = site.root_page_id
        site.root_page = home
        site.site_name = "Semilla"
        site.save()
        # Wagtail's placeholder page ("Welcome to your new Wagtail site!") goes away.
        if old_root and old_root != home.pk:
            Page.objects.filter(pk=old_root, depth=2).exclude(pk=home.pk).delete()
    english, _created = translation_of(home, en)
    for field, value in HOME_CONTENT["en"].items():
        setattr(english, field, value)
    english.slug = "home"
    english.save_revision().publish()
    return home


def seed(*, stdout=None) -> None:
    users = seed_accounts()
    seed_home_page()
    seed_messages(users[Role.ENTREPRENEUR])


#: the demo entrepreneur's (fictional, Venezuelan) mobile number
DEMO_PHONE = "+584121234567"


def seed_messages(person) -> None:
    """A participant with a confirmed phone and WhatsApp on for reminders, a few
    notifications read and unread, and one failed WhatsApp delivery staff see in the
    console's "Messages sent" (idempotent: keyed rows)."""

    now = timezone.now()
    NotificationSettings.objects.update_or_create(
        user=person,
        defaults={"phone": DEMO_PHONE, "phone_confirmed_at": now, "whatsapp": True},
    )
    NotificationPreference.objects.update_or_create(
        user=person, kind="reminder", defaults={"channel": "whatsapp"}
    )
    consent_record(
        user=person, purpose="whatsapp", policy_version=settings.SEMILLA_MESSAGING_CONSENT_VERSION
    )
    notes = [
        ("demo:welcome", "account", "Te damos la bienvenida a Semilla", "/es/mi-espacio/", True),
        (
            "demo:reminder",
            "reminder",
            "Recordatorio: sesión de mentoría mañana a las 3:00 p. m.",
            "/es/mentores/sesiones/",
            False,
        ),
        (
            "demo:application",
            "application",
            "Recibimos tu postulación a la cohorte de Cúcuta",
            "/es/cohortes/mis-solicitudes/",
            False,
        ),
    ]
    for key, kind, title, url, read in notes:
        Notification.objects.get_or_create(
            user=person,
            key=key,
            defaults={
                "kind": kind,
                "template": "demo",
                "title": title,
                "url": url,
                "read_at": now if read else None,
            },
        )
    OutboxMessage.objects.get_or_create(
        channel="whatsapp",
        key="demo:failed-reminder",
        defaults={
            "kind": "reminder",
            "recipient": DEMO_PHONE,
            "user": person,
            "body": "Semilla: Recordatorio de tu sesión de mentoría.",
            "status": "failed",
            "attempts": 5,
            "error": "Twilio 503: Unable to create record: Service unavailable",
            "status_at": now,
        },
    )
