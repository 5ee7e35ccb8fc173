"""A fake Stripe API (v1 subset) on loopback, driven by the official ``stripe`` library.

``FakeStripe`` serves what Semilla's seed grants use: Connect Express accounts and
onboarding links, transfers and reversals, the platform balance and balance transactions,
Checkout Sessions for donations, and events. It mimics Stripe's wire behaviour: nested
form-encoded bodies, id prefixes, ``object``/``created``/``livemode``, Bearer auth,
Stripe-shaped errors and statuses, paginated list objects, v1 idempotency (saved responses
replayed with ``Idempotent-Replayed: true``), events, signed webhooks and failure injection::

    with FakeStripe() as fake:
        client = fake.client()  # a stripe.StripeClient aimed at the fake
        account = client.v1.accounts.create(params={"type": "express"})
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import operator
import re
import secrets
import string
import sys
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import requests  # a hard dependency of stripe; used only to build the client's session
import stripe

JSON = dict[str, Any]
API_VERSION: str = stripe.api_version
FailureKind = Literal["timeout", "500", "card_declined", "insufficient", "rate_limit"]
_FAILURE_KINDS = ("timeout", "500", "card_declined", "insufficient", "rate_limit")
_ALPHABET = string.ascii_letters + string.digits
_CURRENCY_BY_COUNTRY = {"US": "usd", "MX": "mxn", "ES": "eur", "CA": "cad", "GB": "gbp"}


def new_id(prefix: str, length: int = 24) -> str:
    """Random id shaped like Stripe's (``tr_1Abc...``, ``cs_test_a1...``)."""
    return prefix + "_1" + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def parse_form(pairs: list[tuple[str, str]]) -> JSON:
    """Decode Stripe's form encoding: ``metadata[k]=v``, ``line_items[0][quantity]=1``, ``x[]``.

    Dicts whose keys are all integers become lists (except under ``metadata``), as Stripe's
    API decodes ``line_items[0][...]``.
    """
    root: JSON = {}
    for key, value in pairs:
        match = re.fullmatch(r"([^\[\]]+)((?:\[[^\[\]]*\])*)", key)
        parts = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))] if match else [key]
        node: JSON = root
        for i, part in enumerate(parts):
            name = part or str(len(node))  # ``x[]=a&x[]=b`` appends
            if i == len(parts) - 1:
                node[name] = value
                break
            child = node.setdefault(name, {})
            if not isinstance(child, dict):
                raise ApiError.invalid(f"Invalid object for parameter {key}", param=key)
            node = child
    return _listify(root, "")


def _listify(node: Any, key: str) -> Any:
    if not isinstance(node, dict):
        return node
    out = {k: _listify(v, k) for k, v in node.items()}
    if out and key != "metadata" and all(k.isdigit() for k in out):
        return [out[k] for k in sorted(out, key=int)]
    return out


class ApiError(Exception):
    """A Stripe error response. ``saved`` says whether Stripe's idempotency layer would keep it.

    Stripe saves a key's result once the endpoint started executing (business errors, 500s),
    but not for parameter validation failures or rate limiting, which can be retried.
    """

    def __init__(
        self,
        status: int,
        type_: str,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        saved: bool = False,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status, self.saved = status, saved
        self.body: JSON = {"type": type_, "message": message, **extra}
        if code:
            self.body["code"] = code
            self.body["doc_url"] = f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}"
        if param:
            self.body["param"] = param

    @classmethod
    def invalid(
        cls,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        status: int = 400,
        saved: bool = False,
    ) -> ApiError:
        return cls(status, "invalid_request_error", message, code=code, param=param, saved=saved)

    @classmethod
    def missing_param(cls, param: str) -> ApiError:
        return cls.invalid(
            f"Missing required param: {param}.", code="parameter_missing", param=param
        )

    @classmethod
    def no_such(cls, kind: str, obj_id: str, *, param: str = "id", status: int = 404) -> ApiError:
        return cls.invalid(
            f"No such {kind}: '{obj_id}'", code="resource_missing", param=param, status=status
        )


