"""Community fixtures: small guides in the starter content's schema, loaded through the real
loader (Spanish pages, then English translations through wagtail-localize)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale


def guide_data(
    slug: str,
    *,
    topic: str = "documents",
    review_by: datetime.date | None = None,
    last_reviewed: datetime.date | None = None,
    show_help_offices: bool = False,
) -> dict:
    today = timezone.localdate()
    review_by = review_by or today + datetime.timedelta(days=180)
    last_reviewed = last_reviewed or review_by - datetime.timedelta(days=180)
    title = slug.replace("-", " ").capitalize()
    return {
        "slug": slug,
        "topic": topic,
        "title": {"es": f"Guía {title}", "en": f"Guide {title}"},
        "summary": {"es": f"Resumen de {title}.", "en": f"Summary of {title}."},
        "needs": {"es": ["Tu PPT", "Un correo"], "en": ["Your PPT", "An e-mail address"]},
        "body": [
            {"type": "heading", "text": {"es": "Qué es", "en": "What it is"}},
            {
                "type": "paragraph",
                "html": {
                    "es": "<p>El <strong>PPT</strong> te permite trabajar.</p>",
                    "en": "<p>The <strong>PPT</strong> lets you work.</p>",
                },
            },
            {
                "type": "tip",
                "kind": "warning",
                "title": {"es": "Es gratis", "en": "It is free"},
                "text": {"es": "Nadie te puede cobrar.", "en": "Nobody may charge you."},
            },
        ],
        "sources": [
            {
                "institution": "Migración Colombia",
                "title": {"es": "Requisitos del PPT", "en": "PPT requirements"},
                "url": "https://www.migracioncolombia.gov.co/",
            }
        ],
        "last_reviewed": last_reviewed.isoformat(),
        "review_by": review_by.isoformat(),
        "show_help_offices": show_help_offices,
    }


def office_data(city: str = "cucuta", order: int = 0, *, kind: str = "rights") -> dict:
    return {
        "city": city,
        "kind": kind,
        "sort_order": order,
        "name": {"es": f"Personería {city} {order}", "en": f"Personería {city} {order} (en)"},
        "description": {"es": "Ayuda gratuita.", "en": "Free help."},
        "website": "",
    }


def load_guides(*guides: dict, offices=()) -> dict:
    """Home page, the guides index and ``guides`` in both languages, published; the given
    help offices. Returns {"es": {slug: page}, "en": {slug: page}, "index": ...}."""
    from community.loader import load
    from community.models import GuideIndexPage, GuidePage
    from semilla.demo import seed_home_page

    seed_home_page()
    load(guides=list(guides), offices=list(offices))
    pages: dict = {}
    for code in ("es", "en"):
        locale = Locale.objects.get(language_code=code)
        pages[code] = {p.slug: p for p in GuidePage.objects.filter(locale=locale)}
    pages["index"] = GuideIndexPage.objects.get(locale__language_code="es")
    pages["en_index"] = GuideIndexPage.objects.get(locale__language_code="en")
    return pages


# --- employer partners --------------------------------------------------------------------


def make_partner(*, status: str = "approved", member=None, city: str = "cucuta", **fields):
    """An employer partner (approved by default, with ``member`` acting for it)."""
    from community.models import EmployerMembership, EmployerPartner

    n = EmployerPartner.objects.count() + 1
    values = {
        "name": f"Empresa {n}",
        "slug": f"empresa-{n}-{timezone.now().timestamp():.0f}",
        "nit": f"90012{n:04d}",
        "city": city,
        "sector": "food",
        "size": "small",
        "contact_name": "Laura Gómez",
        "contact_email": f"talento{n}@empresa.example",
        "decided_at": None if status == "applied" else timezone.now(),
        "status": status,
        **fields,
    }
    partner = EmployerPartner.objects.create(**values)
    if member is not None:
        EmployerMembership.objects.create(partner=partner, user=member)
    return partner


def make_post(partner, *, city: str = "cucuta", kind: str = "job", days: int = 20, **fields):
    from community.models import PartnerPost

    return PartnerPost.objects.create(
        partner=partner,
        kind=kind,
        title=fields.pop("title", "Auxiliar de cocina"),
        description=fields.pop("description", "Turnos de mañana, contrato a término fijo."),
        city=city,
        closes_on=timezone.localdate() + datetime.timedelta(days=days),
        **fields,
    )


def make_alumna(*, city: str = "cucuta", status: str = "completed"):
    """A person who completed a cohort (an alumna), living in ``city``."""
    from tests.factories import UserFactory
    from tests.factories.cohorts import ParticipantFactory

    user = UserFactory(roles=["entrepreneur"], city=city)
    ParticipantFactory(user=user, status=status)
    return user


def bulk_results(
    n: int, *, city: str = "cucuta", partner=None, cohort=None, amount_minor=0, on=None
):
    """``n`` hires (or, with ``amount_minor``, ``n`` purchase orders of that amount) by
    ``partner`` of ``n`` new people, recorded in ``city`` for ``cohort``, dated ``on``
    (default: today)."""
    from community.models import Hire, PurchaseOrder
    from tests.factories import UserFactory

    partner = partner or make_partner(city=city)
    on = on or timezone.localdate()
    people = UserFactory.create_batch(n)
    common = {"partner": partner, "cohort": cohort, "city": city, "on": on}
    if amount_minor:
        PurchaseOrder.objects.bulk_create(
            [PurchaseOrder(user=p, amount_minor=amount_minor, **common) for p in people]
        )
    else:
        Hire.objects.bulk_create([Hire(user=p, **common) for p in people])
    return partner
