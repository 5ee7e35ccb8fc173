"""The console's conflict-of-interest form: an invalid declaration (or one the service
refuses) shows the form again with the error in the page's language and changes
nothing."""

import pytest
from django.urls import reverse

from cohorts import services
from cohorts.enums import ApplicationStatus, AssignmentStatus
from cohorts.models import ReviewAssignment, ReviewerConflict
from semilla.enums import Role
from semilla.errors import ServiceError
from tests.factories.cohorts import ApplicationFactory, ReviewAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(make_user, cohort):
    reviewer = make_user(Role.REVIEWER)
    ReviewAssignmentFactory(
        reviewer=reviewer,
        application=ApplicationFactory(
            cohort=cohort, business_name="Taller El Tornillo", status=ApplicationStatus.IN_REVIEW
        ),
    )
    return reviewer


def _unchanged():
    assert ReviewerConflict.objects.count() == 0
    assert list(ReviewAssignment.objects.values_list("status", flat=True)) == [
        AssignmentStatus.ASSIGNED
    ]


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        (
            {"kind": "business", "business_name": "---"},
            "business_name",
            "Escribe el nombre del negocio.",
        ),
        (
            {"kind": "text", "text": "!!!"},
            "text",
            "Escribe un nombre completo, el nombre de un negocio o un correo electrónico.",
        ),
    ],
)
def test_console_conflict_with_nothing_to_match_shows_the_form_again(
    make_user, client_for, assigned, data, field, error
):
    client = client_for(make_user(Role.STAFF))
    payload = {"reviewer": assigned.pk, "business_name": "", "text": "", "reason": "", **data}
    response = client.post(reverse("cohorts_conflict:add"), payload)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [error]
    assert error in response.content.decode()
    _unchanged()


def test_console_conflict_refused_by_the_service_shows_the_form_again(
    make_user, client_for, assigned, monkeypatch
):
    def refuse(**kwargs):
        raise ServiceError("Esta persona no puede revisar.")

    monkeypatch.setattr(services, "conflict_save", refuse)
    client = client_for(make_user(Role.STAFF))
    payload = {"reviewer": assigned.pk, "kind": "business", "business_name": "Taller El Tornillo"}
    response = client.post(reverse("cohorts_conflict:add"), {**payload, "text": "", "reason": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Esta persona no puede revisar."]
    assert "Esta persona no puede revisar." in response.content.decode()
    _unchanged()
