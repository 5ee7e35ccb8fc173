import pytest
from django.db import IntegrityError

from cohorts.models import Cohort
from cohorts.selectors import participant_profiles_for_matching
from tests.factories.cohorts import ApplicationFactory, CohortFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def test_application_unique_per_person_and_cohort():
    app = ApplicationFactory()
    with pytest.raises(IntegrityError):
        ApplicationFactory(user=app.user, cohort=app.cohort)


def test_cohort_seat_counter_cannot_exceed_seats():
    cohort = CohortFactory(seats=1)
    with pytest.raises(IntegrityError):
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=2)


def test_participant_profiles_for_matching_lists_active_participants():
    participant = ParticipantFactory()
    profiles = participant_profiles_for_matching(cohort=participant.cohort)
    assert [(p.participant_id, p.needs, p.languages, p.city) for p in profiles] == [
        (participant.pk, ("finance", "marketing"), ("es",), "cucuta")
    ]
