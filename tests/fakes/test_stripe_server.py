"""The fake Stripe server, exercised through the official stripe library (no database)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import stripe

from tests.fakes.stripe_server import FakeStripe


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe() as server:
        yield server
    assert server.errors == []


@pytest.fixture
def client(fake: FakeStripe) -> stripe.StripeClient:
    return fake.client()


def _onboarded_account(fake: FakeStripe, client: stripe.StripeClient) -> str:
    account = client.v1.accounts.create(
        params={
            "type": "express",
            "country": "US",
            "email": "ana@example.org",
            "capabilities": {"transfers": {"requested": True}},
            "metadata": {"founder_id": "42"},
        }
    )
    fake.complete_onboarding(account.id)
    return account.id


def _transfer(
    client: stripe.StripeClient,
    destination: str,
    amount: int = 50_000,
    key: str | None = None,
    **extra: Any,
) -> stripe.Transfer:
    params: dict[str, Any] = {
        "amount": amount,
        "currency": "usd",
        "destination": destination,
        "description": "Seed grant",
        "metadata": {"grant_id": "g1"},
        "transfer_group": "cohort-7",
        **extra,
    }
    options: dict[str, Any] = {"idempotency_key": key} if key else {}
    return client.v1.transfers.create(params=params, options=options)  # type: ignore[arg-type]


def test_account_create_link_and_onboarding(fake: FakeStripe, client: stripe.StripeClient) -> None:
    account = client.v1.accounts.create(
        params={
            "type": "express",
            "country": "MX",
            "email": "ana@example.org",
            "capabilities": {"transfers": {"requested": True}},
            "metadata": {"founder_id": "42"},
        }
    )
    assert account.id.startswith("acct_")
    assert account.object == "account"
    assert account.metadata is not None and account.metadata["founder_id"] == "42"
    assert account.default_currency == "mxn"
    assert (account.charges_enabled, account.payouts_enabled) == (False, False)
    assert account.capabilities is not None and account.capabilities.transfers == "inactive"

    link = client.v1.account_links.create(
        params={
            "account": account.id,
            "refresh_url": "https://semilla.test/refresh",
            "return_url": "https://semilla.test/return",
            "type": "account_onboarding",
        }
    )
    assert link.object == "account_link"
    assert link.url.startswith(fake.url)
    assert link.expires_at > link.created

    fake.complete_onboarding(account.id)
    again = client.v1.accounts.retrieve(account.id)
    assert again.charges_enabled and again.payouts_enabled and again.details_submitted
    assert again.capabilities is not None and again.capabilities.transfers == "active"
    (event,) = client.v1.events.list(params={"type": "account.updated"}).data
    assert event.data.object.id == account.id
    assert event.data.previous_attributes is not None
    assert event.data.previous_attributes["payouts_enabled"] is False
    assert event.account == account.id


def test_unknown_account_is_404(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.accounts.retrieve("acct_nope")
    assert info.value.http_status == 404
    assert info.value.code == "resource_missing"


def test_bad_api_key_is_401(fake: FakeStripe) -> None:
    with pytest.raises(stripe.AuthenticationError):
        fake.client("sk_live_nope").v1.balance.retrieve()


def test_transfer_create_retrieve_and_balance(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.set_balance(100_000, "usd")
    acct = _onboarded_account(fake, client)
    transfer = _transfer(client, acct, 60_000)
    assert transfer.id.startswith("tr_")
    assert (transfer.object, transfer.livemode) == ("transfer", False)
    assert transfer.metadata["grant_id"] == "g1"
    fetched = client.v1.transfers.retrieve(transfer.id)
    assert (fetched.id, fetched.amount, fetched.destination) == (transfer.id, 60_000, acct)

    txn = client.v1.balance_transactions.retrieve(str(transfer.balance_transaction))
    assert (txn.amount, txn.type, txn.source) == (-60_000, "transfer", transfer.id)
    balance = client.v1.balance.retrieve()
    assert balance.available[0].amount == 40_000 == fake.balance("usd")

    with pytest.raises(stripe.InvalidRequestError) as info:
        _transfer(client, acct, 60_000)
    assert info.value.code == "balance_insufficient"
    with pytest.raises(stripe.InvalidRequestError) as info:
        _transfer(client, "acct_missing", 1)
    assert (info.value.http_status, info.value.code) == (400, "resource_missing")
    assert len(fake.transfers) == 1
    assert [e["type"] for e in fake.events if e["type"].startswith("transfer.")] == [
        "transfer.created"
    ]


def test_transfer_needs_onboarded_destination(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    account = client.v1.accounts.create(params={"type": "express"})
    with pytest.raises(stripe.InvalidRequestError) as info:
        _transfer(client, account.id)
    assert info.value.code == "insufficient_capabilities_for_transfer"


def test_idempotent_replay_returns_same_transfer(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    acct = _onboarded_account(fake, client)
    first = _transfer(client, acct, key="grant-g1-payout")
    second = _transfer(client, acct, key="grant-g1-payout")
    assert first.id == second.id
    assert second.last_response is not None
    assert second.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(fake.transfers) == 1
    assert len([e for e in fake.events if e["type"] == "transfer.created"]) == 1
    event = fake.events[-1]
    assert event["request"]["idempotency_key"] == "grant-g1-payout"
    # Keys are per API key: another key's identical key is a different request.
    other = _transfer(fake.client("sk_test_other"), acct, key="grant-g1-payout")
    assert other.id != first.id


def test_same_key_different_params_is_idempotency_error(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    acct = _onboarded_account(fake, client)
    _transfer(client, acct, 1_000, key="k1")
    with pytest.raises(stripe.IdempotencyError):
        _transfer(client, acct, 2_000, key="k1")
    with pytest.raises(stripe.IdempotencyError):
        client.v1.accounts.create(params={"type": "express"}, options={"idempotency_key": "k1"})
    assert len(fake.transfers) == 1


def test_timeout_then_retry_with_same_key_performs_once(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    acct = _onboarded_account(fake, client)
    impatient = fake.client(timeout=0.3)  # used only for the call that is meant to time out
    fake.fail_next("/v1/transfers", kind="timeout")
    with pytest.raises(stripe.APIConnectionError):
        _transfer(impatient, acct, key="payout-1")
    assert len(fake.transfers) == 1  # Stripe did the work; only the response was lost
    retried = _transfer(client, acct, key="payout-1")
    assert retried.id == fake.transfers[0]["id"]
    assert len(fake.transfers) == 1
    assert [r.status for r in fake.requests_to("/v1/transfers", "POST")] == [None, 200]


def test_late_timeout_and_unperformed_timeout(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    acct = _onboarded_account(fake, client)
    impatient = fake.client(timeout=0.2)
    fake.fail_next("/v1/transfers", kind="timeout", perform=False)
    with pytest.raises(stripe.APIConnectionError):
        _transfer(impatient, acct, key="p2")
    assert fake.wait_idle()
    assert fake.transfers == []
    fake.fail_next("/v1/transfers", kind="timeout", perform="late", delay=1.5)
    with pytest.raises(stripe.APIConnectionError):
        _transfer(impatient, acct, key="p2")
    assert fake.transfers == []  # still "in the network"
    assert fake.wait_idle()
    assert len(fake.transfers) == 1
    assert _transfer(client, acct, key="p2").id == fake.transfers[0]["id"]


def test_500_injection_performs_nothing(fake: FakeStripe, client: stripe.StripeClient) -> None:
    acct = _onboarded_account(fake, client)
    before = fake.balance()
    fake.fail_next("/v1/transfers", kind="500")
    with pytest.raises(stripe.APIError) as info:
        _transfer(client, acct, key="p3")
    assert info.value.http_status == 500
    assert fake.transfers == [] and fake.balance() == before
    with pytest.raises(stripe.APIError):  # Stripe replays a saved 500 for the same key
        _transfer(client, acct, key="p3")
    assert _transfer(client, acct, key="p3-retry").amount == 50_000


def test_card_declined_and_insufficient_injection(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.fail_next("/v1/checkout/sessions", kind="card_declined")
    with pytest.raises(stripe.CardError) as declined:
        _checkout(client)
    assert declined.value.code == "card_declined"
    acct = _onboarded_account(fake, client)
    fake.fail_next("/v1/transfers", kind="insufficient")
    with pytest.raises(stripe.InvalidRequestError) as info:
        _transfer(client, acct)
    assert info.value.code == "balance_insufficient"
    fake.fail_next("/v1/balance", kind="rate_limit", method="GET")
    with pytest.raises(stripe.RateLimitError):
        client.v1.balance.retrieve()
    assert client.v1.balance.retrieve().object == "balance"


def _checkout(client: stripe.StripeClient) -> stripe.checkout.Session:
    return client.v1.checkout.sessions.create(
        params={
            "mode": "payment",
            "line_items": [
                {
                    "quantity": 2,
                    "price_data": {
                        "currency": "usd",
                        "unit_amount": 2_500,
                        "product_data": {"name": "Donation"},
                    },
                }
            ],
            "success_url": "https://semilla.test/thanks?session_id={CHECKOUT_SESSION_ID}",
            "cancel_url": "https://semilla.test/donate",
            "client_reference_id": "donor-9",
            "customer_email": "donor@example.org",
            "metadata": {"campaign": "spring"},
        }
    )


def test_checkout_session_complete_lists_event(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.set_balance(0)
    session = _checkout(client)
    assert session.id.startswith("cs_test_")
    assert (session.object, session.status, session.payment_status) == (
        "checkout.session",
        "open",
        "unpaid",
    )
    assert session.amount_total == 5_000
    assert str(session.url).startswith(fake.url)
    fake.complete_checkout(session.id)
    paid = client.v1.checkout.sessions.retrieve(session.id)
    assert (paid.status, paid.payment_status) == ("complete", "paid")
    assert fake.balance() == 5_000
    events = client.v1.events.list(params={"type": "checkout.session.completed"})
    assert [e.data.object.id for e in events.data] == [session.id]
    assert events.data[0].data.object.metadata["campaign"] == "spring"
    assert client.v1.events.retrieve(events.data[0].id).type == "checkout.session.completed"


def test_webhook_signatures(fake: FakeStripe, client: stripe.StripeClient) -> None:
    _onboarded_account(fake, client)
    event = fake.events[0]
    payload, header = fake.signed_payload(event)
    verified = stripe.Webhook.construct_event(payload, header, fake.webhook_secret)
    assert (verified.id, verified.type) == (event["id"], "account.updated")
    from_api = client.v1.events.retrieve(event["id"])  # a StripeObject signs the same way
    payload, header = fake.signed_payload(from_api)
    assert stripe.Webhook.construct_event(payload, header, fake.webhook_secret).id == event["id"]
    for stale, forged in ((True, False), (False, True)):
        payload, header = fake.signed_payload(event["id"], stale=stale, forged=forged)
        with pytest.raises(stripe.SignatureVerificationError):
            stripe.Webhook.construct_event(payload, header, fake.webhook_secret)


class _Receiver(BaseHTTPRequestHandler):
    secret = "whsec_receiver"
    seen: list[str]
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        try:
            event = stripe.Webhook.construct_event(
                body, self.headers["Stripe-Signature"], self.secret
            )
            status = 200
            with self.lock:
                self.seen.append(event.id)
        except stripe.SignatureVerificationError:
            status = 400
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def test_webhook_delivery(fake: FakeStripe, client: stripe.StripeClient) -> None:
    _Receiver.seen = []
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        fake.webhook_endpoint(
            f"http://127.0.0.1:{receiver.server_address[1]}/hook", _Receiver.secret
        )
        acct = _onboarded_account(fake, client)
        _transfer(client, acct)
        assert len(fake.pending_events()) == 2
        assert fake.deliver(forged=True) == [400, 400]
        assert fake.deliver(stale=True) == [400, 400]
        assert len(fake.pending_events()) == 2
        assert fake.deliver() == [200, 200]
        assert fake.pending_events() == []
        assert client.v1.events.retrieve(_Receiver.seen[0]).pending_webhooks == 0
        dupes = fake.deliver(_Receiver.seen[1], times=3, concurrently=True)
        assert dupes == [200, 200, 200]
        assert len(_Receiver.seen) == 5
    finally:
        receiver.shutdown()
        receiver.server_close()
        thread.join()


def test_list_pagination_and_filters(fake: FakeStripe, client: stripe.StripeClient) -> None:
    acct = _onboarded_account(fake, client)
    ids = [_transfer(client, acct, 100 + i).id for i in range(5)]
    fake.advance_clock(3600)
    later = _transfer(client, acct, 999, transfer_group="cohort-8")
    page = client.v1.transfers.list(params={"limit": 2})
    assert [t.id for t in page.data] == [later.id, ids[4]]
    assert page.has_more and page.url == "/v1/transfers"
    page2 = client.v1.transfers.list(params={"limit": 2, "starting_after": page.data[-1].id})
    assert [t.id for t in page2.data] == [ids[3], ids[2]]
    back = client.v1.transfers.list(params={"limit": 1, "ending_before": ids[3]})
    assert [t.id for t in back.data] == [ids[4]]
    everything = [t.id for t in client.v1.transfers.list(params={"limit": 2}).auto_paging_iter()]
    assert everything == [later.id, *reversed(ids)]
    recent = client.v1.transfers.list(params={"created": {"gte": later.created}})
    assert [t.id for t in recent.data] == [later.id]
    grouped = client.v1.transfers.list(
        params={"transfer_group": "cohort-7", "destination": acct, "limit": 100}
    )
    assert len(grouped.data) == 5 and not grouped.has_more
    txns = client.v1.balance_transactions.list(params={"type": "transfer", "limit": 3})
    assert len(txns.data) == 3 and txns.has_more
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.transfers.list(params={"limit": 101})


def test_transfer_reversal(fake: FakeStripe, client: stripe.StripeClient) -> None:
    acct = _onboarded_account(fake, client)
    start = fake.balance()
    transfer = _transfer(client, acct, 10_000)
    reversal = client.v1.transfers.reversals.create(transfer.id, params={"amount": 4_000})
    assert reversal.object == "transfer_reversal" and reversal.transfer == transfer.id
    assert fake.balance() == start - 6_000
    assert client.v1.transfers.retrieve(transfer.id).amount_reversed == 4_000
    assert fake.events[-1]["type"] == "transfer.reversed"


def test_form_parsing_and_request_log(fake: FakeStripe, client: stripe.StripeClient) -> None:
    _checkout(client)
    (request,) = fake.requests_to("/v1/checkout/sessions")
    line = request.params["line_items"][0]
    assert line["price_data"]["product_data"]["name"] == "Donation"
    assert request.params["metadata"] == {"campaign": "spring"}
    assert request.idempotency_key  # the library adds one to every POST
    raw = json.loads(json.dumps(request.params))
    assert raw["line_items"][0]["quantity"] == "2"
