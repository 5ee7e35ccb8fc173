"""Factories for the mentors app."""

import datetime

import factory
from django.utils import timezone

from mentors.enums import MatchSource, MatchStatus, MentorStatus
from mentors.models import CODE_OF_CONDUCT_VERSION, Match, MentorProfile
from semilla.enums import City, MeetingMode, Role, Sector, Skill
from tests.factories import UserFactory


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """An active mentor (vetted: code of conduct accepted, interview done) holding the
    mentor role. Pass ``status=MentorStatus.APPLIED`` for a fresh applicant."""

    class Meta:
        model = MentorProfile

    user = factory.SubFactory(UserFactory, roles=[Role.MENTOR])
    status = MentorStatus.ACTIVE
    headline = "Contadora y asesora de pequeños negocios"
    expertise = factory.LazyFunction(lambda: [Skill.FINANCE.value, Skill.MARKETING.value])
    sectors = factory.LazyFunction(lambda: [Sector.FOOD.value])
    languages = factory.LazyFunction(lambda: ["es"])
    city = City.CUCUTA
    meeting_mode = MeetingMode.EITHER
    availability = factory.LazyFunction(lambda: ["weekday_afternoon"])
    capacity = 2
    bio = "Quince años llevando la contabilidad de tiendas y restaurantes en Cúcuta."
    link = "https://example.org/perfil"
    code_of_conduct_version = CODE_OF_CONDUCT_VERSION
    code_of_conduct_accepted_at = factory.LazyFunction(timezone.now)
    interview_done_at = factory.LazyFunction(timezone.now)


class MatchFactory(factory.django.DjangoModelFactory):
    """A match waiting for the mentor's answer (``status=ACCEPTED`` also counts it in the
    mentor's ``active_mentees``)."""

    class Meta:
        model = Match

    participant = factory.SubFactory("tests.factories.cohorts.ParticipantFactory")
    cohort = factory.LazyAttribute(lambda o: o.participant.cohort)
    mentor = factory.SubFactory(MentorProfileFactory)
    source = MatchSource.RUN
    status = MatchStatus.PROPOSED
    score = 60
    components = factory.LazyFunction(list)
    respond_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=5))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        match = super()._create(model_class, *args, **kwargs)
        if match.status == MatchStatus.ACCEPTED:
            MentorProfile.objects.filter(pk=match.mentor_id).update(
                active_mentees=match.mentor.active_mentees + 1
            )
            match.mentor.refresh_from_db()
        return match


def mentor_available_every_day(mentor, *, start=8, end=18, **settings):
    """Give ``mentor`` weekly availability every day from ``start`` to ``end`` (their
    own zone), no notice, no buffer by default."""
    from datetime import time

    from mentors.models import MentorProfile, WeeklyAvailability

    WeeklyAvailability.objects.bulk_create(
        [
            WeeklyAvailability(mentor=mentor, weekday=d, start_time=time(start), end_time=time(end))
            for d in range(7)
        ]
    )
    values = {
        "min_notice_hours": 0,
        "buffer_minutes": 0,
        "session_minutes": 60,
        "meeting_link": "https://meet.example.org/semilla",
        **settings,
    }
    MentorProfile.objects.filter(pk=mentor.pk).update(**values)
    mentor.refresh_from_db()
    return mentor


def make_booking(match, starts_at, **fields):
    """A booking of ``match`` for one hour from ``starts_at``, written straight to the
    table (no service rule: for tests that need past sessions or many rows fast)."""
    from mentors.models import Booking

    return Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        **fields,
    )
