"""Races on PostgreSQL: many workers at once must still pay once and book once."""

import threading

import pytest
from django.db import connection

from pitchday.enums import DisbursementStatus, EntryKind, RailCode
from pitchday.models import LedgerEntry, StripeEvent
from pitchday.money import fund_balance
from pitchday.services import ServiceError
from pitchday.services import disbursements as svc
from pitchday.services import grants as grant_svc
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant
from tests.pitchday.conftest import fake_stripe, onboarded_account  # noqa: F401

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("race tests need PostgreSQL (set DATABASE_URL)")


def _run_at_once(count, target):
    barrier = threading.Barrier(count)
    errors = []

    def worker(i):
        try:
            barrier.wait(timeout=30)
            target(i)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_fifty_concurrent_approve_and_pay_make_one_transfer(
    fake_stripe,  # noqa: F811
    onboarded_account,  # noqa: F811
):
    grantee = make_user(Role.ENTREPRENEUR)
    staff = make_user(Role.STAFF)
    finance = [make_user(Role.FINANCE) for _ in range(5)]
    grant = make_grant(grantee=grantee, accept=True, amount=4_000_000_00)
    make_confirmed_details(grantee, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)

    def approve_and_pay(i):
        try:
            svc.disbursement_approve(disbursement=disbursement, actor=finance[i % 5])
        except ServiceError:
            pass
        svc.disbursement_execute(disbursement_id=disbursement.pk)

    errors = _run_at_once(50, approve_and_pay)
    assert errors == []
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.PAID
    assert len(fake_stripe.transfers) == 1
    assert len(fake_stripe.requests_to("/v1/transfers", "POST")) == 1
    assert (
        LedgerEntry.objects.filter(disbursement=disbursement, kind=EntryKind.DISBURSEMENT).count()
        == 1
    )
    assert disbursement.transitions.filter(to_status="approved").count() == 1


def test_same_webhook_ten_times_concurrently_has_one_effect(
    live_server,
    fake_stripe,  # noqa: F811
    onboarded_account,  # noqa: F811
):
    grantee = make_user(Role.ENTREPRENEUR)
    grant = make_grant(grantee=grantee, accept=True, amount=1_000_000_00)
    make_confirmed_details(grantee, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    d = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=make_user(Role.STAFF))
    svc.disbursement_approve(disbursement=d, actor=make_user(Role.FINANCE))
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    svc.disbursement_execute(disbursement_id=d.pk)
    fake_stripe.wait_idle()
    event = next(e for e in fake_stripe.events if e["type"] == "transfer.created")
    fake_stripe.webhook_endpoint(live_server.url + "/stripe/webhook/")
    statuses = fake_stripe.deliver(event["id"], times=10, concurrently=True)
    assert statuses == [200] * 10
    d.refresh_from_db()
    assert d.status == DisbursementStatus.PAID
    assert LedgerEntry.objects.filter(disbursement=d).count() == 1
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1


def test_concurrent_offers_never_over_commit_the_fund():
    fund = make_fund(budget=1_000_000_00)
    staff = make_user(Role.STAFF)
    grants = [make_grant(fund=fund, amount=300_000_00, offer=False, actor=staff) for _ in range(8)]

    def offer(i):
        try:
            grant_svc.grant_offer(grant=grants[i], actor=staff)
        except ServiceError:
            pass

    assert _run_at_once(8, offer) == []
    summary = fund_balance(fund=fund)
    assert summary.committed == 900_000_00
    assert summary.available == 100_000_00
