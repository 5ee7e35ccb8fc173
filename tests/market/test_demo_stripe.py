"""``make run``'s fake Stripe (scripts/demo_stripe.py): the tests' fake whose hosted
Checkout page takes a pretend card payment, tells Semilla's webhook and sends the
browser back, so a newcomer can contribute by card in the demo."""

import importlib.util
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pitchday.enums import EntryKind
from pitchday.models import LedgerEntry
from pitchday.services.contributions import contribution_start
from tests.factories.pitchday import make_fund

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "demo_stripe.py"


def _demo_stripe():
    spec = importlib.util.spec_from_file_location("demo_stripe", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _open(url: str, *, post: bool = False):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    request = urllib.request.Request(url, data=b"" if post else None)  # noqa: S310
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), err.read().decode()


@pytest.fixture
def demo_stripe(settings, live_server):
    demo = _demo_stripe()
    fake = demo.DemoStripe(
        webhook_url=f"{live_server.url}/stripe/webhook/",
        webhook_secret=demo.WEBHOOK_SECRET,
        currency="cop",
        balance=10_000_000_000,
    )
    with fake:
        settings.STRIPE_SECRET_KEY = demo.SECRET_KEY
        settings.STRIPE_WEBHOOK_SECRET = demo.WEBHOOK_SECRET
        settings.STRIPE_API_BASE = fake.url
        settings.STRIPE_TIMEOUT = 2.0
        yield fake
    assert fake.errors == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_stripe_pay_credits_the_fund_and_returns_to_semilla(demo_stripe, live_server):
    fund = make_fund(accepts_contributions=True)
    success = f"{live_server.url}/es/apoya/?pagado=1"
    contribution, url = contribution_start(
        fund=fund,
        sponsor_name="Fundación Aliada",
        sponsor_email="aportes@aliada.example.org",
        amount=5_000_000,
        success_url=success,
        cancel_url=f"{live_server.url}/es/apoya/",
    )
    status, _headers, page = _open(url)
    assert (status, "50.000 COP" in page, "Pagar" in page) == (200, True, True)
    status, headers, _body = _open(url, post=True)
    assert (status, headers["Location"]) == (303, success)
    contribution.refresh_from_db()
    assert contribution.status == "paid"
    assert list(
        LedgerEntry.objects.filter(kind=EntryKind.CONTRIBUTION).values_list("amount", "currency")
    ) == [(5_000_000, "COP")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_stripe_pay_twice_credits_once(demo_stripe, live_server):
    fund = make_fund(accepts_contributions=True)
    _contribution, url = contribution_start(
        fund=fund,
        sponsor_name="Ana",
        sponsor_email="ana@example.org",
        amount=1_000_000,
        success_url=f"{live_server.url}/es/apoya/",
        cancel_url=f"{live_server.url}/es/apoya/",
    )
    statuses = [_open(url, post=True)[0] for _ in range(2)]
    assert (statuses, LedgerEntry.objects.filter(kind=EntryKind.CONTRIBUTION).count()) == (
        [303, 303],
        1,
    )


def test_demo_stripe_main_writes_its_url_and_removes_it_when_stopped(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    url_file = tmp_path / "stripe-url"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, str(SCRIPT), str(url_file), "http://127.0.0.1:9/stripe/webhook/"]
    )
    try:
        for _ in range(200):
            if url_file.exists() and url_file.read_text():
                break
            time.sleep(0.05)
        url = url_file.read_text()
        assert url.startswith("http://127.0.0.1:")
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    assert (process.returncode, url_file.exists()) == (0, False)
