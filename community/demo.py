"""Demo data of the community app: the "Know your rights" guides in both languages and the
free-help offices of the eight cities (the same starter content a deployment loads with
``manage.py load_guides``), with one guide past its review date so that the "under review"
notice and the console list of guides to review have something to show; and the employer
partners (``seed_employers``)."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from cohorts.models import Participant
from semilla.demo import DEMO_PASSWORD
from semilla.enums import Role, Sector

from . import services
from .loader import load
from .models import EmployerPartner, GuidePage, Hire, PartnerPost, PostAnswer

DEMO_OVERDUE_SLUG = "pep-y-otros-permisos"


def seed(*, stdout=None) -> None:

    load()
    today = timezone.localdate()
    for page in GuidePage.objects.filter(slug=DEMO_OVERDUE_SLUG, review_by__gte=today):
        # both languages: the dates are synchronised fields of the translation
        page.last_reviewed = today - datetime.timedelta(days=200)
        page.review_by = today - datetime.timedelta(days=3)
        page.save_revision().publish()
    seed_employers(stdout=stdout)


DEMO_EMPLOYER_EMAIL = "empleadora@demo.semilla.co"

#: Two approved partners (the first with the demo employer account), one waiting for review.
DEMO_PARTNERS = [
    {
        "name": "Sabores de Frontera SAS",
        "nit": "901234561",
        "city": "cucuta",
        "sector": "food",
        "size": "small",
        "contact_name": "Patricia Mendoza",
        "contact_email": DEMO_EMPLOYER_EMAIL,
        "profile": (
            "Restaurantes y servicio de catering en Cúcuta y Villa del Rosario. Somos 40 "
            "personas de Colombia y Venezuela."
        ),
        "pledge": (
            "Aceptamos el PPT y la cédula de extranjería, pagamos lo mismo por el mismo "
            "trabajo y afiliamos a la seguridad social desde el primer día. En 2027 "
            "contrataremos al menos 5 personas migrantes o retornadas de Semilla."
        ),
        "posts": [
            (
                "job",
                "Auxiliar de cocina",
                "cucuta",
                "Turnos de mañana, contrato a término "
                "fijo de un año con posibilidad de renovación. No necesitas experiencia: te "
                "formamos.",
            ),
            (
                "supplier",
                "Proveedor de arepas y panadería",
                "cucuta",
                "Buscamos un negocio "
                "que nos entregue arepas y pan cada mañana para dos sedes. Pedido semanal.",
            ),
        ],
    },
    {
        "name": "Logística Andina SA",
        "nit": "901234562",
        "city": "bogota",
        "sector": "services",
        "size": "medium",
        "contact_name": "Hernán Cifuentes",
        "contact_email": "talento@logistica-andina.example",
        "profile": "Transporte y bodegaje en Bogotá y la Sabana.",
        "pledge": (
            "Publicamos ofertas sin requisitos de nacionalidad, verificamos el PPT con "
            "Migración Colombia y formamos a nuestro equipo de talento humano con el curso de "
            "contratación incluyente."
        ),
        "posts": [
            (
                "job",
                "Auxiliar de bodega",
                "bogota",
                "Cargue y descargue, inventario. Contrato a término indefinido, turnos rotativos.",
            ),
        ],
    },
]
DEMO_PENDING = {
    "name": "Confecciones La Costura",
    "nit": "901234563",
    "city": "medellin",
    "sector": "fashion",
    "size": "micro",
    "contact_name": "Gloria Restrepo",
    "contact_email": "gloria@lacostura.example",
    "motivation": "Necesitamos costureras y queremos comprar a talleres de Semilla.",
}


#: hires and purchase orders the demo records in the current month: at least the
#: indicators' small-cell threshold (5), so that the console's dashboard and the funders'
#: page show the partners' figures rather than hide them
DEMO_RESULTS = 6


def _seed_results(*, partner, job, supplier, staff, on, people) -> None:
    """A hire and a purchase order for each of the first ``DEMO_RESULTS`` participants,
    dated ``on`` (the first participant's hire is already recorded)."""
    for n, participant in enumerate(people[:DEMO_RESULTS]):
        if not Hire.objects.filter(partner=partner, user=participant.user, on=on).exists():
            services.hire_record(
                partner=partner, user=participant.user, post=job, on=on, actor=staff
            )
        services.purchase_order_record(
            partner=partner,
            user=participant.user,
            post=supplier,
            on=on,
            amount_minor=(n + 2) * 350_000_00,
            actor=staff,
            reference=f"OC-{on.year}-{n + 2:03d}",
        )


def seed_employers(*, stdout=None) -> None:
    """Employer partners for the demo (safe to run again): two approved partners with a
    pledge and posts, answers from participants, hires and purchase orders this month (enough
    for the indicators to show them), and one registration waiting for review in the
    console."""

    if EmployerPartner.objects.filter(nit=DEMO_PENDING["nit"]).exists():
        return
    User = get_user_model()
    staff = User.objects.filter(groups__name=Role.STAFF.value).order_by("pk").first()
    employer, created = User.objects.get_or_create(
        email=DEMO_EMPLOYER_EMAIL,
        defaults={"full_name": "Patricia Mendoza", "city": "cucuta", "is_demo": True},
    )
    if created:
        employer.set_password(DEMO_PASSWORD)
        employer.save()
    EmailAddress.objects.update_or_create(
        user=employer, email=employer.email, defaults={"verified": True, "primary": True}
    )
    sectors = set(Sector.values)
    today = timezone.localdate()
    people = list(
        Participant.objects.select_related("user")
        .filter(status__in=["active", "completed"])
        .order_by("pk")[:DEMO_RESULTS]
    )
    partners = []
    for n, data in enumerate(DEMO_PARTNERS):
        sector = data["sector"] if data["sector"] in sectors else Sector.values[0]
        partner = services.partner_register(
            name=data["name"],
            nit=data["nit"],
            city=data["city"],
            sector=sector,
            size=data["size"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            applicant=employer if n == 0 else None,
        )
        services.partner_decide(partner=partner, approve=True, actor=staff, note="RUES ok")
        partner.refresh_from_db()
        services.partner_profile_update(
            partner=partner, actor=staff, profile=data["profile"], pledge=data["pledge"]
        )
        member = partner.memberships.select_related("user").first().user
        for kind, title, city, description in data["posts"]:
            services.post_create(
                partner=partner,
                actor=member,
                kind=kind,
                title=title,
                description=description,
                city=city,
                closes_on=today + datetime.timedelta(days=30),
            )
        partners.append(partner)
    first_job = PartnerPost.objects.filter(partner=partners[0], kind="job").first()
    supplier = PartnerPost.objects.filter(partner=partners[0], kind="supplier").first()
    for participant in people[:3]:
        services.answer_create(
            post=first_job,
            user=participant.user,
            message="Hola, tengo experiencia en cocina y disponibilidad en las mañanas.",
            share_contact=True,
        )
    if people:
        answer = PostAnswer.objects.filter(post=first_job).order_by("pk").first()
        services.answer_reply(
            answer=answer, actor=employer, reply="¡Gracias! Te esperamos el lunes a las 9."
        )
        services.hire_record(
            partner=partners[0], user=people[0].user, post=first_job, on=today, actor=staff
        )
        services.commitment_record(
            partner=partners[0],
            kind="hires",
            description="Contratar al menos 5 personas migrantes o retornadas de Semilla",
            target=5,
            year=today.year + 1,
            actor=staff,
        )
    if len(people) > 3:
        services.answer_create(
            post=supplier,
            user=people[3].user,
            message="Tengo una panadería pequeña y puedo entregar cada mañana.",
            share_contact=True,
        )
        services.purchase_order_record(
            partner=partners[0],
            user=people[3].user,
            post=supplier,
            on=today,
            amount_minor=1_200_000_00,
            actor=staff,
            reference="OC-2026-001",
        )
    _seed_results(
        partner=partners[0], job=first_job, supplier=supplier, staff=staff, on=today, people=people
    )
    pending_sector = DEMO_PENDING["sector"] if DEMO_PENDING["sector"] in sectors else "retail"
    services.partner_register(**{**DEMO_PENDING, "sector": pending_sector})
    if stdout is not None:
        stdout.write(
            f"  demo data: employer partner account {DEMO_EMPLOYER_EMAIL} "
            "(same password as the other demo accounts)"
        )
