"""Separation of duties around seed grants (issue 15, finding 4): nobody who runs, pays,
reviews or judges grants receives one; a grant's grantee never creates it nor requests,
approves or records its payments; the requester of a payment does not record it. The
services refuse with a translated message and the database refuses what gets past them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from pitchday.enums import DisbursementStatus, RailCode
from pitchday.models import Disbursement, Grant, Judge
from pitchday.services import ServiceError
from pitchday.services import disbursements as pay
from pitchday.services import grants as grant_svc
from semilla.enums import Role
from semilla.services import user_grant_role
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_confirmed_details, make_event, make_fund, make_grant

OWN_GRANT = "Este capital semilla es tuyo: otra persona debe gestionar sus pagos."
ROLE_HOLDER = (
    "Esta persona tiene un rol de equipo del programa, finanzas, evaluación o jurado, así "
    "que no puede recibir capital semilla."
)


def _specs(amount=1_000_00):
    return [grant_svc.TrancheSpec(amount, "Firma")]


@pytest.fixture
def processing(make_user, entrepreneur, staff_user):
    """A manual (Nequi) payment in processing: requested by staff, approved by finance."""
    grant = make_grant(grantee=entrepreneur, accept=True, amount=1_000_000_00)
    make_confirmed_details(entrepreneur, rail=RailCode.NEQUI)
    disbursement = pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    pay.disbursement_approve(disbursement=disbursement, actor=make_user(Role.FINANCE))
    return pay.disbursement_execute(disbursement_id=disbursement.pk)


# --- who may be a grantee --------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_cannot_award_a_grant_to_themselves(staff_user):
    fund = make_fund()
    with pytest.raises(ServiceError) as error:
        grant_svc.grant_create_by_staff(
            fund=fund,
            grantee=staff_user,
            business_name="Mi negocio",
            amount=1_000_00,
            percentages=[100],
            actor=staff_user,
            offer=True,
        )
    assert error.value.message == "No puedes otorgarte un capital semilla a ti mismo."
    assert Grant.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.STAFF, Role.FINANCE, Role.REVIEWER, Role.JUDGE])
def test_grant_to_a_role_holder_is_refused(make_user, staff_user, role):
    fund = make_fund()
    with pytest.raises(ServiceError) as error:
        grant_svc.grant_create(
            fund=fund,
            grantee=make_user(Role.ENTREPRENEUR, role),
            business_name="Negocio",
            amount=1_000_00,
            tranches=_specs(),
            actor=staff_user,
        )
    assert error.value.message == ROLE_HOLDER
    assert Grant.objects.count() == 0


@pytest.mark.django_db
def test_grant_to_a_superuser_is_refused(make_user, staff_user):
    with pytest.raises(ServiceError):
        make_grant(grantee=make_user(is_superuser=True), actor=staff_user)
    assert Grant.objects.count() == 0


@pytest.mark.django_db
def test_judge_of_an_event_of_the_fund_cannot_receive_its_grants(
    make_user, staff_user, entrepreneur
):
    event = make_event(fund=make_fund())
    Judge.objects.create(event=event, user=entrepreneur)
    with pytest.raises(ServiceError):
        make_grant(fund=event.fund, grantee=entrepreneur, actor=staff_user)
    assert make_grant(grantee=entrepreneur, actor=staff_user).grantee == entrepreneur


@pytest.mark.django_db
def test_role_given_after_the_offer_blocks_the_acceptance(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, actor=staff_user)
    user_grant_role(user=entrepreneur, role=Role.STAFF)
    with pytest.raises(ServiceError) as error:
        grant_svc.grant_accept_agreement(grant=grant, user=entrepreneur, language="es", ip=None)
    assert error.value.message == ROLE_HOLDER
    grant.refresh_from_db()
    assert grant.status == "offered"


@pytest.mark.django_db
def test_desk_refuses_a_grant_to_the_staff_member_who_creates_it(client_for, staff_user):
    fund = make_fund()
    response = client_for(staff_user).post(
        reverse("pitchday:desk_grant_create"),
        {
            "fund": fund.pk,
            "grantee_email": staff_user.email,
            "business_name": "Mi negocio",
            "amount": "1000",
            "percentages": "100",
            "offer": "on",
        },
    )
    assert response.status_code == 200
    assert Grant.objects.count() == 0


@pytest.mark.django_db
def test_database_refuses_a_grant_whose_grantee_is_its_creator(staff_user):
    fund = make_fund()
    with pytest.raises(IntegrityError), transaction.atomic():
        Grant.objects.create(
            reference="SG-TEST-1",
            fund=fund,
            grantee=staff_user,
            business_name="Mi negocio",
            amount=1_000_00,
            currency=fund.currency,
            created_by=staff_user,
            terms_es="t",
            terms_en="t",
        )


# --- who may handle a grant's money ----------------------------------------------------------


@pytest.mark.django_db
def test_requester_cannot_record_their_own_payment(make_user, entrepreneur):
    both = make_user(Role.STAFF, Role.FINANCE)
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur, rail=RailCode.NEQUI)
    disbursement = pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=both)
    pay.disbursement_approve(disbursement=disbursement, actor=make_user(Role.FINANCE))
    pay.disbursement_execute(disbursement_id=disbursement.pk)
    with pytest.raises(ServiceError) as error:
        pay.disbursement_record_payment(disbursement=disbursement, actor=both, reference="N-1")
    assert error.value.message == "Tú solicitaste este pago, así que otra persona debe registrarlo."
    disbursement.refresh_from_db()
    assert (disbursement.status, disbursement.recorded_by_id) == (
        DisbursementStatus.PROCESSING,
        None,
    )


@pytest.mark.django_db
def test_database_refuses_the_requester_as_recorder(processing):
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.filter(pk=processing.pk).update(
            recorded_by=processing.requested_by,
            status=DisbursementStatus.PAID,
            paid_at=timezone.now(),
        )


@pytest.mark.django_db
def test_grantee_with_a_staff_role_cannot_request_their_own_payment(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True, actor=staff_user)
    user_grant_role(user=entrepreneur, role=Role.STAFF)
    with pytest.raises(ServiceError) as error:
        pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=entrepreneur)
    assert error.value.message == OWN_GRANT
    assert Disbursement.objects.count() == 0


@pytest.mark.django_db
def test_grantee_with_a_finance_role_cannot_approve_nor_record_their_own_payment(
    entrepreneur, staff_user, make_user
):
    grant = make_grant(grantee=entrepreneur, accept=True, actor=staff_user)
    make_confirmed_details(entrepreneur, rail=RailCode.NEQUI)
    disbursement = pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    user_grant_role(user=entrepreneur, role=Role.FINANCE)
    with pytest.raises(ServiceError) as error:
        pay.disbursement_approve(disbursement=disbursement, actor=entrepreneur)
    assert error.value.message == OWN_GRANT
    pay.disbursement_approve(disbursement=disbursement, actor=make_user(Role.FINANCE))
    pay.disbursement_execute(disbursement_id=disbursement.pk)
    with pytest.raises(ServiceError) as error:
        pay.disbursement_record_payment(
            disbursement=disbursement, actor=entrepreneur, reference="X"
        )
    assert error.value.message == OWN_GRANT
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.PROCESSING


@pytest.mark.django_db
def test_grantee_cannot_review_their_own_milestone(entrepreneur, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    grant = make_grant(grantee=entrepreneur, accept=True, actor=staff_user)
    milestone = grant.tranches.get(number=2).milestone
    grant_svc.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        uploaded=SimpleUploadedFile("f.pdf", pdf_bytes(), "application/pdf"),
        kind="receipt",
    )
    grant_svc.milestone_submit(milestone=milestone, user=entrepreneur, report="Hecho")
    user_grant_role(user=entrepreneur, role=Role.STAFF)
    with pytest.raises(ServiceError) as error:
        grant_svc.milestone_review(milestone=milestone, actor=entrepreneur, approve=True)
    assert error.value.message == OWN_GRANT
    milestone.refresh_from_db()
    assert milestone.status == "submitted"


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["requested_by", "approved_by", "recorded_by"])
def test_database_refuses_the_grantee_handling_their_own_payment(processing, column):
    grantee = processing.tranche.grant.grantee
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.filter(pk=processing.pk).update(**{column: grantee})


@pytest.mark.django_db
def test_database_refuses_a_payment_requested_by_the_grantee(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True, actor=staff_user)
    tranche = grant.tranches.get(number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.create(
            tranche=tranche,
            amount=tranche.amount,
            currency=grant.currency,
            idempotency_key="duties-test",
            requested_by=entrepreneur,
        )
