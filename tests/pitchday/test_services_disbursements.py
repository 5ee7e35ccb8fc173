import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from pitchday.enums import DisbursementStatus, EntryKind, GrantStatus, RailCode, TrancheStatus
from pitchday.models import Disbursement, LedgerEntry
from pitchday.money import fund_balance
from pitchday.services import InvalidTransition, ServiceError
from pitchday.services import disbursements as svc
from pitchday.services import grants as grant_svc
from semilla.enums import Role
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

PDF = pdf_bytes()


@pytest.fixture
def requested(entrepreneur, staff_user):
    """A requested disbursement of tranche 1; grantee paid by Nequi (recorded rail)."""
    grant = make_grant(grantee=entrepreneur, accept=True, amount=1_000_000_00)
    make_confirmed_details(entrepreneur, rail=RailCode.NEQUI)
    tranche = grant.tranches.get(number=1)
    return svc.disbursement_request(tranche=tranche, actor=staff_user)


def _payments(disbursement):
    return LedgerEntry.objects.filter(
        disbursement=disbursement, kind=EntryKind.DISBURSEMENT
    ).count()


@pytest.mark.django_db
def test_recorded_rail_flow_pays_once(
    requested, finance_user, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        svc.disbursement_approve(disbursement=requested, actor=finance_user)
    requested.refresh_from_db()
    assert requested.status == DisbursementStatus.PROCESSING
    assert _payments(requested) == 0
    svc.disbursement_record_payment(
        disbursement=requested,
        actor=finance_user,
        reference="NEQUI-778899",
        proof=SimpleUploadedFile("comprobante.pdf", PDF, "application/pdf"),
    )
    requested.refresh_from_db()
    assert (requested.status, requested.provider_reference) == ("paid", "NEQUI-778899")
    assert requested.tranche.status == TrancheStatus.PAID
    assert _payments(requested) == 1
    with pytest.raises(InvalidTransition):
        svc.disbursement_record_payment(
            disbursement=requested, actor=finance_user, reference="again"
        )
    assert _payments(requested) == 1
    assert fund_balance(fund=requested.tranche.grant.fund).paid_out == requested.amount


@pytest.mark.django_db
def test_requester_cannot_approve(make_user, entrepreneur):
    both = make_user(Role.STAFF, Role.FINANCE)
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=both)
    with pytest.raises(ServiceError):
        svc.disbursement_approve(disbursement=disbursement, actor=both)
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.REQUESTED


@pytest.mark.django_db
def test_database_refuses_requester_as_approver(requested):
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.filter(pk=requested.pk).update(
            status=DisbursementStatus.APPROVED, approved_by=requested.requested_by
        )


@pytest.mark.django_db
def test_staff_cannot_approve_and_finance_cannot_request(requested, staff_user, finance_user):
    other_staff = type(staff_user).objects.get(pk=staff_user.pk)
    with pytest.raises(ServiceError):
        svc.disbursement_approve(disbursement=requested, actor=other_staff)
    with pytest.raises(ServiceError):
        svc.disbursement_request(tranche=requested.tranche, actor=finance_user)


@pytest.mark.django_db
def test_one_live_disbursement_per_tranche(requested, staff_user):
    requested.tranche.refresh_from_db()
    with pytest.raises(ServiceError):
        svc.disbursement_request(tranche=requested.tranche, actor=staff_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.create(
            tranche=requested.tranche,
            amount=1,
            currency="COP",
            idempotency_key="other",
            requested_by=staff_user,
        )


@pytest.mark.django_db
def test_locked_tranche_cannot_be_requested(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True)
    with pytest.raises(ServiceError):
        svc.disbursement_request(tranche=grant.tranches.get(number=2), actor=staff_user)


@pytest.mark.django_db
def test_approval_needs_confirmed_payout_details(entrepreneur, staff_user, finance_user):
    grant = make_grant(grantee=entrepreneur, accept=True)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    with pytest.raises(ServiceError):
        svc.disbursement_approve(disbursement=disbursement, actor=finance_user)


@pytest.mark.django_db
def test_new_payout_details_send_approved_payment_back_for_approval(
    requested, finance_user, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    svc.disbursement_approve(disbursement=requested, actor=finance_user)  # task not run yet
    with django_capture_on_commit_callbacks(execute=True):
        grant_svc.payout_details_submit(
            user=entrepreneur, rail=RailCode.DAVIPLATA, holder_name="Y", phone="3205556677"
        )
    code = __import__("re").search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)
    grant_svc.payout_details_confirm(user=entrepreneur, code=code)
    requested.refresh_from_db()
    assert (requested.status, requested.approved_by_id) == ("requested", None)
    svc.disbursement_execute(disbursement_id=requested.pk)
    requested.refresh_from_db()
    assert requested.status == DisbursementStatus.REQUESTED


@pytest.mark.django_db
def test_cancel_returns_tranche_to_payable(requested, finance_user):
    svc.disbursement_cancel(disbursement=requested, actor=finance_user, note="Datos errados")
    requested.refresh_from_db()
    assert requested.status == DisbursementStatus.CANCELLED
    assert requested.tranche.status == TrancheStatus.PAYABLE


@pytest.mark.django_db
def test_budget_never_over_committed_by_grants():
    fund = make_fund(budget=1_000_00)
    make_grant(fund=fund, amount=600_00)
    for _ in range(3):
        grant = make_grant(fund=fund, amount=300_00, offer=False)
        try:
            grant_svc.grant_offer(grant=grant, actor=grant.created_by)
        except ServiceError:
            pass
    summary = fund_balance(fund=fund)
    assert summary.committed == 900_00
    assert summary.available == 100_00
    assert summary.available >= 0


@pytest.mark.django_db
def test_completed_when_every_tranche_paid(entrepreneur, staff_user, finance_user):
    grant = make_grant(grantee=entrepreneur, accept=True, percentages=(100,))
    make_confirmed_details(entrepreneur)
    d = svc.disbursement_request(tranche=grant.tranches.get(), actor=staff_user)
    svc.disbursement_approve(disbursement=d, actor=finance_user)
    svc.disbursement_execute(disbursement_id=d.pk)
    svc.disbursement_record_payment(disbursement=d, actor=finance_user, reference="TRF-1")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.COMPLETED
    assert fund_balance(fund=grant.fund).committed == 0
