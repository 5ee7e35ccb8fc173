"""Demo data for cohorts: a programme, a rubric, cohorts in all eight cities and one virtual,
about 200 applications in every status with reviews, a waitlist and participants.

Idempotent and fast (it runs on every ``make run``): when the demo programme exists it only
makes sure the demo accounts are wired in; otherwise everything is written with bulk_create.
- emprendedora@demo.semilla.co is a participant of the active Cúcuta cohort.
- revisor@demo.semilla.co has reviews to do (Bogotá) and reviews done (Medellín).
- equipo@demo.semilla.co may see sensitive data and export it."""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from semilla.enums import (
    METRO_AREAS,
    City,
    DocumentType,
    MeetingMode,
    PopulationGroup,
    Role,
    Sector,
    Sex,
)
from semilla.models import User

from . import services
from .enums import (
    ApplicationStatus,
    ApplicationStep,
    AssignmentStatus,
    Availability,
    BusinessStage,
    CohortFormat,
    ConflictKind,
    Decision,
    Nationality,
    ParticipantStatus,
)
from .models import (
    Application,
    ApplicationStatusChange,
    Attendance,
    Cohort,
    Criterion,
    Participant,
    Programme,
    ReviewAssignment,
    ReviewerConflict,
    Rubric,
    Score,
    Workshop,
)

S = ApplicationStatus
PROGRAMME_NAME = "Semilla Emprende 2026"

FIRST_NAMES_F = [
    "Yuleisy",
    "María José",
    "Daniela",
    "Andreína",
    "Yusbelis",
    "Carolina",
    "Luz Marina",
    "Génesis",
    "Marbelys",
    "Paola",
    "Rosa",
    "Katherine",
    "Yelitza",
    "Ana Lucía",
    "Milagros",
    "Dayana",
    "Sandra",
    "Leidy",
    "Norelis",
    "Valentina",
]
FIRST_NAMES_M = [
    "José Gregorio",
    "Luis Alberto",
    "Carlos",
    "Jhonny",
    "Wilmer",
    "Andrés",
    "Yorman",
    "Jesús",
    "Óscar",
    "Édgar",
    "Juan Pablo",
    "Richard",
    "Alexander",
    "Freddy",
    "Camilo",
    "Deiby",
]
SURNAMES = [
    "Rodríguez",
    "González",
    "Pérez",
    "Hernández",
    "Martínez",
    "García",
    "López",
    "Ramírez",
    "Mendoza",
    "Contreras",
    "Quintero",
    "Rojas",
    "Castillo",
    "Márquez",
    "Guerrero",
    "Villamizar",
    "Suárez",
    "Peña",
    "Chacón",
    "Ortega",
    "Blanco",
    "Useche",
    "Barrios",
    "Carrillo",
    "Parra",
    "Zambrano",
    "Fuentes",
    "Molina",
]
BUSINESSES = {
    Sector.FOOD: [
        "Arepas {s}",
        "Empanadas La Guaira",
        "Cachapas de la Abuela {f}",
        "Tequeños {s}",
        "Dulces Criollos {f}",
        "Almuerzos Caseros {s}",
    ],
    Sector.BEAUTY: ["Peluquería {f}", "Uñas y Belleza {f}", "Barbería El Maracucho"],
    Sector.FASHION: ["Confecciones {s}", "Costuras {f}", "Moda Llanera"],
    Sector.CRAFTS: ["Artesanías Wayuu {s}", "Mochilas {f}", "Cerámica {s}"],
    Sector.SERVICES: ["Reparaciones {s}", "Lavandería Express {f}", "Mensajería {s}"],
    Sector.TECH: ["Reparación de Celulares {s}", "Diseño Web {f}"],
    Sector.RETAIL: ["Tienda {s}", "Miscelánea {f}", "Minimercado {s}"],
    Sector.AGRO: ["Huerta Urbana {s}", "Café de Origen {s}"],
    Sector.TOURISM: ["Tours {s}", "Hospedaje {f}"],
}
DESCRIPTIONS = [
    "Vendemos en el barrio y por WhatsApp; queremos llegar a más clientes y formalizarnos.",
    "Empecé sola en la cocina de mi casa y hoy tengo clientes fijos en dos conjuntos.",
    "Trabajamos en familia. Necesitamos ordenar las cuentas y conseguir proveedores fijos.",
    "Llevo un año vendiendo en ferias y quiero abrir un punto de venta propio.",
    "Aprendí el oficio en Venezuela y aquí lo retomé con una máquina prestada.",
]
MOTIVATIONS = [
    "Quiero aprender a llevar las cuentas y crecer sin endeudarme con gota a gota.",
    "Necesito una mentora que me ayude a vender por redes sociales.",
    "Quiero formalizar el negocio y poder contratar a dos personas del barrio.",
    "Busco capital para comprar un horno industrial y aumentar la producción.",
]

