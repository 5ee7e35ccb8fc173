"""The fake Stripe of the tests, served for ``make run`` so a newcomer can pay in the demo.

Usage: ``python scripts/demo_stripe.py URL_FILE WEBHOOK_URL``. It binds a free port on
127.0.0.1 (never a fixed one, so a port in use cannot stop ``make run``), writes its base
URL to ``URL_FILE`` once it listens, and serves until it is stopped (SIGTERM or Ctrl-C).

The fake's hosted Checkout page becomes a small payment form: "Pay" completes the session
(as a card payment would), sends the signed ``checkout.session.completed`` event to
``WEBHOOK_URL`` (Semilla's ``/stripe/webhook/``, which credits the contribution) and
returns the browser to the session's ``success_url``. Nothing leaves the machine.
"""

from __future__ import annotations

import html
import signal
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.stripe_server import FakeStripe, Response  # noqa: E402

#: the key and webhook secret ``make run`` gives Django (test values, never real ones)
SECRET_KEY = "sk_test_semilla_demo"  # noqa: S105
WEBHOOK_SECRET = "whsec_semilla_demo"  # noqa: S105
PAY_PREFIX = "/c/pay/"


class DemoStripe(FakeStripe):
    """FakeStripe whose hosted Checkout page takes a (pretend) card payment."""

    def __init__(self, *, webhook_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.webhook_endpoint(webhook_url, WEBHOOK_SECRET)

    def _dispatch(self, method: str, raw_path: str, headers: Any, body: str) -> Response | None:
        path = raw_path.split("?", 1)[0].rstrip("/")
        if path.startswith(PAY_PREFIX):
            session_id = path[len(PAY_PREFIX) :]
            if method == "POST":
                return self._pay(session_id)
            return self._checkout_page(session_id)
        return super()._dispatch(method, raw_path, headers, body)

    def _session(self, session_id: str) -> dict | None:
        session = self._objects.get(session_id)
        if session is None or session.get("object") != "checkout.session":
            return None
        return session

    def _checkout_page(self, session_id: str) -> Response:
        with self._lock:
            session = self._session(session_id)
            session = dict(session) if session is not None else None
        if session is None:
            return Response(404, b"Not Found", {"Content-Type": "text/plain"})
        amount = session["amount_total"]
        currency = session["currency"].upper()
        whole = f"{amount // 100:,}".replace(",", ".") if currency == "COP" else f"{amount / 100}"
        paid = session["status"] != "open"
        button = (
            "<p>Pagado · Paid.</p>"
            if paid
            else f'<form method="post" action="{PAY_PREFIX}{html.escape(session_id)}">'
            '<p><label>Tarjeta de prueba · Test card <input value="4242 4242 4242 4242" '
            'readonly size="19"></label></p><button type="submit">Pagar · Pay</button></form>'
        )
        page = (
            '<!doctype html><html lang="es"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>Stripe de prueba · Fake Stripe</title>"
            '<body style="font-family:sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem">'
            "<h1>Stripe de prueba</h1>"
            "<p>Demo local: no se cobra nada. Local demo: nothing is charged.</p>"
            f"<p><strong>{html.escape(whole)} {html.escape(currency)}</strong> · "
            f"{html.escape(session.get('customer_email') or '')}</p>{button}</body></html>"
        )
        return Response(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})

    def _pay(self, session_id: str) -> Response:
        with self._lock:
            session = self._session(session_id)
            is_open = session is not None and session["status"] == "open"
        if session is None:
            return Response(404, b"Not Found", {"Content-Type": "text/plain"})
        if is_open:
            self.complete_checkout(session_id)
            self.deliver()  # the signed event to Semilla's webhook, before the browser returns
        target = str(session["success_url"]).replace("{CHECKOUT_SESSION_ID}", session_id)
        return Response(303, b"", {"Location": target})


def main(argv: list[str]) -> int:
    url_file, webhook_url = Path(argv[1]), argv[2]
    fake = DemoStripe(
        webhook_url=webhook_url,
        webhook_secret=WEBHOOK_SECRET,
        balance=10_000_000_000,
        currency="cop",
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with fake:
        url_file.write_text(fake.url)
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
    url_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
