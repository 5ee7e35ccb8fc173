"""Demo data for mentors: about 60 volunteer mentors across the cities (some abroad, some
remote, some bilingual), a few in vetting, and a published matching run for every cohort
with active participants, so emprendedora@ has a mentor (mentora@) and mentora@ has a
mentee and a request to answer. Idempotent: a second run changes nothing."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from cohorts.enums import ParticipantStatus
from cohorts.models import Cohort, Participant
from semilla.demo import DEMO_PASSWORD
from semilla.enums import City, MeetingMode, Role, Sector, Skill
from semilla.models import User

from . import selectors, services
from .enums import (
    Availability,
    BookingStatus,
    GoalStatus,
    MatchStatus,
    MentorStatus,
    RunStatus,
    SessionOutcome,
)
from .models import (
    CODE_OF_CONDUCT_VERSION,
    ActionItem,
    Booking,
    GoalUpdate,
    Match,
    MatchingRun,
    MentorProfile,
    MentorshipGoal,
    MentorStatusChange,
    RunPin,
    SessionLog,
    WeeklyAvailability,
)

FIRST = [
    "Ana María",
    "Carlos",
    "Diana",
    "Eduardo",
    "Fernanda",
    "Gustavo",
    "Helena",
    "Iván",
    "Juliana",
    "Kevin",
    "Laura",
    "Manuel",
    "Natalia",
    "Óscar",
    "Paula",
    "Ricardo",
    "Sandra",
    "Tomás",
    "Valentina",
    "Wilson",
    "Ximena",
    "Yesid",
    "Zulma",
    "Andrés",
    "Beatriz",
    "Camilo",
    "Daniela",
    "Esteban",
    "Gloria",
    "Hernán",
]
LAST = [
    "Arango",
    "Barrios",
    "Cárdenas",
    "Duarte",
    "Escobar",
    "Franco",
    "Guerrero",
    "Henao",
    "Ibarra",
    "Jaramillo",
    "López",
    "Mejía",
    "Navarro",
    "Ospina",
    "Pardo",
    "Quintero",
    "Rojas",
    "Salazar",
    "Toro",
    "Uribe",
    "Vélez",
    "Zapata",
]
TRADES = [
    (
        "Contadora pública, asesora de microempresas",
        [Skill.FINANCE, Skill.LEGAL],
        "Llevo doce años ayudando a tiendas y restaurantes a ordenar sus cuentas y a "
        "formalizarse ante la DIAN y la Cámara de Comercio.",
    ),
    (
        "Mercadóloga digital",
        [Skill.MARKETING, Skill.DIGITAL, Skill.SALES],
        "Trabajo con marcas pequeñas en Instagram, WhatsApp Business y tiendas en línea.",
    ),
    (
        "Ingeniero industrial, jefe de producción",
        [Skill.OPERATIONS, Skill.PRODUCT],
        "Mejoro procesos, costos y proveedores en talleres y plantas de alimentos.",
    ),
    (
        "Abogada de emprendimientos",
        [Skill.LEGAL, Skill.PEOPLE],
        "Acompaño la formalización, contratos, permisos y la contratación de personal.",
    ),
    (
        "Comerciante y exportador",
        [Skill.EXPORT, Skill.SALES, Skill.OPERATIONS],
        "Exporto café y artesanías; conozco la logística y los trámites de frontera.",
    ),
    (
        "Asesor financiero de cooperativa",
        [Skill.FINANCE, Skill.PITCHING],
        "Ayudo a preparar solicitudes de crédito, flujos de caja y presentaciones a inversionistas.",
    ),
    (
        "Chef y dueña de restaurante",
        [Skill.PRODUCT, Skill.OPERATIONS, Skill.MARKETING],
        "Tengo un restaurante hace ocho años; sé de costos de receta, menú y atención.",
    ),
    (
        "Desarrollador de software",
        [Skill.DIGITAL, Skill.PRODUCT],
        "Construyo tiendas en línea y herramientas sencillas para pequeños negocios.",
    ),
]
CITY_WEIGHTS = (
    [City.CUCUTA] * 8
    + [City.BOGOTA] * 6
    + [City.MEDELLIN] * 5
    + [City.BARRANQUILLA, City.CALI, City.BUCARAMANGA, City.CARTAGENA, City.RIOHACHA] * 3
)
ABROAD = [
    ("America/New_York", "en"),
    ("Europe/Madrid", "es"),
    ("America/Santiago", "es"),
    ("America/Panama", "es"),
]


def seed(*, stdout=None) -> None:
    rng = random.Random(2027)  # noqa: S311 - demo data, not security
    created = _mentors(rng)
    runs = _published_runs()
    sessions = _sessions()
    goals = _goals()
    proposals = _proposals()
    if stdout is not None:
        stdout.write(
            f"  mentors: {MentorProfile.objects.count()} mentors ({created} new), "
            f"{runs} matching runs published, {sessions} sessions, {goals} goals, "
            f"{proposals} proposed sessions"
        )


def _user(email, name, *, city="", language="es", tz="America/Bogota"):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": name,
            "city": city,
            "language": language,
            "timezone": tz,
            "is_demo": True,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    user.groups.add(Group.objects.get_or_create(name=Role.MENTOR.value)[0])
    return user


@transaction.atomic
def _mentors(rng: random.Random) -> int:
    if MentorProfile.objects.filter(user__email="mentora@demo.semilla.co").exists():
        return 0

    now = timezone.now()
    profiles = []
    mentora = User.objects.filter(email="mentora@demo.semilla.co").first()
    if mentora is not None:
        profiles.append(
            MentorProfile(
                user=mentora,
                status=MentorStatus.ACTIVE,
                headline="Contadora y consultora de pequeños negocios",
                expertise=[Skill.FINANCE, Skill.LEGAL, Skill.MARKETING],
                sectors=[Sector.FOOD, Sector.RETAIL, Sector.BEAUTY],
                languages=["es", "en"],
                city=City.MEDELLIN,
                meeting_mode=MeetingMode.VIRTUAL,
                availability=[Availability.WEEKDAY_EVENING, Availability.WEEKEND],
                capacity=3,
                bio=(
                    "Quince años como contadora; acompaño a emprendedoras migrantes a ordenar "
                    "sus finanzas, formalizarse y vender más."
                ),
                link="https://www.linkedin.com/in/demo-catalina-restrepo",
            )
        )
    for i in range(60):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        headline, skills, bio = rng.choice(TRADES)
        tz, language = "America/Bogota", "es"
        city = rng.choice(CITY_WEIGHTS)
        mode = rng.choice(
            [MeetingMode.EITHER, MeetingMode.EITHER, MeetingMode.IN_PERSON, MeetingMode.VIRTUAL]
        )
        languages = ["es"] if rng.random() < 0.75 else ["es", "en"]
        if i % 12 == 5:  # mentors abroad: remote, with their own time zone
            tz, language = ABROAD[(i // 12) % len(ABROAD)]
            city, mode = "", MeetingMode.VIRTUAL
            languages = ["en"] if (language == "en" and i % 24 == 5) else ["es", "en"]
        status = MentorStatus.ACTIVE
        if i % 15 == 3:
            status = MentorStatus.APPLIED
        elif i % 15 == 7:
            status = MentorStatus.VETTED
        elif i % 20 == 11:
            status = MentorStatus.PAUSED
        user = _user(
            f"mentor{i + 1:02d}@demo.semilla.co", name, city=city, language=language, tz=tz
        )
        profiles.append(
            MentorProfile(
                user=user,
                status=status,
                headline=headline,
                expertise=[str(s) for s in skills],
                sectors=rng.sample([s.value for s in Sector if s != Sector.OTHER], k=2),
                languages=languages,
                city=city,
                meeting_mode=mode,
                availability=rng.sample(Availability.values, k=rng.randint(1, 3)),
                capacity=rng.choice([1, 2, 2, 3, 3, 4, 5]),
                bio=bio,
                interview_done_at=None if status == MentorStatus.APPLIED else now,
            )
        )
    for profile in profiles:
        profile.code_of_conduct_version = CODE_OF_CONDUCT_VERSION
        profile.code_of_conduct_accepted_at = now
    MentorProfile.objects.bulk_create(profiles)

    MentorStatusChange.objects.bulk_create(
        [
            MentorStatusChange(profile=p, from_status="", to_status=p.status, note="demo")
            for p in MentorProfile.objects.all()
        ]
    )
    return len(profiles)


def _published_runs() -> int:
    """For each cohort with active participants and no run yet: compute, pin
    emprendedora@ with mentora@, publish, and let most mentors accept."""

    count = 0
    cohorts = sorted(
        Cohort.objects.filter(participants__status=ParticipantStatus.ACTIVE).distinct(),
        # emprendedora@'s cohort first, so that mentora@ still has room for her.
        key=lambda c: (
            not c.participants.filter(user__email="emprendedora@demo.semilla.co").exists(),
            c.pk,
        ),
    )
    staff = _staff()
    for cohort in cohorts:
        if MatchingRun.objects.filter(cohort=cohort).exists():
            continue
        run = MatchingRun.objects.create(cohort=cohort, created_by=staff, status=RunStatus.QUEUED)
        services.matching_run_compute(run_id=run.pk)
        emprendedora = Participant.objects.filter(
            cohort=cohort, user__email="emprendedora@demo.semilla.co"
        ).first()
        mentora = MentorProfile.objects.filter(user__email="mentora@demo.semilla.co").first()
        second = None
        if emprendedora and mentora:
            # mentora@ mentors emprendedora@ and has a second request to answer.
            second = (
                Participant.objects.filter(cohort=cohort, status=ParticipantStatus.ACTIVE)
                .exclude(pk=emprendedora.pk)
                .order_by("pk")
                .first()
            )
            for participant in filter(None, [emprendedora, second]):
                RunPin.objects.update_or_create(
                    run=run,
                    participant=participant,
                    defaults={"mentor": mentora, "created_by": staff},
                )
            services.matching_run_compute(run_id=run.pk)
        run.refresh_from_db()
        matches = services.matching_run_publish(run=run, actor=staff)
        for i, match in enumerate(matches):
            if second is not None and match.participant_id == second.pk:
                continue
            if (emprendedora is not None and match.participant_id == emprendedora.pk) or i % 5 != 4:
                services.match_accept(match=match, actor=match.mentor.user)
        count += 1
    return count


def _staff():
    return User.objects.filter(email="equipo@demo.semilla.co").first()


WINDOWS = [(0, 8, 11), (2, 14, 17), (3, 18, 20), (5, 9, 12)]


def _sessions() -> int:
    """Weekly hours for every active mentor; for each active pair two past sessions
    (logged, most confirmed and rated, with action items) and one upcoming booking."""

    if Booking.objects.exists():
        return 0
    with transaction.atomic():
        mentors = MentorProfile.objects.filter(status=MentorStatus.ACTIVE).annotate(
            has_hours=Exists(WeeklyAvailability.objects.filter(mentor=OuterRef("pk")))
        )
        WeeklyAvailability.objects.bulk_create(
            [
                WeeklyAvailability(
                    mentor=m,
                    weekday=(day + m.pk) % 7,
                    start_time=datetime.time(start),
                    end_time=datetime.time(end),
                )
                for m in mentors
                if not m.has_hours
                for day, start, end in WINDOWS
            ]
        )
        MentorProfile.objects.filter(status=MentorStatus.ACTIVE, meeting_link="").update(
            meeting_link="https://meet.jit.si/semilla-mentoria"
        )
    now = timezone.now()
    count = 0
    pairs = list(
        Match.objects.filter(status=MatchStatus.ACCEPTED).select_related(
            "mentor__user", "participant__user", "cohort"
        )
    )
    for n, match in enumerate(pairs):
        with transaction.atomic():
            for weeks_ago, rating in ((3, 5), (1, 4 if n % 3 else None)):
                start = (now - datetime.timedelta(weeks=weeks_ago)).replace(
                    minute=0, second=0, microsecond=0
                ) + datetime.timedelta(hours=n)  # distinct per pair
                booking = Booking.objects.create(
                    match=match,
                    mentor=match.mentor,
                    participant=match.participant,
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=1),
                    status=BookingStatus.CONFIRMED,
                    location=match.mentor.meeting_link,
                    topic="Costos y precios" if weeks_ago == 3 else "Redes sociales",
                )
                log = SessionLog.objects.create(
                    booking=booking,
                    outcome=SessionOutcome.HELD,
                    duration_minutes=60,
                    topics=["finance"] if weeks_ago == 3 else ["marketing", "digital"],
                    notes="Avanza bien; falta separar cuentas personales y del negocio.",
                    notes_shared=weeks_ago == 3,
                    confirmed_at=booking.ends_at if rating else None,
                    rating=rating,
                    rating_comment="Muy clara y práctica." if rating else "",
                )
                ActionItem.objects.bulk_create(
                    [
                        ActionItem(
                            log=log,
                            text="Anotar ventas y gastos cada día",
                            done_at=booking.ends_at if weeks_ago == 3 else None,
                        ),
                        ActionItem(log=log, text="Calcular el costo de cada producto"),
                    ]
                )
                count += 1
        slots = selectors.free_slots(match=match)
        if slots:
            services.booking_create(
                match=match,
                starts_at=slots[min(n, len(slots) - 1)],
                actor=match.participant.user,
                topic="Plan para el día de pitch",
            )
            count += 1
    return count


GOALS = [
    ("Separar las cuentas del negocio y las personales", (40, 70)),
    ("Vender por redes sociales cada semana", (10, 30)),
]


def _goals() -> int:
    """Two goals per active pair, moved forward by its two logged sessions."""

    if MentorshipGoal.objects.exists():
        return 0
    count = 0
    pairs = Match.objects.filter(status=MatchStatus.ACCEPTED).select_related("participant")
    for match in pairs:
        logs = list(SessionLog.objects.filter(booking__match=match).order_by("booking__starts_at"))
        with transaction.atomic():
            for title, steps in GOALS:
                reached = steps[len(logs) - 1] if logs else 0
                goal = MentorshipGoal.objects.create(
                    match=match,
                    title=title,
                    progress=reached,
                    status=GoalStatus.OPEN,
                    created_by=match.participant.user,
                )
                GoalUpdate.objects.bulk_create(
                    [
                        GoalUpdate(goal=goal, log=log, progress=value)
                        for log, value in zip(logs, steps, strict=False)
                    ]
                )
                count += 1
    return count


def _proposals() -> int:
    """The demo mentor proposes one session to the demo entrepreneur (to confirm)."""

    match = (
        Match.objects.filter(
            status=MatchStatus.ACCEPTED,
            participant__user__email="emprendedora@demo.semilla.co",
        )
        .select_related("mentor__user")
        .first()
    )
    if match is None or Booking.objects.filter(status=BookingStatus.PROPOSED).exists():
        return 0
    # Room for one more session than the demo holds (one booked, this proposal), so that
    # a newcomer who signs in as her still finds free times on the booking page.
    type(match.cohort).objects.filter(pk=match.cohort_id, max_upcoming_bookings__lt=3).update(
        max_upcoming_bookings=3
    )
    slots = selectors.free_slots(match=match)
    if not slots:
        return 0
    try:
        services.booking_propose(
            match=match,
            starts_at=slots[len(slots) // 2],
            actor=match.mentor.user,
            topic="Revisar el flujo de caja del mes",
        )
    except services.BookingError:
        return 0
    return 1
