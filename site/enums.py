"""Roles, cities and other choices shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .transitions import StatusMachine


class Role(models.TextChoices):
    """A role is a Django group of the same name (created by a data migration)."""

    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    MENTOR = "mentor", _("Mentor")
    REVIEWER = "reviewer", _("Reviewer")
    JUDGE = "judge", pgettext_lazy("pitch day role", "Judge")
    STAFF = "programme_staff", _("Programme staff")
    FINANCE = "finance", _("Finance officer")
    FUNDER = "funder", _("Funder / M&E viewer")


#: Roles that must have a second factor (TOTP) before they reach their areas.
MFA_ROLES = frozenset({Role.STAFF, Role.FINANCE, Role.REVIEWER, Role.JUDGE})
#: Roles that may enter the staff console (Wagtail admin).
CONSOLE_ROLES = frozenset({Role.STAFF, Role.FINANCE, Role.FUNDER})


class City(models.TextChoices):
    """The eight cities where the programme runs."""

    BARRANQUILLA = "barranquilla", "Barranquilla"
    BOGOTA = "bogota", "Bogotá"
    BUCARAMANGA = "bucaramanga", "Bucaramanga"
    CALI = "cali", "Cali"
    CARTAGENA = "cartagena", "Cartagena"
    CUCUTA = "cucuta", "Cúcuta"
    MEDELLIN = "medellin", "Medellín"
    RIOHACHA = "riohacha", "Riohacha"


#: Municipalities of each city's metropolitan area (for "lives in the city or metro area").
METRO_AREAS: dict[str, tuple[str, ...]] = {
    City.BARRANQUILLA: ("Barranquilla", "Soledad", "Malambo", "Puerto Colombia", "Galapa"),
    City.BOGOTA: (
        "Bogotá",
        "Soacha",
        "Chía",
        "Cota",
        "Funza",
        "Mosquera",
        "Madrid",
        "Cajicá",
        "La Calera",
        "Sibaté",
        "Tocancipá",
        "Zipaquirá",
    ),
    City.BUCARAMANGA: ("Bucaramanga", "Floridablanca", "Girón", "Piedecuesta"),
    City.CALI: ("Cali", "Jamundí", "Yumbo", "Palmira", "Candelaria"),
    City.CARTAGENA: ("Cartagena", "Turbaco", "Arjona", "Santa Rosa"),
    City.CUCUTA: (
        "Cúcuta",
        "Villa del Rosario",
        "Los Patios",
        "El Zulia",
        "San Cayetano",
        "Puerto Santander",
    ),
    City.MEDELLIN: (
        "Medellín",
        "Bello",
        "Itagüí",
        "Envigado",
        "Sabaneta",
        "La Estrella",
        "Caldas",
        "Copacabana",
        "Girardota",
        "Barbosa",
    ),
    City.RIOHACHA: ("Riohacha", "Maicao", "Manaure"),
}


class PopulationGroup(models.TextChoices):
    VENEZUELAN_MIGRANT = "venezuelan_migrant", _("Venezuelan migrant")
    COLOMBIAN_RETURNEE = "colombian_returnee", _("Colombian returnee")
    RECEPTOR_COMMUNITY = "receptor_community", _("Receptor community")


class Language(models.TextChoices):
    SPANISH = "es", "Español"
    ENGLISH = "en", "English"


class Skill(models.TextChoices):
    """The shared taxonomy of business skills: what entrepreneurs need (applications)
    and what mentors offer (profiles), so matching compares like with like."""

    FINANCE = "finance", _("Finance and bookkeeping")
    MARKETING = "marketing", _("Marketing")
    LEGAL = "legal_formalisation", _("Legal matters and formalisation")
    DIGITAL = "digital", _("Digital tools and e-commerce")
    OPERATIONS = "operations", _("Operations and suppliers")
    SALES = "sales", _("Sales and customer service")
    EXPORT = "export", _("Export and trade")
    PITCHING = "pitching", _("Pitching and fundraising")
    PEOPLE = "people", _("Hiring and teams")
    PRODUCT = "product", _("Product and quality")


class Sector(models.TextChoices):
    FOOD = "food", _("Food and gastronomy")
    RETAIL = "retail", _("Retail and shops")
    BEAUTY = "beauty", _("Beauty and personal care")
    FASHION = "fashion", _("Fashion and textiles")
    CRAFTS = "crafts", _("Crafts")
    SERVICES = "services", _("Services")
    TECH = "tech", _("Technology")
    AGRO = "agro", _("Agriculture and agro-industry")
    TRANSPORT = "transport", _("Transport and logistics")
    CONSTRUCTION = "construction", _("Construction and repairs")
    TOURISM = "tourism", _("Tourism")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health and wellbeing")
    OTHER = "other", _("Other")


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Video call")
    EITHER = "either", _("Either")


class Sex(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    OTHER = "other", _("Other / non-binary")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class DocumentType(models.TextChoices):
    """Identity documents accepted in Colombia for the people Semilla serves."""

    CEDULA = "cedula", _("Colombian cédula")
    CEDULA_EXTRANJERIA = "cedula_extranjeria", _("Cédula de extranjería")
    PPT = "ppt", _("PPT (Permiso por Protección Temporal)")
    PEP = "pep", _("PEP (Permiso Especial de Permanencia)")
    PASSPORT = "passport", _("Passport")
    IN_PROCESS = "in_process", _("In process (e.g. PPT requested)")
    NONE = "none", _("No document yet")


class ConsentPurpose(models.TextChoices):
    """Purposes a person authorises under Law 1581 of 2012 (each recorded separately)."""

    APPLICATION = "application", _("Processing my application to a cohort")
    SENSITIVE_DATA = "sensitive_data", _("Processing sensitive data (migration status, documents)")
    MENTORING = "mentoring", _("Sharing my profile with my mentor")
    GRANT = "grant", _("Processing my payment details for a seed grant")
    WHATSAPP = "whatsapp", _("Messages by WhatsApp")
    SMS = "sms", _("Messages by SMS")
    RESEARCH = "research", _("Anonymous use in impact reports")


class ConsentChannel(models.TextChoices):
    WEB = "web", _("Web form")
    PAPER = "paper", _("Paper form recorded by staff")
    PHONE = "phone", _("Phone call recorded by staff")


class NotificationChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", "WhatsApp"
    SMS = "sms", _("SMS")


class MessageKind(models.TextChoices):
    """What a message is about. A person chooses the channel of the first four (their
    ``NotificationPreference``); alumni invitations (events, mentoring newer cohorts) and
    account notices always come by e-mail and to the notification centre; security messages
    (codes, notices to a previous address, e-mail confirmation) come by e-mail only and are
    never skipped, never sent by SMS/WhatsApp and never kept in the notification centre."""

    REMINDER = "reminder", _("Reminders")
    APPLICATION = "application", _("News about my applications")
    MENTORING = "mentoring", _("Messages about my mentoring")
    GRANT = "grant", _("Grant and payout notices")
    ALUMNI = "alumni", _("Alumni events and invitations")
    ACCOUNT = "account", _("Account and privacy notices")
    SECURITY = "security", _("Security codes and notices")


#: The kinds a person chooses a channel for.
CONFIGURABLE_KINDS = (
    MessageKind.REMINDER,
    MessageKind.APPLICATION,
    MessageKind.MENTORING,
    MessageKind.GRANT,
)


class DeliveryChoice(models.TextChoices):
    """How a person wants one kind of message."""

    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", "WhatsApp"
    SMS = "sms", _("SMS")
    CENTRE = "centre", _("Only in my notifications on Semilla")


class DeliveryStatus(models.TextChoices):
    """Where one outgoing message is (phone channels report back through the provider's
    status callback; e-mail stops at "sent")."""

    QUEUED = "queued", _("Queued")
    RETRYING = "retrying", _("Retrying")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    READ = "read", pgettext_lazy("message status", "Read")
    FAILED = "failed", _("Failed")
    UNDELIVERED = "undelivered", _("Not delivered")
    KEPT = "kept", _("Kept in the outbox (no provider)")


D = DeliveryStatus
#: One outgoing message's delivery: the send task moves it from queued (retrying while the
#: provider fails for a passing reason) to sent, failed or kept; the provider's status
#: callbacks then only move it forward (a late "delivered" after "read" changes nothing).
DELIVERY = StatusMachine(
    model="semilla.OutboxMessage",
    moves={
        D.QUEUED: {D.RETRYING, D.SENT, D.KEPT, D.DELIVERED, D.READ, D.UNDELIVERED, D.FAILED},
        D.RETRYING: {D.RETRYING, D.SENT, D.DELIVERED, D.READ, D.UNDELIVERED, D.FAILED},
        D.SENT: {D.DELIVERED, D.READ, D.UNDELIVERED, D.FAILED},
        D.DELIVERED: {D.READ, D.UNDELIVERED, D.FAILED},
        D.READ: {D.UNDELIVERED, D.FAILED},
    },
)