#: (city, name, phase) — phase decides the dates and how far selection went.
COHORTS = [
    (City.CUCUTA, "Cohorte 3 · Cúcuta", "active"),
    (City.BOGOTA, "Cohorte 4 · Bogotá", "open"),
    (City.MEDELLIN, "Cohorte 2 · Medellín", "offers"),
    (City.BARRANQUILLA, "Cohorte 2 · Barranquilla", "review"),
    (City.CALI, "Cohorte 1 · Cali", "open"),
    (City.BUCARAMANGA, "Cohorte 1 · Bucaramanga", "offers"),
    (City.CARTAGENA, "Cohorte 1 · Cartagena", "upcoming"),
    (City.RIOHACHA, "Cohorte 1 · Riohacha", "open"),
    ("virtual", "Cohorte virtual · Todo el país", "open"),
]
#: How each demo cohort meets (the others are in person): the texts follow the format.
FORMATS = {"virtual": CohortFormat.VIRTUAL, City.CALI: CohortFormat.MIXED}
DESCRIPTIONS_BY_FORMAT = {
    CohortFormat.IN_PERSON: (
        "Doce semanas de talleres presenciales los sábados, una mentora o un mentor "
        "voluntario y un día de pitch con capital semilla de hasta $4.000.000 por "
        "emprendimiento."
    ),
    CohortFormat.MIXED: (
        "Doce semanas de talleres, unos presenciales y otros en línea, una mentora o un "
        "mentor voluntario y un día de pitch con capital semilla de hasta $4.000.000 por "
        "emprendimiento."
    ),
    CohortFormat.VIRTUAL: (
        "Doce semanas de talleres en línea que puedes seguir desde el celular, una mentora "
        "o un mentor voluntario por videollamada y un día de pitch con capital semilla de "
        "hasta $4.000.000 por emprendimiento."
    ),
}
#: How many applications of each status each phase gets.
MIX = {
    "active": {S.CONFIRMED: 14, S.DECLINED: 2, S.EXPIRED: 1, S.REJECTED: 8, S.WITHDRAWN: 2},
    "open": {S.DRAFT: 8, S.SUBMITTED: 7, S.IN_REVIEW: 7, S.WITHDRAWN: 1},
    "offers": {S.ACCEPTED: 8, S.CONFIRMED: 6, S.WAITLISTED: 6, S.REJECTED: 7, S.DECLINED: 1},
    "review": {S.IN_REVIEW: 14, S.SUBMITTED: 4, S.DRAFT: 3},
    "upcoming": {},
}
PATHS = {
    S.DRAFT: [S.DRAFT],
    S.SUBMITTED: [S.DRAFT, S.SUBMITTED],
    S.IN_REVIEW: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW],
    S.WAITLISTED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED],
    S.ACCEPTED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ACCEPTED],
    S.CONFIRMED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ACCEPTED, S.CONFIRMED],
    S.DECLINED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ACCEPTED, S.DECLINED],
    S.EXPIRED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ACCEPTED, S.EXPIRED],
    S.REJECTED: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.REJECTED],
    S.WITHDRAWN: [S.DRAFT, S.SUBMITTED, S.WITHDRAWN],
}
REVIEWERS = [
    ("revisora2@demo.semilla.co", "Natalia Cárdenas"),
    ("revisor3@demo.semilla.co", "Héctor Villalobos"),
    ("revisora4@demo.semilla.co", "Paula Andrea Ríos"),
]


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        if Programme.objects.filter(name=PROGRAMME_NAME).exists():
            _wire_demo_accounts()
            return
        _Seeder(random.Random(2026)).run()  # noqa: S311 - demo data, not security
        _wire_demo_accounts()
    if stdout is not None:
        stdout.write(
            f"  cohorts: {Cohort.objects.count()} cohorts, "
            f"{Application.objects.count()} applications"
        )


def _demo_user(email):
    return User.objects.filter(email=email).first()


