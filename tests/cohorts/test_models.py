import pytest
from django.db import IntegrityError

from cohorts.models import Cohort
from tests.factories.cohorts import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.django_db


def test_application_unique_per_person_and_cohort():
    app = ApplicationFactory()
    with pytest.raises(IntegrityError):
        ApplicationFactory(user=app.user, cohort=app.cohort)


def test_cohort_seat_counter_cannot_exceed_seats():
    cohort = CohortFactory(seats=1)
    with pytest.raises(IntegrityError):
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=2)
