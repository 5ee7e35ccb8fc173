"""Data sets for the reporting tests: a small one with known answers and a bulk one (built
with bulk_create) for query-count and benchmark runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from cohorts.enums import ApplicationStatus, ParticipantStatus
from cohorts.models import Application, Cohort, Participant
from semilla.enums import City, DocumentType, PopulationGroup, Sex
from semilla.models import User


@dataclass
class KnownData:
    cohort_a: Cohort
    cohort_b: Cohort
    women_a: list
    men_a: list
    women_b: list
    participants: list


def _person(n: int, prefix: str) -> User:
    return User.objects.create(email=f"{prefix}{n}@example.org", full_name=f"Persona {prefix}{n}")


def build_known_dataset() -> KnownData:
    """Eleven submitted applications (and one draft), five participants, lessons,
    certificates, mentoring pairs and two seed grants with known totals:

    - cohort A (Cúcuta): 6 Venezuelan women born 1990 with a PPT; 3 returnee men born 2000
      with a cédula; cohort B (Bogotá): 2 receptor-community women born 1960, document in
      process. One more person has only a draft.
    - participants: 4 of the A women and 1 A man; 2 completed, 1 withdrew, 2 active
      (completion rate 2 / 3 = 66.7 %).
    - lessons completed: 3 (2 by a woman of A, 1 by a man of A), 1 lesson only started.
    - certificates: 1 valid (woman of A) and 1 revoked.
    - mentoring pairs: 2 accepted (women of A), 1 only proposed.
    - grants: 2 accepted (women of A), 10,000,000.00 COP each; 1 only offered; one
      disbursement of 5,000,000.00 COP paid.
    """
    from tests.factories.cohorts import CohortFactory

    cohort_a = CohortFactory(city=City.CUCUTA, name="Cohorte A Cúcuta")
    cohort_b = CohortFactory(city=City.BOGOTA, name="Cohorte B Bogotá")
    now = timezone.now()

    def apply(user, cohort, *, sex, group, born, document, city, status=None):
        status = status or ApplicationStatus.SUBMITTED
        return Application.objects.create(
            user=user,
            cohort=cohort,
            status=status,
            sex=sex,
            population_group=group,
            birth_date=born,
            document_type=document,
            city=city,
            submitted_at=None if status == ApplicationStatus.DRAFT else now,
            business_name=f"Negocio de {user.full_name}",
            phone="+57 300 000 0000",
        )

    women_a = [_person(i, "mujer-a") for i in range(6)]
    men_a = [_person(i, "hombre-a") for i in range(3)]
    women_b = [_person(i, "mujer-b") for i in range(2)]
    applications = {}
    for user in women_a:
        applications[user.pk] = apply(
            user,
            cohort_a,
            sex=Sex.FEMALE,
            group=PopulationGroup.VENEZUELAN_MIGRANT,
            born=datetime.date(1990, 3, 1),
            document=DocumentType.PPT,
            city=City.CUCUTA,
        )
    for user in men_a:
        applications[user.pk] = apply(
            user,
            cohort_a,
            sex=Sex.MALE,
            group=PopulationGroup.COLOMBIAN_RETURNEE,
            born=datetime.date(2000, 3, 1),
            document=DocumentType.CEDULA,
            city=City.CUCUTA,
        )
    for user in women_b:
        applications[user.pk] = apply(
            user,
            cohort_b,
            sex=Sex.FEMALE,
            group=PopulationGroup.RECEPTOR_COMMUNITY,
            born=datetime.date(1960, 3, 1),
            document=DocumentType.IN_PROCESS,
            city=City.BOGOTA,
        )
    drafter = _person(0, "borrador")
    apply(
        drafter,
        cohort_a,
        sex=Sex.MALE,
        group=PopulationGroup.RECEPTOR_COMMUNITY,
        born=datetime.date(1985, 3, 1),
        document=DocumentType.CEDULA,
        city=City.CUCUTA,
        status=ApplicationStatus.DRAFT,
    )

    participants = []
    statuses = [
        ParticipantStatus.COMPLETED,
        ParticipantStatus.COMPLETED,
        ParticipantStatus.WITHDRAWN,
        ParticipantStatus.ACTIVE,
    ]
    for user, status in zip(women_a[:4], statuses, strict=True):
        Application.objects.filter(pk=applications[user.pk].pk).update(
            status=ApplicationStatus.CONFIRMED
        )
        participants.append(
            Participant.objects.create(
                cohort=cohort_a, user=user, application=applications[user.pk], status=status
            )
        )
    Application.objects.filter(pk=applications[men_a[0].pk].pk).update(
        status=ApplicationStatus.CONFIRMED
    )
    participants.append(
        Participant.objects.create(
            cohort=cohort_a, user=men_a[0], application=applications[men_a[0].pk]
        )
    )
    Cohort.objects.filter(pk=cohort_a.pk).update(seats_confirmed=5)
    return KnownData(
        cohort_a=cohort_a,
        cohort_b=cohort_b,
        women_a=women_a,
        men_a=men_a,
        women_b=women_b,
        participants=participants,
    )


def add_learning(data: KnownData) -> None:
    from curriculum.enums import CertificateStatus
    from curriculum.models import Certificate, LessonProgress
    from tests.factories.curriculum import load_course

    loaded = load_course("curso-reportes", modules=1, lessons=3)
    lessons = loaded.lessons
    now = timezone.now()
    woman, man = data.women_a[0], data.men_a[0]
    for lesson in lessons[:2]:
        LessonProgress.objects.create(
            user=woman, lesson=lesson, course=loaded.course, last_seen_at=now, completed_at=now
        )
    LessonProgress.objects.create(
        user=man, lesson=lessons[0], course=loaded.course, last_seen_at=now, completed_at=now
    )
    LessonProgress.objects.create(
        user=man, lesson=lessons[1], course=loaded.course, last_seen_at=now
    )
    Certificate.objects.create(
        user=woman, course=loaded.course, course_title="Curso", recipient_name=woman.full_name
    )
    Certificate.objects.create(
        user=data.women_a[1],
        course=loaded.course,
        course_title="Curso",
        recipient_name=data.women_a[1].full_name,
        status=CertificateStatus.REVOKED,
        revoked_at=now,
    )


def add_mentoring(data: KnownData) -> None:
    from mentors.enums import MatchStatus
    from tests.factories.mentors import MatchFactory

    MatchFactory(participant=data.participants[0], status=MatchStatus.ACCEPTED)
    MatchFactory(participant=data.participants[1], status=MatchStatus.ACCEPTED)
    MatchFactory(participant=data.participants[2], status=MatchStatus.PROPOSED)


def add_grants(data: KnownData) -> None:
    from pitchday.enums import RailCode
    from pitchday.services import disbursements as pay
    from semilla.enums import Role
    from tests.factories import make_user
    from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

    staff = make_user(Role.STAFF)
    finance = make_user(Role.FINANCE)
    fund = make_fund(actor=finance)
    first = make_grant(
        fund=fund,
        grantee=data.women_a[0],
        amount=10_000_000_00,
        accept=True,
        actor=staff,
        percentages=(50, 50),
    )
    make_grant(fund=fund, grantee=data.women_a[1], amount=10_000_000_00, accept=True, actor=staff)
    make_grant(fund=fund, grantee=data.women_a[2], amount=7_000_000_00, actor=staff)
    # the first tranche paid in cash through the services (so the ledger books it)
    make_confirmed_details(data.women_a[0], rail=RailCode.CASH)
    tranche = first.tranches.order_by("number").first()
    disbursement = pay.disbursement_request(tranche=tranche, actor=staff)
    pay.disbursement_approve(disbursement=disbursement, actor=finance)
    pay.disbursement_execute(disbursement_id=disbursement.pk)
    pay.disbursement_record_payment(disbursement=disbursement, actor=finance, reference="R-1")


def bulk_applicants(count: int, *, cohort: Cohort | None = None, prefix: str = "bulk") -> Cohort:
    """``count`` people with a submitted application (half of them participants), inserted
    with bulk_create so that 10,000 take seconds."""
    from tests.factories.cohorts import CohortFactory

    cohort = cohort or CohortFactory(city=City.CALI, seats=count + 10)
    now = timezone.now()
    users = User.objects.bulk_create(
        [
            User(email=f"{prefix}{n}@example.org", full_name=f"Persona {n}", password="!")
            for n in range(count)
        ],
        batch_size=2000,
    )
    if not users[0].pk:
        users = list(User.objects.filter(email__startswith=prefix).order_by("pk"))
    sexes = [Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNDISCLOSED]
    groups = list(PopulationGroup.values)
    documents = [DocumentType.PPT, DocumentType.CEDULA, DocumentType.IN_PROCESS, DocumentType.NONE]
    cities = list(City.values)
    applications = Application.objects.bulk_create(
        [
            Application(
                user=user,
                cohort=cohort,
                status=ApplicationStatus.SUBMITTED,
                sex=sexes[n % 4],
                population_group=groups[n % 3],
                birth_date=datetime.date(1960 + n % 40, 1 + n % 12, 1),
                document_type=documents[n % 4],
                city=cities[n % 8],
                submitted_at=now,
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    if not applications[0].pk:
        applications = list(Application.objects.filter(cohort=cohort).order_by("pk"))
    Participant.objects.bulk_create(
        [
            Participant(
                cohort=cohort,
                user_id=a.user_id,
                application_id=a.pk,
                status=ParticipantStatus.COMPLETED if n % 4 == 0 else ParticipantStatus.ACTIVE,
            )
            for n, a in enumerate(applications)
            if n % 2 == 0
        ],
        batch_size=2000,
    )
    return cohort


def add_pitches(data: KnownData) -> None:
    """Two submitted pitches (a woman and a man of cohort A) and one draft."""
    from pitchday.models import Pitch
    from tests.factories.pitchday import make_event, make_pitch

    event = make_event(cohort=data.cohort_a)
    make_pitch(event, participant=data.participants[0])
    make_pitch(event, participant=data.participants[4])
    draft = make_pitch(event, participant=data.participants[1])
    Pitch.objects.filter(pk=draft.pk).update(status="draft", submitted_at=None)
