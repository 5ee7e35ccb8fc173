"""Demo data of the outcomes app (``seed_demo``): two cohorts that ended 7 and 13 months
ago, with baseline, end-of-cohort, 6- and 12-month answers that vary the way real ones do
(most businesses grow a little, some close, some people never answer), so that the
dashboard's outcomes section shows real change. The demo entrepreneur has a 6-month
follow-up waiting in "Mi espacio". Idempotent."""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cohorts.enums import ApplicationStatus, ParticipantStatus
from cohorts.models import Application, ApplicationStatusChange, Cohort, Participant, Programme
from semilla.demo import seed_home_page
from semilla.enums import City, DocumentType, PopulationGroup, Sector, Sex
from semilla.models import HomePage, User

from .enums import WaveKind
from .models import AlumniEvent, AlumniInvitation, Alumnus, Response, StoryIndexPage, StoryPage
from .services import (
    alumni_from_ended_cohorts,
    alumni_invite,
    invitation_answer,
    story_consent_give,
    story_consent_withdraw_all,
    summaries_refresh,
    waves_ensure,
)

SLUGS = ("demo-egresados-cucuta-2025", "demo-egresados-bogota-2025")
PEOPLE_PER_COHORT = 24


def _answers(rng: random.Random, *, stage: int, base: dict | None) -> dict:
    """One person's answers at ``stage`` (0 baseline, 1 end, 2: 6 months, 3: 12 months),
    drifting from their previous answers."""
    if base is None:
        paid = rng.choice([0, 0, 0, 1, 1, 2])
        sales = rng.choice([0, 1, 1, 2, 2, 3])
        base = {
            "business_status": rng.choice(["operating"] * 8 + ["not_started", "paused"]),
            "sales_from": sales,
            "sales_to": min(6, sales + rng.choice([0, 0, 1])),
            "workers_paid": paid,
            "workers_unpaid": rng.choice([0, 1, 1, 2]),
            "has_rut": rng.random() < 0.35,
            "has_chamber_registration": rng.random() < 0.15,
            "issues_invoices": rng.random() < 0.2,
            "pays_social_security": paid > 0 and rng.random() < 0.2,
            "has_account": rng.random() < 0.55,
            "credit_applied": rng.random() < 0.2,
            "confidence": rng.choice([2, 2, 3, 3, 4]),
        }
        base["credit_obtained"] = base["credit_applied"] and rng.random() < 0.4
        base["credit_source"] = "informal" if base["credit_obtained"] else ""
        return _groups(rng, base)
    answers = dict(base)
    if base["business_status"] != "closed" and rng.random() < 0.07 * stage:
        answers["business_status"] = "closed"
    elif base["business_status"] in ("not_started", "paused") and rng.random() < 0.6:
        answers["business_status"] = "operating"
    grow = rng.random() < 0.55
    low = base["sales_from"] if base["sales_from"] is not None else 1
    high = base["sales_to"] if base["sales_to"] is not None else low
    answers["sales_from"] = min(6, low + (1 if grow else 0))
    answers["sales_to"] = min(6, max(answers["sales_from"], high + (1 if grow else 0)))
    hires = 1 if rng.random() < 0.3 else 0
    answers["workers_paid"] = base["workers_paid"] + hires
    answers["new_hires"] = hires
    for name, chance in (
        ("has_rut", 0.3),
        ("has_chamber_registration", 0.12),
        ("issues_invoices", 0.2),
        ("has_account", 0.35),
    ):
        answers[name] = base[name] or rng.random() < chance
    answers["pays_social_security"] = answers["workers_paid"] > 0 and (
        base["pays_social_security"] or rng.random() < 0.15
    )
    answers["credit_applied"] = rng.random() < 0.35
    answers["credit_obtained"] = answers["credit_applied"] and rng.random() < 0.6
    answers["credit_source"] = (
        rng.choice(["microfinance", "microfinance", "bank", "fintech", "family"])
        if answers["credit_obtained"]
        else ""
    )
    answers["credit_amount"] = rng.choice([1, 1, 2, 2, 3]) if answers["credit_obtained"] else None
    answers["confidence"] = min(5, base["confidence"] + rng.choice([0, 1, 1]))
    if answers["business_status"] == "closed":
        answers["sales_from"] = answers["sales_to"] = 0
    if rng.random() < 0.12:
        answers["sales_from"] = answers["sales_to"] = None  # preferred not to say
    return _groups(rng, answers)


def _groups(rng: random.Random, answers: dict) -> dict:
    total = answers["workers_paid"] + answers["workers_unpaid"]
    answers["workers_migrant"] = rng.randint(0, total)
    answers["workers_receptor"] = rng.randint(0, total - answers["workers_migrant"])
    return answers


def seed(*, stdout=None) -> None:

    # one transaction: the seats confirmed here open no survey of their own (the baseline
    # answers below are the ones), since the outcomes signal acts after the commit

    with transaction.atomic():
        _seed()
    summaries_refresh()
    _seed_stories_and_events()
    if stdout is not None:
        stdout.write(
            "  outcomes: two ended cohorts with survey answers and alumni, success stories "
            "(one published, one taken down after its consent was withdrawn), an alumni event "
            "with answers"
        )


