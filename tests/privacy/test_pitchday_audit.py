"""Staff screens of the grants desk that show payout details (or files that do) write an
access-audit row per person: who, when, what, why, never the value."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from pitchday.enums import RailCode
from pitchday.services import disbursements as disbursement_services
from pitchday.services import grants as grant_services
from semilla.enums import Role
from semilla.privacy.models import AccessAudit
from semilla.upload_pipeline import clean_pdf
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
ACCOUNT = "98765432109"


def _close(response):
    """Close a streamed file response without the request_finished signal closing the
    test's database connection (what Django's test client does internally)."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def _approved(staff, finance, *, fund=None):
    """A payment requested by staff and approved by finance: from approval on, it carries
    the grantee's payout details (a bank transfer, recorded by hand)."""
    grant = make_grant(fund=fund or make_fund(), accept=True)
    make_confirmed_details(grant.grantee, rail=RailCode.BANK_TRANSFER, account_number=ACCOUNT)
    disbursement = disbursement_services.disbursement_request(
        tranche=grant.tranches.get(number=1), actor=staff
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        disbursement_services.disbursement_approve(disbursement=disbursement, actor=finance)
    disbursement.refresh_from_db()
    assert disbursement.payout_details_id is not None
    return disbursement


def _paid_with_proof(staff, finance, other_finance):
    disbursement = _approved(staff, finance)
    disbursement_services.disbursement_record_payment(
        disbursement=disbursement,
        actor=other_finance,
        reference="TRF-001",
        proof=SimpleUploadedFile("comprobante.pdf", PDF, "application/pdf"),
    )
    disbursement.refresh_from_db()
    return disbursement


def test_payments_desk_audits_each_payee(client_for, staff_user, finance_user):
    first = _approved(staff_user, finance_user)
    second = _approved(staff_user, finance_user)
    response = client_for(finance_user).get(reverse("pitchday:desk_disbursements"))
    assert response.status_code == 200
    assert "•••••••2109" in response.content.decode()  # the masked account is on screen
    rows = AccessAudit.objects.order_by("subject_id")
    payees = sorted([first.tranche.grant.grantee_id, second.tranche.grant.grantee_id])
    assert [r.subject_id for r in rows] == payees
    for row in rows:
        assert (row.actor, row.model, row.fields, row.reason, row.path) == (
            finance_user,
            "pitchday.disbursement",
            ["holder_name", "payout_details"],
            "payments desk",
            "/es/pitch/gestion/desembolsos/",
        )
        assert ACCOUNT[-4:] not in f"{row.fields} {row.reason} {row.object_id} {row.path}"


def test_payments_desk_audit_keeps_the_filter_in_the_path(client_for, staff_user, finance_user):
    disbursement = _approved(staff_user, finance_user)
    client_for(staff_user).get(reverse("pitchday:desk_disbursements"), {"status": "processing"})
    row = AccessAudit.objects.get()
    assert row.subject_id == disbursement.tranche.grant.grantee_id
    assert row.path == "/es/pitch/gestion/desembolsos/?status=processing"


def test_payments_desk_without_payout_details_writes_nothing(client_for, staff_user):
    """Before approval a payment has no payout details, and the list shows none."""
    grant = make_grant(accept=True)
    make_confirmed_details(grant.grantee, rail=RailCode.BANK_TRANSFER, account_number=ACCOUNT)
    disbursement_services.disbursement_request(
        tranche=grant.tranches.get(number=1), actor=staff_user
    )
    response = client_for(staff_user).get(reverse("pitchday:desk_disbursements"))
    assert response.status_code == 200
    assert "2109" not in response.content.decode()
    assert AccessAudit.objects.count() == 0


def test_payments_desk_refused_writes_nothing(
    client_for, staff_user, finance_user, entrepreneur, funder_user
):
    _approved(staff_user, finance_user)
    url = reverse("pitchday:desk_disbursements")
    assert client_for(None).get(url).status_code == 302
    assert client_for(entrepreneur).get(url).status_code == 403
    assert client_for(funder_user).get(url).status_code == 403
    assert AccessAudit.objects.count() == 0


def test_payments_desk_audit_query_count_constant(
    client_for, staff_user, finance_user, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fund = make_fund()
    client = client_for(finance_user)
    _approved(staff_user, finance_user, fund=fund)
    client.get(reverse("pitchday:desk_disbursements"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("pitchday:desk_disbursements"))
    for _ in range(4):
        _approved(staff_user, finance_user, fund=fund)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("pitchday:desk_disbursements"))
    assert AccessAudit.objects.count() == 1 + 1 + 5


def test_proof_of_payment_download_audited(client_for, staff_user, finance_user, make_user):
    disbursement = _paid_with_proof(staff_user, finance_user, make_user(Role.FINANCE))
    AccessAudit.objects.all().delete()
    url = reverse("pitchday:disbursement_proof", args=[disbursement.pk])
    response = client_for(staff_user).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == clean_pdf(PDF)  # as the pipeline stored it
    _close(response)
    row = AccessAudit.objects.get()
    assert (row.actor, row.subject_id, row.model, row.object_id, row.fields, row.path) == (
        staff_user,
        disbursement.tranche.grant.grantee_id,
        "pitchday.disbursement",
        str(disbursement.pk),
        ["payment_proof"],
        url,
    )


def test_proof_of_payment_refused_writes_nothing(client_for, staff_user, finance_user, make_user):
    disbursement = _paid_with_proof(staff_user, finance_user, make_user(Role.FINANCE))
    grantee = disbursement.tranche.grant.grantee
    url = reverse("pitchday:disbursement_proof", args=[disbursement.pk])
    assert client_for(None).get(url).status_code == 302
    assert client_for(grantee).get(url).status_code == 403
    assert AccessAudit.objects.count() == 0


def test_evidence_download_by_staff_audited_not_by_the_grantee(
    client_for, entrepreneur, staff_user, other_entrepreneur
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    evidence = grant_services.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        uploaded=SimpleUploadedFile("factura.pdf", PDF, "application/pdf"),
        kind="receipt",
        description="",
        amount_spent=None,
        budget_line=None,
    )
    url = reverse("pitchday:evidence_file", args=[evidence.pk])
    response = client_for(entrepreneur).get(url)
    assert response.status_code == 200
    _close(response)
    assert AccessAudit.objects.count() == 0
    assert client_for(other_entrepreneur).get(url).status_code == 404
    assert AccessAudit.objects.count() == 0
    response = client_for(staff_user).get(url)
    assert response.status_code == 200
    _close(response)
    row = AccessAudit.objects.get()
    assert (row.actor, row.subject, row.model, row.object_id, row.fields) == (
        staff_user,
        entrepreneur,
        "pitchday.evidence",
        str(evidence.pk),
        ["evidence_file"],
    )


def test_disbursement_inspect_view_shows_no_payout_details(client_for, staff_user, finance_user):
    disbursement = _approved(staff_user, finance_user)
    response = client_for(staff_user).get(reverse("disbursement:inspect", args=[disbursement.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "•••••••2109" not in body
    assert disbursement.tranche.grant.reference in body
