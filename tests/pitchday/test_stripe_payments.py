"""Payments through the Stripe rail against the fake Stripe server."""

import pytest

from pitchday.enums import DisbursementStatus, EntryKind, RailCode
from pitchday.models import LedgerEntry
from pitchday.services import ServiceError
from pitchday.services import disbursements as svc
from tests.factories.pitchday import make_confirmed_details, make_grant


@pytest.fixture
def stripe_disbursement(entrepreneur, staff_user, finance_user, onboarded_account):
    grant = make_grant(grantee=entrepreneur, accept=True, amount=2_000_000_00)
    make_confirmed_details(entrepreneur, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    d = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    return svc.disbursement_approve(disbursement=d, actor=finance_user)


def _booked(d):
    return LedgerEntry.objects.filter(disbursement=d, kind=EntryKind.DISBURSEMENT).count()


@pytest.mark.django_db
def test_stripe_transfer_sends_the_disbursement_key(stripe_disbursement, fake_stripe):
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    stripe_disbursement.refresh_from_db()
    (transfer,) = fake_stripe.transfers
    assert stripe_disbursement.status == DisbursementStatus.PAID
    assert stripe_disbursement.provider_reference == transfer["id"]
    assert transfer["amount"] == stripe_disbursement.amount
    assert transfer["transfer_group"] == stripe_disbursement.idempotency_key
    (request,) = fake_stripe.requests_to("/v1/transfers", "POST")
    assert request.idempotency_key == stripe_disbursement.idempotency_key
    assert _booked(stripe_disbursement) == 1


@pytest.mark.django_db
def test_execute_twice_pays_once(stripe_disbursement, fake_stripe):
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    assert len(fake_stripe.transfers) == 1
    assert len(fake_stripe.requests_to("/v1/transfers", "POST")) == 1
    assert _booked(stripe_disbursement) == 1


@pytest.mark.django_db
def test_timeout_then_retry_reuses_key_and_pays_once(
    stripe_disbursement, fake_stripe, finance_user
):
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    stripe_disbursement.refresh_from_db()
    assert stripe_disbursement.status == DisbursementStatus.FAILED
    assert stripe_disbursement.failure_definitive is False
    assert _booked(stripe_disbursement) == 0
    fake_stripe.wait_idle()
    assert len(fake_stripe.transfers) == 1  # Stripe did it; the answer was lost
    svc.disbursement_retry(disbursement=stripe_disbursement, actor=finance_user)
    stripe_disbursement.refresh_from_db()
    keys = {r.idempotency_key for r in fake_stripe.requests_to("/v1/transfers", "POST")}
    assert keys == {stripe_disbursement.idempotency_key}
    assert stripe_disbursement.status == DisbursementStatus.PAID
    assert len(fake_stripe.transfers) == 1
    assert _booked(stripe_disbursement) == 1


@pytest.mark.django_db
def test_unknown_outcome_cannot_be_cancelled(stripe_disbursement, fake_stripe, finance_user):
    fake_stripe.fail_next("/v1/transfers", kind="500")
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    with pytest.raises(ServiceError):
        svc.disbursement_cancel(disbursement=stripe_disbursement, actor=finance_user, note="no")


@pytest.mark.django_db
def test_insufficient_balance_is_a_definitive_failure(
    stripe_disbursement, fake_stripe, finance_user
):
    fake_stripe.set_balance(0, "cop")
    svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    stripe_disbursement.refresh_from_db()
    assert (stripe_disbursement.status, stripe_disbursement.failure_definitive) == ("failed", True)
    assert _booked(stripe_disbursement) == 0
    svc.disbursement_cancel(
        disbursement=stripe_disbursement, actor=finance_user, note="Sin saldo en la plataforma"
    )
    stripe_disbursement.refresh_from_db()
    assert stripe_disbursement.status == DisbursementStatus.CANCELLED


@pytest.mark.django_db
def test_failed_payment_email_links_to_the_failed_payments(
    stripe_disbursement,
    fake_stripe,
    finance_user,
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    fake_stripe.set_balance(0, "cop")
    with django_capture_on_commit_callbacks(execute=True):
        svc.disbursement_execute(disbursement_id=stripe_disbursement.pk)
    (mail,) = [m for m in mailoutbox if m.to == [finance_user.email]]
    link = f"{settings.SITE_URL}/es/pitch/gestion/desembolsos/?status=failed"
    assert mail.body.splitlines().count(link) == 1
