"""Reconciliation against the fake Stripe: recover missed events, flag mismatches once."""

import pytest

from pitchday.enums import DisbursementStatus, EntryKind, IssueKind, RailCode
from pitchday.models import Disbursement, LedgerEntry, ReconciliationIssue
from pitchday.rails.stripe_connect import stripe_client
from pitchday.services import disbursements as svc
from pitchday.services.reconciliation import reconcile_stripe, resolve_stuck_payments
from tests.factories.pitchday import make_confirmed_details, make_grant


@pytest.fixture
def stripe_grantee(entrepreneur, onboarded_account):
    make_confirmed_details(entrepreneur, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    return entrepreneur


def _approved(grantee, staff, finance, number=1, grant=None):
    grant = grant or make_grant(
        grantee=grantee, accept=True, amount=1_000_000_00, percentages=(50, 50)
    )
    d = svc.disbursement_request(tranche=grant.tranches.get(number=number), actor=staff)
    return svc.disbursement_approve(disbursement=d, actor=finance)


@pytest.mark.django_db
def test_reconciliation_recovers_a_missed_event(
    stripe_grantee, staff_user, finance_user, fake_stripe
):
    d = _approved(stripe_grantee, staff_user, finance_user)
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    svc.disbursement_execute(disbursement_id=d.pk)
    fake_stripe.wait_idle()
    run = reconcile_stripe()
    d.refresh_from_db()
    assert d.status == DisbursementStatus.PAID
    assert run.events_recovered >= 1
    assert ReconciliationIssue.objects.count() == 0


@pytest.mark.django_db
def test_reconciliation_flags_seeded_mismatches_exactly_once(
    stripe_grantee, staff_user, finance_user, fake_stripe, onboarded_account
):
    client = stripe_client()
    # 1. a transfer Stripe has that matches no disbursement (missing in the ledger)
    stray = client.v1.transfers.create(
        params={
            "amount": 12_345,
            "currency": "cop",
            "destination": onboarded_account,
            "transfer_group": "not-ours",
        }
    )
    # 2. a paid disbursement whose transfer Stripe does not have (missing at provider)
    d_ghost = _approved(stripe_grantee, staff_user, finance_user)
    svc.apply_rail_result(
        disbursement_id=svc._claim(d_ghost.pk, from_status="approved", actor=None, note="").pk,
        result=svc.RailResult("paid", reference="tr_ghost"),
        actor=None,
        source="test",
    )
    # 3. a transfer reversed at Stripe while our ledger shows none (status)
    d_rev = _approved(stripe_grantee, staff_user, finance_user)
    svc.disbursement_execute(disbursement_id=d_rev.pk)
    d_rev.refresh_from_db()
    client.v1.transfers.reversals.create(d_rev.provider_reference, params={"amount": 100})
    # Stripe never sends the reversal event (lost): only the comparison can see it.
    with fake_stripe._lock:
        for event_id in list(fake_stripe._by_type.get("event", [])):
            if fake_stripe._objects[event_id]["type"] == "transfer.reversed":
                fake_stripe._by_type["event"].remove(event_id)
    first = reconcile_stripe()
    second = reconcile_stripe()
    issues = sorted(ReconciliationIssue.objects.values_list("kind", "external_id"))
    assert issues == sorted(
        [
            (IssueKind.MISSING_IN_LEDGER, stray.id),
            (IssueKind.MISSING_AT_PROVIDER, "tr_ghost"),
            (IssueKind.STATUS, d_rev.provider_reference),
        ]
    )
    assert (first.issues_found, second.issues_found) == (3, 0)
    assert LedgerEntry.objects.filter(kind=EntryKind.REVERSAL).count() == 0


@pytest.mark.django_db
def test_stuck_processing_payment_is_retried_with_same_key(
    stripe_grantee, staff_user, finance_user, fake_stripe
):
    from datetime import timedelta

    d = _approved(stripe_grantee, staff_user, finance_user)
    svc._claim(d.pk, from_status="approved", actor=None, note="worker died")
    assert resolve_stuck_payments(older_than=timedelta(seconds=-1)) == 1
    d.refresh_from_db()
    assert d.status == DisbursementStatus.PAID
    assert [r.idempotency_key for r in fake_stripe.requests_to("/v1/transfers", "POST")] == [
        d.idempotency_key
    ]
    assert Disbursement.objects.get(pk=d.pk).ledger_entries.count() == 1
