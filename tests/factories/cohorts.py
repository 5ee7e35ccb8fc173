"""Factories for cohorts: programmes, cohorts, rubrics, applications, participants."""

import datetime

import factory
from django.utils import timezone

from cohorts.enums import ApplicationStatus, ApplicationStep, BusinessStage, Nationality
from cohorts.models import (
    Application,
    Cohort,
    Criterion,
    Participant,
    Programme,
    ReviewAssignment,
    Rubric,
)
from semilla.enums import City, DocumentType, MeetingMode, PopulationGroup, Role, Sector, Sex
from tests.factories import UserFactory, make_user


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programa Semilla {n}")
    description = "Aceleración para emprendimientos de personas migrantes y de acogida."
    funder_name = "Fundación Ejemplo"


class RubricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rubric
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Rúbrica {n}")
    scale_max = 5

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        """By default three criteria weighing 50/30/20; pass ``criteria=[]`` for none."""
        if not create:
            return
        specs = (
            extracted
            if extracted is not None
            else [
                ("Potencial del negocio", 50),
                ("Compromiso", 30),
                ("Impacto en la comunidad", 20),
            ]
        )
        for order, (name, weight) in enumerate(specs):
            Criterion.objects.create(
                rubric=self,
                name=name,
                weight=weight,
                sort_order=order,
                guidance=f"Cómo puntuar: {name.lower()}.",
            )


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Cohorte {n} Cúcuta")
    slug = factory.Sequence(lambda n: f"cohorte-{n}")
    description = "Doce semanas de talleres, mentoría y pitch."
    city = City.CUCUTA
    language = "es"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=40))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=84))
    seats = 20
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    rubric = factory.SubFactory(RubricFactory)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete application; ``status`` defaults to submitted."""

    class Meta:
        model = Application

    user = factory.SubFactory(UserFactory, roles=[Role.ENTREPRENEUR])
    cohort = factory.SubFactory(CohortFactory)
    status = ApplicationStatus.SUBMITTED
    current_step = ApplicationStep.CONSENT
    birth_date = datetime.date(1990, 5, 17)
    sex = Sex.FEMALE
    population_group = PopulationGroup.VENEZUELAN_MIGRANT
    nationality = Nationality.VENEZUELAN
    document_type = DocumentType.PPT
    city = City.CUCUTA
    municipality = "Villa del Rosario"
    phone = "+57 300 123 4567"
    business_name = factory.Sequence(lambda n: f"Arepas La Guaira {n}")
    business_stage = BusinessStage.EARLY
    sector = Sector.FOOD
    description = "Vendemos arepas y empanadas en el barrio, con domicilios por WhatsApp."
    needs = factory.LazyFunction(lambda: ["finance", "marketing"])
    languages = factory.LazyFunction(lambda: ["es"])
    preferred_mode = MeetingMode.EITHER
    mentoring_preferences = "Prefiero reuniones en la tarde."
    motivation = "Quiero formalizar el negocio y contratar a dos personas."
    consent_given_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == ApplicationStatus.DRAFT else timezone.now()
    )
    offer_expires_at = factory.LazyAttribute(
        lambda o: (
            timezone.now() + datetime.timedelta(days=7)
            if o.status == ApplicationStatus.ACCEPTED
            else None
        )
    )


class DraftApplicationFactory(ApplicationFactory):
    status = ApplicationStatus.DRAFT
    current_step = ApplicationStep.ABOUT
    consent_given_at = None


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    application = factory.SubFactory(ApplicationFactory)
    #: a reviewer with TOTP set up (the reviewer area requires it)
    reviewer = factory.LazyFunction(lambda: make_user(Role.REVIEWER))


class ParticipantFactory(factory.django.DjangoModelFactory):
    """An active participant with a confirmed application (seat counted on the cohort)."""

    class Meta:
        model = Participant

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory, roles=[Role.ENTREPRENEUR])
    application = factory.LazyAttribute(
        lambda o: ApplicationFactory(
            user=o.user, cohort=o.cohort, status=ApplicationStatus.CONFIRMED
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        cohort = kwargs["cohort"]
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=cohort.seats_confirmed + 1)
        cohort.refresh_from_db(fields=["seats_confirmed"])
        return super()._create(model_class, *args, **kwargs)
