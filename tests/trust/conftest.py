"""Fixtures shared by the trust tests."""

import pytest

from semilla.enums import Role
from tests.factories.mentors import MentorProfileFactory


@pytest.fixture
def people(make_user):
    """One account per role the permission matrices ask about, two where a test needs
    "someone else" of the same role; ``anonymous`` is nobody signed in."""
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
