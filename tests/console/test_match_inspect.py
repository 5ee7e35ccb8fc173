"""The console's view of a match explains its score in words (the table the mentee and the
mentor see), never the stored JSON."""

import html
import re

import pytest
from django.urls import reverse

from semilla.enums import Role
from tests.factories import make_user
from tests.factories.mentors import MatchFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_match_inspect_explains_the_score_in_words(client):
    client.force_login(make_user(Role.STAFF, is_superuser=True, full_name="Equipo"))
    match = MatchFactory(
        score=40,
        components=[
            {"code": "sector", "points": 25, "max": 25, "detail": {"sector": "food", "hit": True}},
            {"code": "location", "points": 15, "max": 20, "detail": {"how": "virtual"}},
        ],
    )
    response = client.get(reverse("match:inspect", args=[match.pk]))
    assert response.status_code == 200
    text = _text(response)
    assert "25 / 25" in text
    assert "15 / 20" in text
    assert "Ambos pueden reunirse por videollamada." in text
    assert "{'code'" not in text
    assert "'detail'" not in text