STORY_INDEX_SLUG = "historias"
EVENT_TITLE = "Encuentro de egresados Cúcuta"


def _seed_stories_and_events() -> None:
    """The stories index (Spanish and English), a published story whose person consented,
    a story taken down because its person withdrew consent, an alumni event in Cúcuta with
    answers, and invitations waiting for the demo entrepreneur. Idempotent."""

    if not HomePage.objects.filter(locale__language_code="es").exists():
        seed_home_page()
    home = HomePage.objects.get(locale__language_code="es")
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = StoryIndexPage(
            title="Historias de egresados",
            slug=STORY_INDEX_SLUG,
            locale_id=home.locale_id,
            intro="<p>Emprendedoras y emprendedores que pasaron por Semilla cuentan cómo les "
            "va. Cada historia se publica con su permiso.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and index.get_translation_or_none(english) is None:
        copy = index.copy_for_translation(english, copy_parents=False)
        copy.title = "Alumni stories"
        copy.intro = (
            "<p>Entrepreneurs who went through Semilla tell how they are doing. Each story "
            "is published with their permission.</p>"
        )
        copy.save_revision().publish()
    alumni = list(
        Alumnus.objects.filter(cohort__slug=SLUGS[0])
        .exclude(user__email="emprendedora@demo.semilla.co")
        .select_related("user")
        .order_by("pk")[:8]
    )
    if len(alumni) < 2:
        return
    if not StoryPage.objects.exists():
        stories = [
            (
                alumni[0],
                "De un carrito a un local",
                "Empezó vendiendo arepas en un carrito; hoy tiene un local y dos empleadas.",
                "<p>Llegué a Cúcuta con mis dos hijos y una receta de arepas de mi abuela. "
                "En Semilla aprendí a llevar las cuentas y a separar la plata del negocio "
                "de la de la casa.</p><p>Con el capital semilla compré una plancha "
                "industrial. Hoy tengo un local y dos empleadas, una venezolana y una "
                "cucuteña.</p>",
            ),
            (
                alumni[1],
                "Costuras que unen",
                "Un taller de confección que ahora vende a dos colegios del barrio.",
                "<p>Mi taller arreglaba ropa para vecinos. Con la mentora aprendimos a "
                "cotizar y ahora hacemos uniformes para dos colegios.</p>",
            ),
        ]
        for alumnus, title, summary, body in stories:
            story_consent_give(user=alumnus.user)
            page = StoryPage(
                title=title,
                slug=f"historia-{alumnus.pk}",
                locale_id=index.locale_id,
                alumnus=alumnus,
                summary=summary,
                body=body,
                business_name=alumnus.business_name or f"Emprendimiento {alumnus.pk}",
                city="cucuta",
                sector=alumnus.sector,
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        # the second person changed their mind: their story is taken down and stays down
        story_consent_withdraw_all(user=alumni[1].user, actor=alumni[1].user)
    if not AlumniEvent.objects.filter(title=EVENT_TITLE).exists():
        staff = User.objects.filter(email="equipo@demo.semilla.co").first()
        event = AlumniEvent.objects.create(
            title=EVENT_TITLE,
            starts_at=timezone.now() + datetime.timedelta(days=21),
            place="Biblioteca Pública Julio Pérez Ferrero, Cúcuta",
            city="cucuta",
            capacity=6,
            created_by=staff,
        )
        demo = Alumnus.objects.filter(user__email="emprendedora@demo.semilla.co").first()
        invited = alumni + ([demo] if demo else [])
        alumni_invite(alumni=invited, kind="event", event=event, actor=staff)
        for n, alumnus in enumerate(alumni[:5]):
            invitation = AlumniInvitation.objects.get(alumnus=alumnus, event=event)
            invitation_answer(invitation=invitation, user=alumnus.user, accept=n != 3)
        if demo is not None:
            alumni_invite(alumni=[demo], kind="mentor", actor=staff)


def _seed() -> None:

    if Cohort.objects.filter(slug__in=SLUGS).exists():
        return
    rng = random.Random(2025)  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    now = timezone.now()
    programme = Programme.objects.order_by("pk").first() or Programme.objects.create(
        name="Programa Semilla"
    )
    first_names = ["Yorman", "Daniela", "Luis", "Andreína", "Carlos", "Marisol", "Jhon", "Yeimy"]
    last_names = ["Pérez", "Gutiérrez", "Rojas", "Mendoza", "Suárez", "Castillo"]
    demo_person = User.objects.filter(email="emprendedora@demo.semilla.co").first()
    for index, (slug, city, months) in enumerate(
        zip(SLUGS, (City.CUCUTA, City.BOGOTA), (7, 13), strict=True)
    ):
        ends_on = today - datetime.timedelta(days=30 * months + 5)
        starts_on = ends_on - datetime.timedelta(days=84)
        cohort = Cohort.objects.create(
            programme=programme,
            name=f"Cohorte 2025-{index + 1} · {City(city).label} (egresados)",
            slug=slug,
            city=city,
            description="Cohorte terminada: sus participantes son egresados.",
            starts_on=starts_on,
            ends_on=ends_on,
            seats=PEOPLE_PER_COHORT + 2,
            seats_confirmed=PEOPLE_PER_COHORT + (1 if index == 0 and demo_person else 0),
            opens_at=now - datetime.timedelta(days=30 * months + 150),
            closes_at=now - datetime.timedelta(days=30 * months + 120),
            is_published=False,
        )
        people = []
        for n in range(PEOPLE_PER_COHORT):
            name = f"{first_names[(n + index) % 8]} {last_names[(n * 5 + index) % 6]}"
            people.append(
                User.objects.create(
                    email=f"egresado.{index}.{n}@demo.semilla.co",
                    full_name=name,
                    password="!",  # noqa: S106 - unusable password: nobody signs in as them
                )
            )
        if index == 0 and demo_person is not None:
            people.append(demo_person)
        participants = []
        for n, user in enumerate(people):
            migrant = n % 3 != 2
            application = Application.objects.create(
                user=user,
                cohort=cohort,
                status=ApplicationStatus.CONFIRMED,
                sex=[Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.OTHER][n % 4] if n % 9 else Sex.FEMALE,
                population_group=PopulationGroup.VENEZUELAN_MIGRANT
                if migrant
                else PopulationGroup.RECEPTOR_COMMUNITY,
                birth_date=datetime.date(1975 + (n * 7) % 30, 1 + n % 12, 10),
                document_type=[DocumentType.PPT, DocumentType.IN_PROCESS, DocumentType.NONE][n % 3]
                if migrant
                else DocumentType.CEDULA,
                city=city,
                sector=list(Sector.values)[n % len(Sector.values)],
                business_name=f"Emprendimiento {user.full_name.split()[0]}",
                submitted_at=now - datetime.timedelta(days=30 * months + 130),
            )
            _confirmed_history(application)
            status = ParticipantStatus.WITHDRAWN if n % 11 == 10 else ParticipantStatus.COMPLETED
            participants.append(
                Participant.objects.create(
                    cohort=cohort,
                    user=user,
                    application=application,
                    status=status,
                    joined_at=now - datetime.timedelta(days=30 * months + 110),
                )
            )
        waves = {w.kind: w for w in waves_ensure(cohort=cohort)}
        stages = [WaveKind.BASELINE, WaveKind.END, WaveKind.MONTH_6]
        if months >= 12:
            stages.append(WaveKind.MONTH_12)
        rows = []
        for n, participant in enumerate(participants):
            previous = None
            is_demo = participant.user_id == getattr(demo_person, "pk", None)
            for stage, kind in enumerate(stages):
                wave = waves[kind]
                if stage and participant.status == ParticipantStatus.WITHDRAWN:
                    break
                answered = stage == 0 or rng.random() < (0.85, 0.75, 0.6, 0.5)[stage]
                if is_demo and kind == WaveKind.MONTH_6:
                    answered = False  # waiting in her "Mi espacio"
                if not answered:
                    rows.append(Response(wave=wave, participant=participant))
                    continue
                answers = _answers(rng, stage=stage, base=previous)
                previous = answers
                document = participant.application.document_type
                if stage and document in (DocumentType.IN_PROCESS, DocumentType.NONE):
                    document = DocumentType.PPT if rng.random() < 0.25 * stage else document
                rows.append(
                    Response(
                        wave=wave,
                        participant=participant,
                        status="answered",
                        channel="phone" if n % 7 == 3 else "self",
                        answered_at=now
                        - datetime.timedelta(days=max(1, (today - wave.opens_on).days - 4)),
                        document_type=document,
                        reminders_sent=1,
                        **answers,
                    )
                )
        Response.objects.bulk_create(rows)
    alumni_from_ended_cohorts(today=today)
    for alumnus in Alumnus.objects.filter(cohort__slug__in=SLUGS).select_related("user")[:6]:
        alumnus.listed = True
        alumnus.business_name = f"Emprendimiento {alumnus.user.full_name.split()[0]}"
        alumnus.offers = "Productos hechos a mano y domicilios en la ciudad"
        alumnus.seeks = "Proveedores y clientes mayoristas"
        alumnus.save()


#: how an alumna's application went, in days after it was sent
_CONFIRMED_PATH = [
    ("", ApplicationStatus.DRAFT, -3),
    (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, 0),
    (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, 4),
    (ApplicationStatus.IN_REVIEW, ApplicationStatus.ACCEPTED, 12),
    (ApplicationStatus.ACCEPTED, ApplicationStatus.CONFIRMED, 15),
]


def _confirmed_history(application: Application) -> None:
    """The timeline of an alumna's application, as the services would have written it."""
    ApplicationStatusChange.objects.bulk_create(
        ApplicationStatusChange(
            application=application,
            from_status=previous,
            to_status=status,
            at=application.submitted_at + datetime.timedelta(days=days),
            actor=application.user if status in ("draft", "submitted") else None,
        )
        for previous, status, days in _CONFIRMED_PATH
    )
