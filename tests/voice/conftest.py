"""The crawler asks as the same people as the permission matrices (tests/trust/conftest.py)."""

import pytest

from semilla.enums import Role
from tests.factories import make_user
from tests.factories.mentors import MentorProfileFactory


def make_people():
    return {
        "entrepreneur": make_user(Role.ENTREPRENEUR),
        "other_entrepreneur": make_user(Role.ENTREPRENEUR),
        "mentor": MentorProfileFactory().user,
        "other_mentor": MentorProfileFactory().user,
        "programme_staff": make_user(Role.STAFF),
        "finance": make_user(Role.FINANCE),
        "funder": make_user(Role.FUNDER),
        "reviewer": make_user(Role.REVIEWER),
        "other_reviewer": make_user(Role.REVIEWER),
        "judge": make_user(Role.JUDGE),
        "other_judge": make_user(Role.JUDGE),
        "anonymous": None,
    }


@pytest.fixture
def people(db):
    return make_people()
