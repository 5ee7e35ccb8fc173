import pytest


@pytest.fixture
def cohort(db):
    from tests.factories.cohorts import CohortFactory

    return CohortFactory()


@pytest.fixture
def make_participant(cohort):
    from tests.factories.cohorts import ParticipantFactory

    def _make(**application):
        participant = ParticipantFactory(cohort=cohort)
        if application:
            for name, value in application.items():
                setattr(participant.application, name, value)
            participant.application.save()
        return participant

    return _make


@pytest.fixture
def make_mentor(db):
    from tests.factories.mentors import MentorProfileFactory

    return MentorProfileFactory