def _wire_demo_accounts() -> None:
    staff = _demo_user("equipo@demo.semilla.co")
    if staff is not None:
        perm = Permission.objects.filter(
            content_type__app_label="cohorts", codename="view_sensitive_data"
        ).first()
        if perm is not None:
            staff.user_permissions.add(perm)


class _Seeder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.now = timezone.now()
        self.today = timezone.localdate()

    def run(self) -> None:
        self.programme = Programme.objects.create(
            name=PROGRAMME_NAME,
            funder_name="Fondo para la Inclusión Económica (demo)",
            description=(
                "Programa de aceleración de doce semanas para emprendimientos de "
                "personas migrantes venezolanas, colombianas retornadas y de las "
                "comunidades de acogida."
            ),
        )
        self.rubric = Rubric.objects.create(
            name="Rúbrica de selección 2026",
            scale_max=5,
            frozen_at=self.now - datetime.timedelta(days=30),
        )
        self.criteria = Criterion.objects.bulk_create(
            [
                Criterion(rubric=self.rubric, name=name, weight=w, sort_order=i, guidance=g)
                for i, (name, w, g) in enumerate(
                    [
                        (
                            "Potencial del negocio",
                            35,
                            "¿Hay clientes que pagan o pagarían? ¿Puede crecer en un año?",
                        ),
                        (
                            "Capacidad de la persona",
                            25,
                            "Experiencia, constancia, claridad al contar su negocio.",
                        ),
                        (
                            "Impacto en la comunidad",
                            25,
                            "Empleo, inclusión, integración entre "
                            "migrantes y comunidad de acogida.",
                        ),
                        (
                            "Compromiso con el programa",
                            15,
                            "Disponibilidad para talleres y mentoría.",
                        ),
                    ]
                )
            ]
        )
        self.reviewers = self._reviewers()
        self.cohorts = [self._cohort(i, *spec) for i, spec in enumerate(COHORTS)]
        self._applications()
        self._workshops()
        self._conflicts()

    def _conflicts(self) -> None:
        """Two declared conflicts of interest: one typed in advance (a name nobody has
        used yet) and one with a person who applied."""

        if not self.reviewers:
            return
        services.conflict_save(
            conflict=ReviewerConflict(
                reviewer=self.reviewers[0],
                kind=ConflictKind.TEXT,
                text="Yolanda Becerra",
                reason="Es mi vecina y socia en una tienda.",
            ),
            actor=None,
        )
        app = (
            Application.objects.exclude(status="draft")
            .exclude(user__in=self.reviewers)
            .order_by("pk")
            .first()
        )
        if app is not None and len(self.reviewers) > 1:
            services.conflict_save(
                conflict=ReviewerConflict(
                    reviewer=self.reviewers[1],
                    kind=ConflictKind.PERSON,
                    applicant_id=app.user_id,
                    reason="Familiar cercano.",
                ),
                actor=None,
            )

    # --- people ---------------------------------------------------------------------------

    def _reviewers(self):
        existing = {u.email: u for u in User.objects.filter(email__in=[e for e, _n in REVIEWERS])}
        new = []
        for email, name in REVIEWERS:
            if email not in existing:
                user = User(email=email, full_name=name, is_demo=True, city=City.BOGOTA)
                user.set_unusable_password()
                new.append(user)
        User.objects.bulk_create(new)
        group = Group.objects.get_or_create(name=Role.REVIEWER)[0]
        reviewers = list(User.objects.filter(email__in=[e for e, _n in REVIEWERS]))
        group.user_set.add(*reviewers)
        main = _demo_user("revisor@demo.semilla.co")
        return ([main] if main else []) + reviewers

    def _applicants(self, n: int):
        users = []
        for i in range(n):
            female = self.rng.random() < 0.62
            first = self.rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
            last = f"{self.rng.choice(SURNAMES)} {self.rng.choice(SURNAMES)}"
            slug = first.split()[0].lower().translate(str.maketrans("áéíóúñ", "aeioun"))
            user = User(
                email=f"{slug}.{i}@demo.semilla.co",
                full_name=f"{first} {last}",
                is_demo=True,
                language="es",
            )
            user.set_unusable_password()
            user._female = female
            users.append(user)
        created = User.objects.bulk_create(users)
        if created and created[0].pk is None:  # databases that do not return ids
            created = list(
                User.objects.filter(email__in=[u.email for u in users]).order_by("email")
            )
        for made, original in zip(created, users, strict=False):
            made._female = getattr(original, "_female", True)
        group = Group.objects.get_or_create(name=Role.ENTREPRENEUR)[0]
        group.user_set.add(*created)

        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created]
        )
        return created

    # --- cohorts --------------------------------------------------------------------------

    def _cohort(self, i: int, city: str, name: str, phase: str) -> Cohort:
        now, today = self.now, self.today
        day = datetime.timedelta(days=1)
        if phase == "active":
            opens, closes, starts = now - 90 * day, now - 60 * day, today - 20 * day
        elif phase == "open":
            opens, closes, starts = now - 10 * day, now + (20 + i) * day, today + 50 * day
        elif phase == "offers":
            opens, closes, starts = now - 45 * day, now - 15 * day, today + 20 * day
        elif phase == "review":
            opens, closes, starts = now - 40 * day, now - 3 * day, today + 30 * day
        else:
            opens, closes, starts = now + 15 * day, now + 45 * day, today + 75 * day
        slug = (
            name.lower()
            .replace(" · ", "-")
            .replace(" ", "-")
            .translate(str.maketrans("áéíóúñ", "aeioun"))
        )
        cohort_format = FORMATS.get(city, CohortFormat.IN_PERSON)
        return Cohort.objects.create(
            programme=self.programme,
            name=name,
            slug=slug,
            city=city,
            format=cohort_format,
            description=DESCRIPTIONS_BY_FORMAT[cohort_format],
            starts_on=starts,
            ends_on=starts + 84 * day,
            seats=25 if phase != "open" else 30,
            opens_at=opens,
            closes_at=closes,
            rubric=self.rubric,
            reviewers_per_application=2,
            blind_review=city == City.BOGOTA,
            target_mix={
                PopulationGroup.VENEZUELAN_MIGRANT: 50,
                PopulationGroup.RECEPTOR_COMMUNITY: 30,
            }
            if phase == "offers"
            else {},
            allowed_stages=[BusinessStage.EARLY, BusinessStage.OPERATING]
            if city == City.MEDELLIN
            else [],
            excluded_sectors=[Sector.TRANSPORT] if city == City.CALI else [],
            allow_mentor_directory=phase == "active",
            decisions_released_at=now - 10 * day if phase in ("active", "offers") else None,
        )

    # --- applications ---------------------------------------------------------------------

    def _applications(self) -> None:
        plan = []
        for cohort, (_c, _n, phase) in zip(self.cohorts, COHORTS, strict=True):
            for status, count in MIX[phase].items():
                plan.extend((cohort, phase, status) for _ in range(count))
        users = self._applicants(len(plan))
        emprendedora = _demo_user("emprendedora@demo.semilla.co")
        if emprendedora is not None:
            active = self.cohorts[0]
            plan.append((active, "active", S.CONFIRMED))
            users.append(emprendedora)
            emprendedora._female = True
        apps = [
            self._application(cohort, phase, status, user)
            for (cohort, phase, status), user in zip(plan, users, strict=True)
        ]
        apps = Application.objects.bulk_create(apps)
        if apps and apps[0].pk is None:
            apps = list(Application.objects.filter(cohort__programme=self.programme).order_by("pk"))
        self._history(apps)
        self._reviews(apps)
        self._participants(apps)

    def _application(self, cohort, phase, status, user) -> Application:
        rng, day = self.rng, datetime.timedelta(days=1)
        sector = rng.choice(list(BUSINESSES))
        surname = user.full_name.split()[-1]
        first = user.full_name.split()[0]
        group = rng.choices(list(PopulationGroup), weights=[55, 15, 30])[0]
        nationality = {
            PopulationGroup.VENEZUELAN_MIGRANT: Nationality.VENEZUELAN,
            PopulationGroup.COLOMBIAN_RETURNEE: Nationality.DUAL,
            PopulationGroup.RECEPTOR_COMMUNITY: Nationality.COLOMBIAN,
        }[group]
        if group == PopulationGroup.VENEZUELAN_MIGRANT:
            document = rng.choice(
                [
                    DocumentType.PPT,
                    DocumentType.PPT,
                    DocumentType.PEP,
                    DocumentType.PASSPORT,
                    DocumentType.IN_PROCESS,
                ]
            )
        else:
            document = DocumentType.CEDULA
        city = cohort.city if cohort.city != "virtual" else rng.choice(list(City)).value

        municipality = rng.choice(METRO_AREAS[city])
        submitted = None if status == S.DRAFT else cohort.opens_at + rng.randint(1, 20) * day
        if submitted and submitted > self.now:
            submitted = self.now - datetime.timedelta(hours=rng.randint(1, 48))
        released = (
            cohort.decisions_released_at
            if status in (S.WAITLISTED, S.ACCEPTED, S.CONFIRMED, S.DECLINED, S.EXPIRED, S.REJECTED)
            else None
        )
        decision = {S.WAITLISTED: Decision.WAITLIST, S.REJECTED: Decision.REJECT}.get(
            status, Decision.ACCEPT if released else ""
        )
        offered = released if decision == Decision.ACCEPT else None
        expires = offered + cohort.offer_days * day if offered else None
        if status == S.ACCEPTED:
            offered = self.now - rng.randint(1, 4) * day
            expires = offered + cohort.offer_days * day
        draft_step = (
            rng.choice(list(ApplicationStep)) if status == S.DRAFT else (ApplicationStep.CONSENT)
        )
        return Application(
            user=user,
            cohort=cohort,
            status=status,
            current_step=draft_step,
            birth_date=self.today - datetime.timedelta(days=rng.randint(19 * 365, 58 * 365)),
            sex=Sex.FEMALE if getattr(user, "_female", True) else Sex.MALE,
            population_group=group,
            nationality=nationality,
            document_type=document,
            city=city,
            municipality=municipality,
            phone=f"+57 3{rng.randint(0, 2)}{rng.randint(0, 9)} {rng.randint(100, 999)} "
            f"{rng.randint(1000, 9999)}",
            business_name=rng.choice(BUSINESSES[sector]).format(s=surname, f=first),
            business_stage=rng.choice(list(BusinessStage)),
            sector=sector,
            description=rng.choice(DESCRIPTIONS),
            employees=rng.randint(1, 6),
            needs=rng.sample(
                [
                    "finance",
                    "marketing",
                    "digital",
                    "legal_formalisation",
                    "sales",
                    "operations",
                    "pitching",
                ],
                2,
            ),
            languages=["es"] if rng.random() < 0.9 else ["es", "en"],
            preferred_mode=rng.choice(list(MeetingMode)),
            mentoring_preferences=rng.choice(
                [
                    "",
                    "Prefiero en la tarde.",
                    "Solo puedo los sábados.",
                    "Me sirve por videollamada.",
                ]
            ),
            motivation=rng.choice(MOTIVATIONS),
            # its own stream, so the rest of the demo stays as it was
            availability=sorted(
                random.Random(user.email).sample(Availability.values, k=2)  # noqa: S311
            ),
            consent_given_at=submitted,
            submitted_at=submitted,
            needs_document_check=document == DocumentType.IN_PROCESS and status != S.DRAFT,
            decision=decision,
            released_at=released,
            decided_at=released,
            offered_at=offered,
            offer_expires_at=expires,
            responded_at=(offered + 2 * day)
            if status in (S.CONFIRMED, S.DECLINED) and offered
            else None,
        )

    def _history(self, apps) -> None:
        rows = []
        for app in apps:
            when = app.submitted_at or app.cohort.opens_at
            path = PATHS[app.status]
            for previous, status in zip(["", *path], path, strict=False):
                rows.append(
                    ApplicationStatusChange(
                        application=app,
                        from_status=previous,
                        to_status=status,
                        at=min(when, self.now),
                        actor=None if status not in (S.DRAFT, S.SUBMITTED) else app.user,
                    )
                )
                when = when + datetime.timedelta(days=self.rng.randint(1, 6))
        ApplicationStatusChange.objects.bulk_create(rows)

    def _reviews(self, apps) -> None:
        if not self.reviewers:
            return
        reviewed = [
            a
            for a in apps
            if a.status not in (S.DRAFT, S.SUBMITTED, S.WITHDRAWN) and a.submitted_at
        ]
        assignments, per_app = [], {}
        for n, app in enumerate(reviewed):
            pair = [
                self.reviewers[n % len(self.reviewers)],
                self.reviewers[(n + 1) % len(self.reviewers)],
            ]
            pending = app.status == S.IN_REVIEW and app.cohort.closes_at > self.now
            per_app[app.pk] = []
            for k, reviewer in enumerate(pair):
                done = not pending or k == 1
                a = ReviewAssignment(
                    application=app,
                    reviewer=reviewer,
                    status=AssignmentStatus.SUBMITTED if done else AssignmentStatus.ASSIGNED,
                    submitted_at=app.submitted_at + datetime.timedelta(days=3) if done else None,
                )
                if done:
                    base = {
                        S.CONFIRMED: 4,
                        S.ACCEPTED: 4,
                        S.DECLINED: 4,
                        S.EXPIRED: 4,
                        S.WAITLISTED: 3,
                        S.REJECTED: 2,
                    }.get(app.status, 3)
                    a._values = [
                        max(1, min(5, base + self.rng.choice([-1, 0, 0, 1])))
                        for _c in self.criteria
                    ]
                    a.weighted_score = sum(
                        (
                            Decimal(c.weight) * v / 5
                            for c, v in zip(self.criteria, a._values, strict=True)
                        ),
                        Decimal(0),
                    ).quantize(Decimal("0.01"))
                    a.comment = self.rng.choice(
                        [
                            "",
                            "Buen potencial, falta orden en cuentas.",
                            "Muy clara al contar su negocio.",
                        ]
                    )
                    a.feedback = self.rng.choice(
                        ["", "Te recomendamos el módulo de finanzas del curso gratuito."]
                    )
                    per_app[app.pk].append(a.weighted_score)
                assignments.append(a)
        made = ReviewAssignment.objects.bulk_create(assignments)
        if made and made[0].pk is None:
            made = list(
                ReviewAssignment.objects.filter(
                    application__cohort__programme=self.programme
                ).order_by("pk")
            )
            for m, original in zip(made, assignments, strict=True):
                m._values = getattr(original, "_values", None)
        scores = [
            Score(assignment=a, criterion=c, value=v)
            for a in made
            if getattr(a, "_values", None)
            for c, v in zip(self.criteria, a._values, strict=True)
        ]
        Score.objects.bulk_create(scores)
        updated = []
        two = Decimal("0.01")
        for app in reviewed:
            values = sorted(per_app.get(app.pk, []))
            if not values:
                continue
            app.review_count = len(values)
            app.score_mean = (sum(values) / len(values)).quantize(two, ROUND_HALF_UP)
            mid = len(values) // 2
            median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
            app.score_median = Decimal(median).quantize(two, ROUND_HALF_UP)
            app.score_spread = values[-1] - values[0]
            app.shortlisted = app.status in (S.IN_REVIEW,) and app.score_mean >= 70
            updated.append(app)
        Application.objects.bulk_update(
            updated, ["review_count", "score_mean", "score_median", "score_spread", "shortlisted"]
        )

    def _participants(self, apps) -> None:
        confirmed = [a for a in apps if a.status == S.CONFIRMED]
        Participant.objects.bulk_create(
            [
                Participant(
                    cohort=a.cohort,
                    user=a.user,
                    application=a,
                    status=ParticipantStatus.ACTIVE,
                    joined_at=a.responded_at or self.now,
                )
                for a in confirmed
            ]
        )
        per_cohort: dict[int, int] = {}
        for a in confirmed:
            per_cohort[a.cohort_id] = per_cohort.get(a.cohort_id, 0) + 1
        for cohort in self.cohorts:
            if cohort.pk in per_cohort:
                cohort.seats_confirmed = per_cohort[cohort.pk]
        Cohort.objects.bulk_update(self.cohorts, ["seats_confirmed"])

    def _workshops(self) -> None:
        active = self.cohorts[0]
        start = datetime.datetime.combine(
            active.starts_on, datetime.time(9, 0), tzinfo=timezone.get_default_timezone()
        )
        titles = [
            "Bienvenida y modelo de negocio en una hoja",
            "Costos, precios y flujo de caja",
            "Vender por WhatsApp e Instagram",
            "Formalización: RUT, Cámara de Comercio",
            "Cómo contar tu negocio en tres minutos",
            "Ensayo general del pitch",
        ]
        workshops = Workshop.objects.bulk_create(
            [
                Workshop(
                    cohort=active,
                    title=t,
                    starts_at=start + datetime.timedelta(weeks=i),
                    location="Centro de Emprendimiento, Av. 0 # 11-21, Cúcuta",
                )
                for i, t in enumerate(titles)
            ]
        )
        participants = list(Participant.objects.filter(cohort=active))
        past = [w for w in workshops if w.starts_at < self.now]
        Attendance.objects.bulk_create(
            [
                Attendance(workshop=w, participant=p, present=self.rng.random() < 0.85)
                for w in past
                for p in participants
            ]
        )
