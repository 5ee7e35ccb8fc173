import pytest

from tests.factories.curriculum import load_course


@pytest.fixture
def short_course(db):
    """One module, two lessons with a one-question quiz each, in Spanish and English."""
    return load_course()


@pytest.fixture
def learner(make_user):
    from semilla.enums import Role

    return make_user(Role.ENTREPRENEUR, full_name="Yuleisy Rodríguez")