@dataclass
class Response:
    """One HTTP response as the fake sends it (and as the idempotency layer saves it)."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class RecordedRequest:
    """One request the fake received (inspect via ``FakeStripe.requests``)."""

    method: str
    path: str
    idempotency_key: str | None
    api_key: str | None
    params: JSON
    status: int | None = None  # None: connection dropped (injected timeout)
    replayed: bool = False


@dataclass
class _Injection:
    path_prefix: str
    kind: FailureKind
    remaining: int
    method: str | None
    perform: bool | Literal["late"]
    delay: float | None


@dataclass
class _Saved:
    method: str
    path: str
    params: JSON
    response: Response


@dataclass
class _Ctx:
    params: JSON
    request_id: str
    idempotency_key: str | None


@dataclass
class WebhookEndpoint:
    url: str
    secret: str


def _int(value: Any, param: str, *, minimum: int | None = None) -> int:
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        number = int(value)
        if minimum is None or number >= minimum:
            return number
        raise ApiError.invalid(
            f"This value must be greater than or equal to {minimum}.",
            code="parameter_invalid_integer",
            param=param,
        )
    raise ApiError.invalid(
        f"Invalid integer: {value}", code="parameter_invalid_integer", param=param
    )


def _require(params: JSON, name: str) -> Any:
    if params.get(name) in (None, ""):
        raise ApiError.missing_param(name)
    return params[name]


def _metadata(params: JSON) -> dict[str, str]:
    raw = params.get("metadata") or {}
    if not isinstance(raw, dict):
        raise ApiError.invalid("Invalid object", param="metadata")
    if len(raw) > 50:
        raise ApiError.invalid("You can only specify up to 50 metadata keys.", param="metadata")
    return {k: v for k, v in raw.items() if v != ""}


def sign_header(payload: str, secret: str, timestamp: int) -> str:
    """Stripe-Signature header ``t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<payload>">``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeStripe

    def handle_error(self, request: Any, client_address: Any) -> None:
        self.fake.errors.append(traceback.format_exc())


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers in pools

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.fake._handle(self, "GET")

    def do_POST(self) -> None:  # noqa: N802
        self.server.fake._handle(self, "POST")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silence the per-request stderr log; see ``FakeStripe.requests``."""


class FakeStripe:
    """In-process fake of the Stripe API (v1 subset) for the official ``stripe`` client.

    State lives in memory and is guarded by one lock, so concurrent requests behave as if
    Stripe serialised them. ``created`` timestamps come from a clock that
    ``advance_clock`` can move forward (to test ``created[gte]`` filters); webhook
    signatures always use the real time, since ``stripe.Webhook`` checks them against it.
    """

    def __init__(
        self,
        *,
        balance: int = 1_000_000,
        currency: str = "usd",
        api_keys: list[str] | None = None,
        webhook_secret: str = "whsec_test_fake",  # noqa: S107 (a test secret)
        client_timeout: float = 5.0,
        require_transfer_capability: bool = True,
    ) -> None:
        self.initial_balance = (balance, currency)
        self.api_keys = api_keys
        self.webhook_secret = webhook_secret
        self.client_timeout = client_timeout
        self.require_transfer_capability = require_transfer_capability
        self.errors: list[str] = []  # tracebacks of bugs inside the fake
        self._lock = threading.RLock()
        self._idle = threading.Condition()
        self._in_flight = 0
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._sessions: list[requests.Session] = []
        self._endpoints: list[WebhookEndpoint] = []
        self._routes: list[tuple[str, re.Pattern[str], Callable[..., tuple[int, JSON]]]] = [
            ("POST", re.compile(r"/v1/accounts"), self._create_account),
            ("GET", re.compile(r"/v1/accounts/(?P<obj_id>[^/]+)"), self._retrieve("account")),
            ("POST", re.compile(r"/v1/account_links"), self._create_account_link),
            ("POST", re.compile(r"/v1/transfers"), self._create_transfer),
            (
                "GET",
                re.compile(r"/v1/transfers"),
                self._lister("transfer", "/v1/transfers", "destination", "transfer_group"),
            ),
            ("GET", re.compile(r"/v1/transfers/(?P<obj_id>[^/]+)"), self._retrieve("transfer")),
            (
                "POST",
                re.compile(r"/v1/transfers/(?P<obj_id>[^/]+)/reversals"),
                self._create_reversal,
            ),
            ("GET", re.compile(r"/v1/balance"), self._get_balance),
            (
                "GET",
                re.compile(r"/v1/balance_transactions"),
                self._lister(
                    "balance_transaction", "/v1/balance_transactions", "type", "source", "currency"
                ),
            ),
            (
                "GET",
                re.compile(r"/v1/balance_transactions/(?P<obj_id>[^/]+)"),
                self._retrieve("balance_transaction"),
            ),
            ("POST", re.compile(r"/v1/checkout/sessions"), self._create_checkout_session),
            (
                "GET",
                re.compile(r"/v1/checkout/sessions/(?P<obj_id>[^/]+)"),
                self._retrieve("checkout.session"),
            ),
            ("GET", re.compile(r"/v1/events"), self._list_events),
            ("GET", re.compile(r"/v1/events/(?P<obj_id>[^/]+)"), self._retrieve("event")),
        ]
        self.reset()

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeStripe:
        """Bind 127.0.0.1:0 and serve in a daemon thread."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-stripe",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Wake delayed handlers, wait for in-flight requests, close every socket and session."""
        if self._server is None:
            return
        self._stopping.set()
        self.wait_idle(timeout=5.0)
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
        for session in self._sessions:
            session.close()
        self._sessions.clear()
        self._server = self._thread = None

    def __enter__(self) -> FakeStripe:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Base address, e.g. ``http://127.0.0.1:54321`` (pass as ``base_addresses["api"]``)."""
        if self._server is None:
            raise RuntimeError("FakeStripe is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def client(
        self,
        api_key: str = "sk_test_fake",
        *,
        timeout: float | None = None,
        max_network_retries: int = 0,
    ) -> stripe.StripeClient:
        """A ``stripe.StripeClient`` aimed at this server (requests session closed on stop)."""
        timeout = self.client_timeout if timeout is None else timeout
        session = requests.Session()
        session.trust_env = False  # never route loopback through an environment proxy
        session.headers["X-Fake-Client-Timeout"] = str(timeout)  # sizes injected timeouts
        self._sessions.append(session)
        return stripe.StripeClient(
            api_key,
            base_addresses={"api": self.url, "connect": self.url, "files": self.url},
            max_network_retries=max_network_retries,
            http_client=stripe.RequestsClient(timeout=timeout, session=session),
        )

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being handled (e.g. after an injected timeout)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout=timeout)

    # ----------------------------------------------------------------- test controls
    def reset(self) -> None:
        """Forget objects, events, keys, requests and injections; restore the balance.

        The server, its URL and registered webhook endpoints stay.
        """
        with self._lock:
            self._objects: dict[str, JSON] = {}
            self._seq: dict[str, int] = {}
            self._by_type: dict[str, list[str]] = {}
            self._idempotency: dict[tuple[str, str], _Saved] = {}
            self._injections: list[_Injection] = []
            self._balances: dict[str, int] = {}
            self._delivered: dict[str, set[str]] = {}
            self.requests: list[RecordedRequest] = []
            self.clock_offset = 0.0
            self.set_balance(*self.initial_balance)

    def set_balance(self, amount: int, currency: str = "usd") -> None:
        """Set the platform's available balance in ``currency`` (smallest unit)."""
        with self._lock:
            self._balances[currency.lower()] = amount

    def balance(self, currency: str = "usd") -> int:
        """The platform's available balance in ``currency``."""
        with self._lock:
            return self._balances.get(currency.lower(), 0)

    def advance_clock(self, seconds: float) -> None:
        """Move the clock used for ``created`` fields forward."""
        self.clock_offset += seconds

    def fail_next(
        self,
        path_prefix: str,
        *,
        kind: FailureKind,
        count: int = 1,
        method: str | None = "POST",
        perform: bool | Literal["late"] = True,
        delay: float | None = None,
    ) -> None:
        """Make the next ``count`` requests whose path starts with ``path_prefix`` fail.

        * ``"timeout"``: the response never arrives in time; the connection is dropped after
          ``delay`` seconds (default: the calling client's timeout + 0.5). ``perform=True`` does the
          work and saves it under the idempotency key *before* the client gives up (Stripe
          did it, the response was lost); ``"late"`` sleeps first, then performs; ``False``
          never performs and saves nothing.
        * ``"500"``: 500 ``api_error``, nothing performed; saved under the key like Stripe
          (a retry with the same key replays the 500).
        * ``"card_declined"``: 402 ``card_error``; ``"insufficient"``: 400
          ``balance_insufficient`` (both saved under the key).
        * ``"rate_limit"``: 429, not saved.

        ``method=None`` matches any method.
        """
        if kind not in _FAILURE_KINDS:
            raise ValueError(f"unknown failure kind {kind!r}")
        with self._lock:
            self._injections.append(
                _Injection(
                    path_prefix, kind, count, method.upper() if method else None, perform, delay
                )
            )

    def get(self, obj_id: str) -> JSON:
        """A copy of any stored object (account, transfer, event, ...) by id."""
        with self._lock:
            return copy.deepcopy(self._objects[obj_id])

    def objects(self, object_type: str) -> list[JSON]:
        """Copies of all objects of a type (``"transfer"``, ``"event"``...), oldest first."""
        with self._lock:
            return [copy.deepcopy(self._objects[i]) for i in self._by_type.get(object_type, [])]

    @property
    def transfers(self) -> list[JSON]:
        return self.objects("transfer")

    @property
    def events(self) -> list[JSON]:
        return self.objects("event")

    def requests_to(self, path_prefix: str, method: str | None = None) -> list[RecordedRequest]:
        """Logged requests whose path starts with ``path_prefix`` (optionally one method)."""
        return [
            r
            for r in list(self.requests)
            if r.path.startswith(path_prefix) and (method is None or r.method == method.upper())
        ]

    def complete_onboarding(self, account_id: str) -> JSON:
        """The user finishes hosted onboarding: account enabled, ``account.updated`` queued."""
        with self._lock:
            account = self._objects.get(account_id)
            if account is None or account["object"] != "account":
                raise KeyError(account_id)
            previous = {
                k: copy.deepcopy(account[k])
                for k in (
                    "charges_enabled",
                    "payouts_enabled",
                    "details_submitted",
                    "capabilities",
                    "requirements",
                )
            }
            account.update(charges_enabled=True, payouts_enabled=True, details_submitted=True)
            account["capabilities"] = {k: "active" for k in account["capabilities"]}
            account["requirements"] = {
                "currently_due": [],
                "eventually_due": [],
                "past_due": [],
                "pending_verification": [],
                "disabled_reason": None,
            }
            self._event("account.updated", account, previous=previous, account=account_id)
            return copy.deepcopy(account)

    def complete_checkout(self, session_id: str) -> JSON:
        """The customer pays: session complete/paid, balance credited, event queued."""
        with self._lock:
            session = self._objects.get(session_id)
            if session is None or session["object"] != "checkout.session":
                raise KeyError(session_id)
            if session["status"] != "open":
                raise ValueError(f"checkout session {session_id} is {session['status']}")
            charge_id = new_id("ch")
            session.update(
                status="complete",
                payment_status="paid",
                payment_intent=new_id("pi"),
                customer_details={"email": session["customer_email"], "name": None},
            )
            self._balance_txn(
                session["amount_total"],
                session["currency"],
                "charge",
                charge_id,
                "Checkout payment",
            )
            self._event("checkout.session.completed", session)
            return copy.deepcopy(session)

    # ----------------------------------------------------------------- webhooks
    def webhook_endpoint(self, url: str, secret: str | None = None) -> WebhookEndpoint:
        """Register a URL that ``deliver`` POSTs events to, signed with ``secret``."""
        endpoint = WebhookEndpoint(url, secret or self.webhook_secret)
        with self._lock:
            self._endpoints.append(endpoint)
        return endpoint

    def pending_events(self) -> list[JSON]:
        """Events not yet acknowledged (2xx) by every registered endpoint, oldest first."""
        with self._lock:
            urls = {e.url for e in self._endpoints}
            pending = []
            for event in self.objects("event"):
                done = self._delivered.get(event["id"], set())
                if not done or not urls <= done:
                    pending.append(event)
            return pending

    def signed_payload(
        self,
        event: JSON | str | stripe.StripeObject,
        *,
        secret: str | None = None,
        stale: bool = False,
        forged: bool = False,
    ) -> tuple[bytes, str]:
        """``(body, Stripe-Signature header)`` as Stripe would POST ``event`` to an endpoint.

        ``stale`` dates the signature 10 minutes back (outside the library's 300 s
        tolerance); ``forged`` signs with a wrong secret. Post the body to a Django view with
        ``client.post(url, body, content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header)``.
        """
        if isinstance(event, str):
            event = self.get(event)
        elif isinstance(event, stripe.StripeObject):
            event = event.to_dict()
        payload = json.dumps(event, indent=2)
        secret = (
            "whsec_forged_" + secrets.token_hex(8) if forged else (secret or self.webhook_secret)
        )
        if stale:
            header = sign_header(payload, secret, int(time.time()) - 600)
        else:
            header = stripe.WebhookSignature.generate_signature_header(payload, secret)
        return payload.encode(), header

    def deliver(
        self,
        event_id: str | None = None,
        *,
        times: int = 1,
        concurrently: bool = False,
        stale: bool = False,
        forged: bool = False,
        reverse: bool = False,
        timeout: float = 10.0,
    ) -> list[int]:
        """POST events to every registered endpoint, like Stripe's webhook sender.

        Sends ``event_id`` (even if already delivered) or else every pending event, oldest
        first (``reverse=True`` for newest first, as Stripe does not guarantee order). Each
        event goes ``times`` times to each endpoint; with ``concurrently`` those copies are
        released at once from separate threads (duplicate deliveries racing). A 2xx marks the
        event delivered to that endpoint. Returns the HTTP statuses (0 = connection failed).
        """
        with self._lock:
            endpoints = list(self._endpoints)
        if not endpoints:
            raise RuntimeError("no webhook endpoint registered; call webhook_endpoint() first")
        events = [self.get(event_id)] if event_id else self.pending_events()
        if reverse:
            events.reverse()
        statuses: list[int] = []
        for event in events:
            for endpoint in endpoints:
                body, header = self.signed_payload(
                    event, secret=endpoint.secret, stale=stale, forged=forged
                )
                results = self._post_copies(
                    endpoint.url, body, header, times, concurrently, timeout
                )
                statuses.extend(results)
                if any(200 <= s < 300 for s in results):
                    with self._lock:
                        self._delivered.setdefault(event["id"], set()).add(endpoint.url)
                        stored = self._objects[event["id"]]
                        stored["pending_webhooks"] = sum(
                            e.url not in self._delivered[event["id"]] for e in self._endpoints
                        )
        return statuses

    def _post_copies(
        self, url: str, body: bytes, header: str, times: int, concurrently: bool, timeout: float
    ) -> list[int]:
        if not concurrently:
            return [self._post_webhook(url, body, header, timeout) for _ in range(times)]
        results: list[int] = [0] * times
        barrier = threading.Barrier(times)

        def send(i: int) -> None:
            barrier.wait(timeout=timeout)
            results[i] = self._post_webhook(url, body, header, timeout)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(times)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results

    @staticmethod
    def _post_webhook(url: str, body: bytes, header: str, timeout: float) -> int:
        request = urllib.request.Request(  # noqa: S310
            url,
            data=body,
            method="POST",
            headers={  # noqa: S310
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                "Stripe-Signature": header,
            },
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as err:
            with err:
                return err.code
        except (urllib.error.URLError, OSError):
            return 0

    # ----------------------------------------------------------------- HTTP plumbing
    def _handle(self, handler: _Handler, method: str) -> None:
        with self._idle:
            self._in_flight += 1
        try:
            try:
                length = int(handler.headers.get("Content-Length") or 0)
                body = handler.rfile.read(length).decode() if length else ""
                response = self._dispatch(method, handler.path, handler.headers, body)
            except Exception:  # a bug in the fake: answer like Stripe's 500, keep the trace
                self.errors.append(traceback.format_exc())
                print(self.errors[-1], file=sys.stderr)
                response = self._error_response(
                    ApiError(500, "api_error", "Fake crashed"), new_id("req")
                )
            if response is None:  # injected timeout: drop the connection unanswered
                handler.close_connection = True
                return
            try:
                handler.send_response(response.status)
                for name, value in response.headers.items():
                    handler.send_header(name, value)
                handler.send_header("Content-Length", str(len(response.body)))
                handler.end_headers()
                handler.wfile.write(response.body)
            except OSError:
                pass  # the client went away
        finally:
            with self._idle:
                self._in_flight -= 1
                self._idle.notify_all()

    def _dispatch(self, method: str, raw_path: str, headers: Any, body: str) -> Response | None:
        split = urlsplit(raw_path)
        path = split.path.rstrip("/") or "/"
        request_id = new_id("req", 14)
        if not path.startswith("/v1/"):
            return self._page(path)
        idem_key = headers.get("Idempotency-Key") if method == "POST" else None
        auth = headers.get("Authorization") or ""
        api_key = auth[7:].strip() if auth.startswith("Bearer ") else None
        record = RecordedRequest(method, path, idem_key, api_key, {})
        self.requests.append(record)
        try:
            record.params = parse_form(
                parse_qsl(body if method == "POST" else split.query, keep_blank_values=True)
            )
            self._authenticate(api_key)
            handler, groups = self._route(method, path)
        except ApiError as err:
            record.status = err.status
            return self._error_response(err, request_id)
        injection = self._take_injection(method, path)
        delay = 0.0
        if injection and injection.kind == "timeout":
            delay = (
                injection.delay
                if injection.delay is not None
                else (float(headers.get("X-Fake-Client-Timeout") or self.client_timeout) + 0.5)
            )
            if injection.perform is not True:
                self._stopping.wait(delay)
                if injection.perform is False:
                    return None
                delay = 0.0
        ctx = _Ctx(record.params, request_id, idem_key)
        with self._lock:
            response = self._execute(
                method,
                path,
                ctx,
                api_key or "",
                handler,
                groups,
                injection.kind if injection else None,
            )
        record.status = response.status
        record.replayed = "Idempotent-Replayed" in response.headers
        if injection and injection.kind == "timeout":
            record.status = None
            self._stopping.wait(delay)
            return None
        return response

    def _execute(
        self,
        method: str,
        path: str,
        ctx: _Ctx,
        api_key: str,
        handler: Callable[..., tuple[int, JSON]],
        groups: dict[str, str],
        injected: str | None,
    ) -> Response:
        key = (api_key, ctx.idempotency_key) if ctx.idempotency_key else None
        if key and key in self._idempotency:
            saved = self._idempotency[key]
            if (saved.method, saved.path) != (method, path):
                return self._error_response(
                    ApiError(
                        400,
                        "idempotency_error",
                        "Keys for idempotent requests can only be used for the same endpoint they "
                        f"were first used for ('{saved.path}' vs '{path}'). Try using a key other "
                        f"than '{key[1]}' if you meant to execute a different request.",
                    ),
                    ctx.request_id,
                )
            if saved.params != ctx.params:
                return self._error_response(
                    ApiError(
                        400,
                        "idempotency_error",
                        "Keys for idempotent requests can only be used with the same parameters "
                        f"they were first used with. Try using a key other than '{key[1]}' if you "
                        "meant to execute a different request.",
                    ),
                    ctx.request_id,
                )
            original = saved.response
            return Response(
                original.status,
                original.body,
                {
                    **original.headers,
                    "Idempotent-Replayed": "true",
                    "Original-Request": original.headers["Request-Id"],
                    "Request-Id": ctx.request_id,
                },
            )
        try:
            if injected and injected != "timeout":
                raise self._injected_error(injected)
            status, obj = handler(ctx, **groups)
            response = self._json_response(status, obj, ctx.request_id)
            saved_ok = True
        except ApiError as err:
            response, saved_ok = self._error_response(err, ctx.request_id), err.saved
        if key and saved_ok:
            self._idempotency[key] = _Saved(method, path, copy.deepcopy(ctx.params), response)
        if ctx.idempotency_key:
            response.headers["Idempotency-Key"] = ctx.idempotency_key
        return response

    @staticmethod
    def _injected_error(kind: str) -> ApiError:
        return {
            "500": lambda: ApiError(500, "api_error", "An unknown error occurred", saved=True),
            "card_declined": lambda: ApiError(
                402,
                "card_error",
                "Your card was declined.",
                code="card_declined",
                saved=True,
                decline_code="generic_decline",
            ),
            "rate_limit": lambda: ApiError(
                429, "invalid_request_error", "Request rate limit exceeded.", code="rate_limit"
            ),
            "insufficient": lambda: ApiError.invalid(
                "You have insufficient available funds in your Stripe account.",
                code="balance_insufficient",
                saved=True,
            ),
        }[kind]()

    def _authenticate(self, api_key: str | None) -> None:
        if not api_key:
            raise ApiError(
                401,
                "invalid_request_error",
                "You did not provide an API key. You need to provide your API key "
                "in the Authorization header, using Bearer auth.",
            )
        valid = (
            api_key in self.api_keys
            if self.api_keys is not None
            else api_key.startswith(("sk_test_", "rk_test_"))
        )
        if not valid:
            raise ApiError(
                401,
                "invalid_request_error",
                f"Invalid API Key provided: {api_key[:8]}****{api_key[-4:]}",
            )

    def _route(
        self, method: str, path: str
    ) -> tuple[Callable[..., tuple[int, JSON]], dict[str, str]]:
        for route_method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match and route_method == method:
                return handler, match.groupdict()
        raise ApiError.invalid(
            f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs "
            "or we can help at https://support.stripe.com/.",
            status=404,
        )

    def _take_injection(self, method: str, path: str) -> _Injection | None:
        with self._lock:
            for injection in self._injections:
                if path.startswith(injection.path_prefix) and injection.method in (None, method):
                    injection.remaining -= 1
                    if injection.remaining <= 0:
                        self._injections.remove(injection)
                    return injection
        return None

    def _json_response(self, status: int, obj: JSON, request_id: str) -> Response:
        return Response(
            status,
            json.dumps(obj, indent=2).encode(),
            {
                "Content-Type": "application/json",
                "Request-Id": request_id,
                "Stripe-Version": API_VERSION,
            },
        )

    def _error_response(self, err: ApiError, request_id: str) -> Response:
        body = {
            "error": {
                **err.body,
                "request_log_url": f"https://dashboard.stripe.com/test/logs/{request_id}",
            }
        }
        return self._json_response(err.status, body, request_id)

    def _page(self, path: str) -> Response:
        """Hosted pages (onboarding, checkout) that the returned ``url`` fields point at."""
        if path.startswith(("/connect/onboarding/", "/c/pay/")):
            html = f"<!doctype html><title>Fake Stripe</title><p>Fake hosted page {path}</p>"
            return Response(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})
        return Response(404, b"Not Found", {"Content-Type": "text/plain"})

    # ----------------------------------------------------------------- state helpers
    def _now(self) -> int:
        return int(time.time() + self.clock_offset)

    def _store(self, obj: JSON) -> JSON:
        self._objects[obj["id"]] = obj
        self._seq[obj["id"]] = len(self._seq)
        self._by_type.setdefault(obj["object"], []).append(obj["id"])
        return obj

    def _event(
        self,
        type_: str,
        obj: JSON,
        *,
        ctx: _Ctx | None = None,
        previous: JSON | None = None,
        account: str | None = None,
    ) -> JSON:
        data: JSON = {"object": copy.deepcopy(obj)}
        if previous is not None:
            data["previous_attributes"] = previous
        event: JSON = {
            "id": new_id("evt"),
            "object": "event",
            "api_version": API_VERSION,
            "created": self._now(),
            "data": data,
            "livemode": False,
            "pending_webhooks": len(self._endpoints),
            "type": type_,
            "request": {
                "id": ctx.request_id if ctx else None,
                "idempotency_key": ctx.idempotency_key if ctx else None,
            },
        }
        if account:
            event["account"] = account
        return self._store(event)

    def _balance_txn(
        self, amount: int, currency: str, type_: str, source: str, description: str | None
    ) -> JSON:
        self._balances[currency] = self._balances.get(currency, 0) + amount
        now = self._now()
        return self._store(
            {
                "id": new_id("txn"),
                "object": "balance_transaction",
                "amount": amount,
                "available_on": now,
                "created": now,
                "currency": currency,
                "description": description,
                "exchange_rate": None,
                "fee": 0,
                "fee_details": [],
                "net": amount,
                "reporting_category": {
                    "charge": "charge",
                    "transfer": "transfer",
                    "transfer_refund": "transfer_reversal",
                }.get(type_, type_),
                "source": source,
                "status": "available",
                "type": type_,
            }
        )

    def _lister(self, object_type: str, url: str, *fields: str) -> Callable[..., tuple[int, JSON]]:
        """GET list endpoint filtered by equality on ``fields`` (and ``created``)."""

        def list_(ctx: _Ctx) -> tuple[int, JSON]:
            p = ctx.params
            return self._list(
                object_type, p, url, lambda o: all(p.get(k) in (None, o[k]) for k in fields)
            )

        return list_

    def _retrieve(self, object_type: str) -> Callable[..., tuple[int, JSON]]:
        def retrieve(ctx: _Ctx, obj_id: str) -> tuple[int, JSON]:
            obj = self._objects.get(obj_id)
            if obj is None or obj["object"] != object_type:
                raise ApiError.no_such(object_type, obj_id)
            return 200, obj

        return retrieve

    def _list(
        self,
        object_type: str,
        params: JSON,
        url: str,
        match: Callable[[JSON], bool] = lambda _: True,
    ) -> tuple[int, JSON]:
        """Stripe list object: newest first, ``limit`` 1-100 (default 10), cursor paging."""
        limit = _int(params.get("limit", "10"), "limit", minimum=1)
        if limit > 100:
            raise ApiError.invalid(
                "This value must be less than or equal to 100.",
                code="parameter_invalid_integer",
                param="limit",
            )
        created_ok = _created_filter(params.get("created"))
        items = [self._objects[i] for i in reversed(self._by_type.get(object_type, []))]
        items = [o for o in items if created_ok(o["created"]) and match(o)]
        after, before = params.get("starting_after"), params.get("ending_before")
        for cursor, param in ((after, "starting_after"), (before, "ending_before")):
            if cursor and cursor not in self._seq:
                raise ApiError.no_such(object_type, cursor, param=param, status=400)
        if after:
            items = [o for o in items if self._seq[o["id"]] < self._seq[after]]
            page, has_more = items[:limit], len(items) > limit
        elif before:
            items = [o for o in items if self._seq[o["id"]] > self._seq[before]]
            page, has_more = items[-limit:], len(items) > limit
        else:
            page, has_more = items[:limit], len(items) > limit
        return 200, {"object": "list", "data": page, "has_more": has_more, "url": url}

    # ----------------------------------------------------------------- endpoints
    def _create_account(self, ctx: _Ctx) -> tuple[int, JSON]:
        """POST /v1/accounts: a Connect account that still has onboarding to do."""
        p = ctx.params
        if not p.get("type") and not p.get("controller"):
            raise ApiError.missing_param("type")
        if p.get("type") and p["type"] not in ("express", "standard", "custom"):
            raise ApiError.invalid(
                "Invalid type: must be one of custom, express, or standard",
                code="parameter_invalid_string",
                param="type",
            )
        country = str(p.get("country") or "US").upper()
        requested = p.get("capabilities") or {}
        if not isinstance(requested, dict):
            raise ApiError.invalid("Invalid object", param="capabilities")
        capabilities = {
            name: "inactive"
            for name, opts in requested.items()
            if isinstance(opts, dict) and opts.get("requested") == "true"
        }
        metadata = _metadata(p)
        due = ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"]
        return 200, self._store(
            {
                "id": new_id("acct", 14),
                "object": "account",
                "type": p.get("type") or "custom",
                "business_profile": {"name": None, "url": None},
                "business_type": None,
                "capabilities": capabilities,
                "charges_enabled": False,
                "country": country,
                "created": self._now(),
                "default_currency": _CURRENCY_BY_COUNTRY.get(country, "usd"),
                "details_submitted": False,
                "email": p.get("email"),
                "metadata": metadata,
                "payouts_enabled": False,
                "requirements": {
                    "currently_due": due,
                    "eventually_due": due,
                    "past_due": due,
                    "pending_verification": [],
                    "disabled_reason": "requirements.past_due",
                },
            }
        )

    def _create_account_link(self, ctx: _Ctx) -> tuple[int, JSON]:
        """POST /v1/account_links: a short-lived hosted onboarding URL."""
        p = ctx.params
        for name in ("account", "type"):
            _require(p, name)
        if p["type"] not in ("account_onboarding", "account_update"):
            raise ApiError.invalid("Invalid type", code="parameter_invalid_string", param="type")
        account = self._objects.get(p["account"])
        if account is None or account["object"] != "account":
            raise ApiError.no_such("account", p["account"], param="account", status=400)
        if p["type"] == "account_onboarding" and not p.get("refresh_url"):
            raise ApiError.missing_param("refresh_url")
        now = self._now()
        return 200, {
            "object": "account_link",
            "created": now,
            "expires_at": now + 300,
            "url": f"{self.url}/connect/onboarding/{p['account']}/{secrets.token_hex(8)}",
        }

    def _create_transfer(self, ctx: _Ctx) -> tuple[int, JSON]:
        """POST /v1/transfers: move platform balance to a connected account."""
        p = ctx.params
        amount = _int(_require(p, "amount"), "amount", minimum=1)
        currency = str(_require(p, "currency")).lower()
        destination = _require(p, "destination")
        metadata = _metadata(p)
        account = self._objects.get(destination)
        if account is None or account["object"] != "account":
            raise ApiError.no_such("destination", destination, param="destination", status=400)
        if (
            self.require_transfer_capability
            and account["capabilities"].get("transfers") != "active"
        ):
            raise ApiError.invalid(
                "Your destination account needs to have at least one of the following "
                "capabilities enabled: transfers, crypto_transfers, legacy_payments",
                code="insufficient_capabilities_for_transfer",
                param="destination",
                saved=True,
            )
        if self._balances.get(currency, 0) < amount:
            raise ApiError.invalid(
                "You have insufficient available funds in your Stripe account. Try adding "
                "funds directly to your available balance by creating Charges using the "
                "4000000000000077 test card.",
                code="balance_insufficient",
                saved=True,
            )
        transfer_id = new_id("tr")
        txn = self._balance_txn(-amount, currency, "transfer", transfer_id, p.get("description"))
        transfer = self._store(
            {
                "id": transfer_id,
                "object": "transfer",
                "amount": amount,
                "amount_reversed": 0,
                "balance_transaction": txn["id"],
                "created": self._now(),
                "currency": currency,
                "description": p.get("description"),
                "destination": destination,
                "destination_payment": new_id("py"),
                "livemode": False,
                "metadata": metadata,
                "reversals": {
                    "object": "list",
                    "data": [],
                    "has_more": False,
                    "total_count": 0,
                    "url": f"/v1/transfers/{transfer_id}/reversals",
                },
                "reversed": False,
                "source_transaction": p.get("source_transaction"),
                "source_type": "card",
                "transfer_group": p.get("transfer_group"),
            }
        )
        self._event("transfer.created", transfer, ctx=ctx)
        return 200, transfer

    def _create_reversal(self, ctx: _Ctx, obj_id: str) -> tuple[int, JSON]:
        """POST /v1/transfers/{id}/reversals: pull (part of) a transfer back to the platform."""
        transfer = self._objects.get(obj_id)
        if transfer is None or transfer["object"] != "transfer":
            raise ApiError.no_such("transfer", obj_id)
        remaining = transfer["amount"] - transfer["amount_reversed"]
        amount = _int(ctx.params.get("amount", str(remaining)), "amount", minimum=1)
        if amount > remaining:
            raise ApiError.invalid(
                f"Transfer {obj_id} has already been reversed by {transfer['amount_reversed']} "
                f"and cannot be reversed by a further {amount}.",
                param="amount",
            )
        metadata = _metadata(ctx.params)
        reversal_id = new_id("trr")
        txn = self._balance_txn(
            amount,
            transfer["currency"],
            "transfer_refund",
            reversal_id,
            ctx.params.get("description"),
        )
        reversal = self._store(
            {
                "id": reversal_id,
                "object": "transfer_reversal",
                "amount": amount,
                "balance_transaction": txn["id"],
                "created": self._now(),
                "currency": transfer["currency"],
                "destination_payment_refund": new_id("pyr"),
                "metadata": metadata,
                "source_refund": None,
                "transfer": obj_id,
            }
        )
        previous = {
            "amount_reversed": transfer["amount_reversed"],
            "reversed": transfer["reversed"],
        }
        transfer["amount_reversed"] += amount
        transfer["reversed"] = transfer["amount_reversed"] == transfer["amount"]
        transfer["reversals"]["data"].insert(0, reversal)
        transfer["reversals"]["total_count"] += 1
        self._event("transfer.reversed", transfer, ctx=ctx, previous=previous)
        return 200, reversal

    def _get_balance(self, ctx: _Ctx) -> tuple[int, JSON]:
        """GET /v1/balance: available per currency (this fake has nothing pending)."""
        available = [
            {"amount": amt, "currency": cur, "source_types": {"card": amt}}
            for cur, amt in sorted(self._balances.items())
        ]
        pending = [
            {"amount": 0, "currency": cur, "source_types": {"card": 0}}
            for cur in sorted(self._balances)
        ]
        return 200, {
            "object": "balance",
            "available": available,
            "livemode": False,
            "pending": pending,
        }

    def _create_checkout_session(self, ctx: _Ctx) -> tuple[int, JSON]:
        """POST /v1/checkout/sessions (mode=payment, inline ``price_data`` line items)."""
        p = ctx.params
        mode = _require(p, "mode")
        if mode != "payment":
            raise ApiError.invalid("This fake supports mode=payment only.", param="mode")
        success_url = _require(p, "success_url")
        items = p.get("line_items")
        if not isinstance(items, list) or not items:
            raise ApiError.missing_param("line_items")
        total, currencies = 0, set()
        for i, item in enumerate(items):
            price = item.get("price_data") if isinstance(item, dict) else None
            if not isinstance(price, dict):
                raise ApiError.missing_param(f"line_items[{i}][price_data]")
            if not (price.get("product_data") or {}).get("name"):
                raise ApiError.missing_param(f"line_items[{i}][price_data][product_data][name]")
            unit = _int(
                _require(price, "unit_amount"),
                f"line_items[{i}][price_data][unit_amount]",
                minimum=0,
            )
            qty = _int(item.get("quantity", "1"), f"line_items[{i}][quantity]", minimum=1)
            currencies.add(str(_require(price, "currency")).lower())
            total += unit * qty
        if len(currencies) != 1:
            raise ApiError.invalid("All line items must use the same currency.", param="line_items")
        metadata = _metadata(p)
        session_id = new_id("cs_test_a", 56)
        now = self._now()
        return 200, self._store(
            {
                "id": session_id,
                "object": "checkout.session",
                "amount_subtotal": total,
                "amount_total": total,
                "cancel_url": p.get("cancel_url"),
                "client_reference_id": p.get("client_reference_id"),
                "created": now,
                "currency": currencies.pop(),
                "customer": None,
                "customer_details": None,
                "customer_email": p.get("customer_email"),
                "expires_at": now + 86400,
                "livemode": False,
                "metadata": metadata,
                "mode": mode,
                "payment_intent": None,
                "payment_method_types": ["card"],
                "payment_status": "unpaid",
                "status": "open",
                "success_url": success_url,
                "ui_mode": "hosted",
                "url": f"{self.url}/c/pay/{session_id}",
            }
        )

    def _list_events(self, ctx: _Ctx) -> tuple[int, JSON]:
        """GET /v1/events, filterable by ``type`` (``transfer.*`` wildcards), ``types``."""
        p = ctx.params
        wanted = [p["type"]] if p.get("type") else list(p.get("types") or [])

        def match(event: JSON) -> bool:
            return not wanted or any(
                event["type"] == w or (w.endswith(".*") and event["type"].startswith(w[:-1]))
                for w in wanted
            )

        return self._list("event", p, "/v1/events", match)


def _created_filter(spec: Any) -> Callable[[int], bool]:
    """``created=<ts>`` or ``created[gt|gte|lt|lte]=<ts>`` as Stripe's list endpoints take."""
    if spec is None:
        return lambda _: True
    if not isinstance(spec, dict):
        exact = _int(spec, "created")
        return lambda t: t == exact
    ops = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}
    bounds = []
    for op, value in spec.items():
        if op not in ops:
            raise ApiError.invalid(
                f"Received unknown parameter: created[{op}]", param=f"created[{op}]"
            )
        bounds.append((ops[op], _int(value, f"created[{op}]")))
    return lambda t: all(test(t, v) for test, v in bounds)
