import pytest

from tests.factories.cohorts import CohortFactory


@pytest.fixture
def cohort(db):
    return CohortFactory()
