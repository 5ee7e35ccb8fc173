"""The desk's milestone review: an invalid note re-renders the milestone's page with the
note's error in the reader's language and reviews nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from pitchday.enums import MilestoneStatus, TrancheStatus
from pitchday.forms.grants import MilestoneReviewForm, NoteForm
from pitchday.services import grants as grant_svc
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_grant

pytestmark = pytest.mark.django_db

TOO_LONG = "n" * 301


@pytest.fixture
def submitted(entrepreneur):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    grant_svc.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        kind="receipt",
        uploaded=SimpleUploadedFile("f.pdf", pdf_bytes(), "application/pdf"),
    )
    grant_svc.milestone_submit(milestone=milestone, user=entrepreneur, report="Compré el horno.")
    return milestone


def _error(language: str) -> str:
    with translation.override(language):
        return str(NoteForm({"note": TOO_LONG}).errors["note"][0])


def _review_url(milestone, language: str) -> str:
    with translation.override(language):
        return reverse("pitchday:desk_milestone_review", args=[milestone.pk])


@pytest.mark.parametrize("language", ["es", "en"])
def test_milestone_review_with_an_invalid_note_shows_the_error_and_reviews_nothing(
    language, submitted, client_for, staff_user
):
    response = client_for(staff_user).post(
        _review_url(submitted, language), {"decision": "approve", "note": TOO_LONG}
    )
    html = response.content.decode()
    submitted.refresh_from_db()
    submitted.tranche.refresh_from_db()
    assert response.status_code == 200
    assert html.count(f"<li>{_error(language)}</li>") == 1
    assert _error("es") != _error("en")
    assert f">{TOO_LONG}</textarea>" in html
    assert (submitted.status, submitted.reviewed_by_id, submitted.review_note) == (
        MilestoneStatus.SUBMITTED,
        None,
        "",
    )
    assert submitted.tranche.status != TrancheStatus.PAYABLE


def test_milestone_review_with_a_valid_note_reviews(submitted, client_for, staff_user):
    response = client_for(staff_user).post(
        _review_url(submitted, "es"), {"decision": "changes", "note": "Falta la factura."}
    )
    submitted.refresh_from_db()
    assert response.status_code == 302
    assert (submitted.status, submitted.review_note) == (
        MilestoneStatus.CHANGES_REQUESTED,
        "Falta la factura.",
    )


def test_milestone_review_approve_makes_the_tranche_payable(submitted, client_for, staff_user):
    response = client_for(staff_user).post(_review_url(submitted, "es"), {"decision": "approve"})
    submitted.refresh_from_db()
    submitted.tranche.refresh_from_db()
    assert response.status_code == 302
    assert (submitted.status, submitted.tranche.status) == (
        MilestoneStatus.APPROVED,
        TrancheStatus.PAYABLE,
    )


def _decision_error(language: str, value) -> str:
    data = {"note": ""} if value is None else {"note": "", "decision": value}
    with translation.override(language):
        return str(MilestoneReviewForm(data).errors["decision"][0])


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("decision", [None, "", "reject", "APPROVE"])
def test_milestone_review_without_a_known_decision_shows_the_error_and_reviews_nothing(
    language, decision, submitted, client_for, staff_user
):
    """Only the two buttons decide: a post without one (or with another value) is not
    taken as "ask for changes"."""
    data = {"note": "Revisado"} if decision is None else {"note": "Revisado", "decision": decision}
    response = client_for(staff_user).post(_review_url(submitted, language), data)
    html = response.content.decode()
    submitted.refresh_from_db()
    assert response.status_code == 200
    assert html.count(f"<li>{_decision_error(language, decision)}</li>") == 1
    assert _decision_error("es", decision) != _decision_error("en", decision)
    assert ">Revisado</textarea>" in html
    assert (submitted.status, submitted.reviewed_by_id) == (MilestoneStatus.SUBMITTED, None)
