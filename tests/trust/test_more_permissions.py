"""Permission answers of endpoints that the app suites exercise only through services:
anonymous, wrong role, wrong method and someone else's (or no) object."""

import pytest
from django.urls import reverse

from semilla.enums import Role
from tests.factories.files import pdf_bytes

pytestmark = pytest.mark.django_db


def test_action_item_toggle_anonymous_redirects_to_login(client):
    response = client.post(reverse("mentors:action_item_toggle", args=[1]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_action_item_toggle_get_is_405(client_for, entrepreneur):
    response = client_for(entrepreneur).get(reverse("mentors:action_item_toggle", args=[1]))
    assert response.status_code == 405


def test_action_item_toggle_someone_elses_item_is_404(client_for, other_entrepreneur):
    response = client_for(other_entrepreneur).post(
        reverse("mentors:action_item_toggle", args=[999999]), {"done": "1"}
    )
    assert response.status_code == 404


def test_contribute_unknown_fund_is_404(client):
    response = client.get(reverse("pitchday:contribute", args=[999999]))
    assert response.status_code == 404


def test_contribute_wrong_method_is_405(client):
    response = client.put(reverse("pitchday:contribute", args=[999999]))
    assert response.status_code == 405


def test_desk_request_payout_update_answers(client, client_for, entrepreneur, staff_user):
    url = reverse("pitchday:desk_request_payout_update", args=["SG-NOPE"])
    anonymous = client.post(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert client_for(entrepreneur).post(url).status_code == 403
    assert client_for(staff_user).get(url).status_code == 405
    assert client_for(staff_user).post(url).status_code == 404


def test_disbursement_proof_answers(client, client_for, entrepreneur, staff_user):
    url = reverse("pitchday:disbursement_proof", args=[999999])
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert client_for(entrepreneur).get(url).status_code == 403
    assert client_for(staff_user).post(url).status_code == 405
    assert client_for(staff_user).get(url).status_code == 404


def test_judge_conflict_answers(client, client_for, entrepreneur, make_user):
    url = reverse("pitchday:judge_conflict", args=[999999])
    anonymous = client.post(url)
    assert anonymous.status_code == 302
    assert client_for(entrepreneur).post(url).status_code == 403
    judge = make_user(Role.JUDGE)
    assert client_for(judge).get(url).status_code == 405
    assert client_for(judge).post(url, {"pitch": "1"}).status_code == 404


def test_use_of_funds_export_names_nobody_to_a_funder(make_user, client_for):
    """Funders read exports, nothing personal: no grantee name, no uploaded file names, not
    the grantee's own description of a receipt (the kind of evidence instead)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pitchday.services import grants as grant_services
    from tests.factories.pitchday import make_grant

    grantee = make_user(Role.ENTREPRENEUR, full_name="Ana Quintero Rojas")
    grant = make_grant(grantee=grantee, accept=True)
    grant_services.evidence_add(
        milestone=grant.tranches.get(number=2).milestone,
        user=grantee,
        uploaded=SimpleUploadedFile("soporte-zx81-quintero.pdf", pdf_bytes()),
        kind="receipt",
        description="Pago a don Efraín Quintero por el congelador",
    )
    url = reverse("pitchday:use_of_funds_export", args=[grant.reference])
    as_funder = client_for(make_user(Role.FUNDER)).get(url).content.decode()
    as_staff = client_for(make_user(Role.STAFF)).get(url).content.decode()
    assert ("Ana Quintero Rojas" in as_staff, "soporte-zx81" in as_staff) == (True, True)
    assert ("Quintero" in as_funder, "zx81" in as_funder) == (False, False)
    assert "Efraín" in as_staff
    assert "Efraín" not in as_funder
