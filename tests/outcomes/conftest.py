import pytest

from outcomes.enums import WaveKind
from tests.factories.cohorts import ParticipantFactory
from tests.factories.outcomes import ended_cohort, make_response


@pytest.fixture
def cohort(db):
    return ended_cohort()


@pytest.fixture
def participant(cohort):
    return ParticipantFactory(cohort=cohort)


@pytest.fixture
def response(participant):
    """A pending 6-month follow-up of a cohort that ended six months ago (open today)."""
    return make_response(participant=participant, kind=WaveKind.MONTH_6)
