"""The Stripe webhook: signature verified, each event processed once, any order."""

import pytest
from django.urls import reverse

from pitchday.enums import ContributionStatus, DisbursementStatus, EntryKind, RailCode
from pitchday.models import Contribution, LedgerEntry, PayoutDetails, StripeEvent
from pitchday.money import fund_balance
from pitchday.services import contributions as contribution_svc
from pitchday.services import disbursements as svc
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

URL = "/stripe/webhook/"


def _post(client, fake, event_id, **kwargs):
    body, header = fake.signed_payload(event_id, **kwargs)
    return client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


@pytest.fixture
def paid_elsewhere(entrepreneur, staff_user, finance_user, onboarded_account, fake_stripe):
    """A processing disbursement whose transfer Stripe made but whose answer we lost."""
    grant = make_grant(grantee=entrepreneur, accept=True, amount=1_000_000_00)
    make_confirmed_details(entrepreneur, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    d = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    svc.disbursement_approve(disbursement=d, actor=finance_user)
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    svc.disbursement_execute(disbursement_id=d.pk)
    fake_stripe.wait_idle()
    d.refresh_from_db()
    assert d.status == DisbursementStatus.FAILED
    return d


def _event(fake, type_):
    return next(e for e in fake.events if e["type"] == type_)


def test_webhook_url_is_outside_the_language_prefix():
    assert reverse("stripe_webhook") == URL


@pytest.mark.django_db
def test_same_webhook_twice_has_one_effect(client, fake_stripe, paid_elsewhere):
    event = _event(fake_stripe, "transfer.created")
    assert _post(client, fake_stripe, event["id"]).status_code == 200
    assert _post(client, fake_stripe, event["id"]).status_code == 200
    paid_elsewhere.refresh_from_db()
    assert paid_elsewhere.status == DisbursementStatus.PAID
    assert LedgerEntry.objects.filter(disbursement=paid_elsewhere).count() == 1
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [{"forged": True}, {"stale": True}])
def test_forged_or_stale_signature_is_rejected_without_writes(
    client, fake_stripe, paid_elsewhere, bad
):
    event = _event(fake_stripe, "transfer.created")
    entries = LedgerEntry.objects.count()
    response = _post(client, fake_stripe, event["id"], **bad)
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
    assert LedgerEntry.objects.count() == entries
    paid_elsewhere.refresh_from_db()
    assert paid_elsewhere.status == DisbursementStatus.FAILED


@pytest.mark.django_db
def test_missing_signature_is_rejected(client, fake_stripe):
    assert client.post(URL, b"{}", content_type="application/json").status_code == 400
    assert client.get(URL).status_code == 405


@pytest.mark.django_db
def test_events_out_of_order_reach_the_same_state(client, fake_stripe, paid_elsewhere):
    from pitchday.rails.stripe_connect import stripe_client

    transfer_id = fake_stripe.transfers[0]["id"]
    stripe_client().v1.transfers.reversals.create(transfer_id, params={"amount": 40_000_00})
    created = _event(fake_stripe, "transfer.created")
    reversed_ = _event(fake_stripe, "transfer.reversed")
    assert _post(client, fake_stripe, reversed_["id"]).status_code == 200
    assert _post(client, fake_stripe, created["id"]).status_code == 200
    assert _post(client, fake_stripe, reversed_["id"]).status_code == 200
    paid_elsewhere.refresh_from_db()
    assert paid_elsewhere.status == DisbursementStatus.PAID
    assert paid_elsewhere.amount_reversed == 40_000_00
    kinds = sorted(
        LedgerEntry.objects.filter(disbursement=paid_elsewhere).values_list("kind", "amount")
    )
    assert kinds == [
        (EntryKind.DISBURSEMENT, paid_elsewhere.amount),
        (EntryKind.REVERSAL, 40_000_00),
    ]


@pytest.mark.django_db
def test_in_order_events_reach_the_same_state(client, fake_stripe, paid_elsewhere):
    from pitchday.rails.stripe_connect import stripe_client

    transfer_id = fake_stripe.transfers[0]["id"]
    stripe_client().v1.transfers.reversals.create(transfer_id, params={"amount": 40_000_00})
    for type_ in ("transfer.created", "transfer.reversed"):
        assert _post(client, fake_stripe, _event(fake_stripe, type_)["id"]).status_code == 200
    paid_elsewhere.refresh_from_db()
    assert (paid_elsewhere.status, paid_elsewhere.amount_reversed) == ("paid", 40_000_00)
    assert LedgerEntry.objects.filter(disbursement=paid_elsewhere).count() == 2


@pytest.mark.django_db
def test_contribution_credited_only_by_signed_webhook(client, fake_stripe):
    fund = make_fund(budget=1_000_00, accepts_contributions=True)
    contribution, url = contribution_svc.contribution_start(
        fund=fund,
        sponsor_name="Fundación Andina",
        sponsor_email="aportes@example.org",
        amount=500_000_00,
        success_url="http://testserver/es/pitch/aportar/gracias/",
        cancel_url="http://testserver/es/pitch/aportar/1/",
    )
    assert url.startswith(fake_stripe.url)
    assert client.get("/es/pitch/aportar/gracias/").status_code == 200
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.OPEN
    assert fund_balance(fund=fund).total == 1_000_00
    fake_stripe.complete_checkout(contribution.checkout_session_id)
    event = _event(fake_stripe, "checkout.session.completed")
    _post(client, fake_stripe, event["id"])
    _post(client, fake_stripe, event["id"])
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PAID
    assert fund_balance(fund=fund).total == 501_000_00
    assert Contribution.objects.get().ledger_entries.count() == 1


@pytest.mark.django_db
def test_account_updated_enables_payouts_and_ignores_older_events(
    client, fake_stripe, entrepreneur
):
    from pitchday.rails.stripe_connect import stripe_client

    account = stripe_client().v1.accounts.create(
        params={"type": "express", "capabilities": {"transfers": {"requested": True}}}
    )
    details = make_confirmed_details(
        entrepreneur,
        rail=RailCode.STRIPE,
        stripe_account_id=account.id,
        stripe_payouts_enabled=False,
    )
    fake_stripe.complete_onboarding(account.id)
    event = _event(fake_stripe, "account.updated")
    _post(client, fake_stripe, event["id"])
    details.refresh_from_db()
    assert details.stripe_payouts_enabled is True
    PayoutDetails.objects.filter(pk=details.pk).update(stripe_synced_at=event["created"] + 60)
    older = {
        **event,
        "id": "evt_older",
        "data": {
            "object": {
                **event["data"]["object"],
                "payouts_enabled": False,
                "capabilities": {"transfers": "inactive"},
            }
        },
    }
    body, header = fake_stripe.signed_payload(older)
    client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    details.refresh_from_db()
    assert details.stripe_payouts_enabled is True


@pytest.mark.django_db
def test_stripe_times_after_2038_fit():
    """Stripe's event times are epoch seconds: they outgrow a 32-bit column in 2038."""
    after_2038 = 2**31 + 86_400
    event = StripeEvent.objects.create(
        event_id="evt_after_2038", type="account.updated", created=after_2038
    )
    event.refresh_from_db()
    assert event.created == after_2038
