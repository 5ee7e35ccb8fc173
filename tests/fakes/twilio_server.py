"""A fake Twilio Messages API on loopback, driven by Twilio's own Python library.

``FakeTwilio`` serves ``POST /2010-04-01/Accounts/{sid}/Messages.json`` the way Twilio does
for what Semilla sends: HTTP basic auth with the account SID and token, form-encoded
parameters (``To``, ``From``, ``Body``, ``ContentSid``, ``ContentVariables``,
``StatusCallback``), E.164 numbers (``whatsapp:`` prefixed for WhatsApp), WhatsApp content
templates rendered in their language with their variables, Twilio-shaped message resources
and errors (``{"code", "message", "more_info", "status"}``). It also plays Twilio's side of
the webhooks: status callbacks and inbound replies, signed with ``X-Twilio-Signature`` the
way Twilio signs them::

    with FakeTwilio() as fake:
        fake.configure(settings)      # points the app's Twilio settings at the fake
        ...                           # the app sends messages
        fake.messages[-1]["body"]     # what the phone would show
        fake.callback(sid, "delivered")  # -> (path, params, headers) to post to the app

Failure injection: ``fake.outage = 2`` answers the next two sends with 503; numbers in
``fake.nonexistent`` are refused with error 21211, like a number that stopped existing.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import urllib.request
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from twilio.request_validator import RequestValidator

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token-semilla"  # noqa: S105 - a test value
SMS_FROM = "+15005550006"
WHATSAPP_FROM = "+14155238886"
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
#: Content templates registered at the fake (as approved in Twilio's console):
#: Content SID -> (language, body with {{1}}, {{2}} variables)
TEMPLATES = {
    "HX" + "e" * 31 + "1": ("es", "Recordatorio de Semilla: {{1}} Más: {{2}}"),
    "HX" + "e" * 31 + "2": ("en", "Semilla reminder: {{1}} More: {{2}}"),
}
TEMPLATE_SETTING = {"reminder": {"es": "HX" + "e" * 31 + "1", "en": "HX" + "e" * 31 + "2"}}


class FakeTwilio:
    def __init__(self):
        self.messages: list[dict[str, Any]] = []
        self.requests: list[dict[str, str]] = []
        self.errors: list[str] = []
        self.outage = 0
        self.nonexistent: set[str] = set()
        self.validator = RequestValidator(AUTH_TOKEN)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- life cycle --------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeTwilio:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def configure(self, settings) -> None:
        settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
        settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
        settings.TWILIO_SMS_FROM = SMS_FROM
        settings.TWILIO_WHATSAPP_FROM = WHATSAPP_FROM
        settings.TWILIO_API_BASE = self.url
        settings.TWILIO_WHATSAPP_TEMPLATES = TEMPLATE_SETTING

    # --- what the phones got -------------------------------------------------------------
    def sent_to(self, number: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if m["to"].removeprefix("whatsapp:") == number]

    def last_code(self, number: str) -> str:
        """The six-digit code of the last SMS to ``number``."""
        for message in reversed(self.sent_to(number)):
            found = re.search(r"\b(\d{6})\b", message["body"])
            if found:
                return found.group(1)
        raise LookupError(number)

    # --- Twilio's webhooks -----------------------------------------------------------------
    def sign(self, url: str, params: dict[str, str]) -> str:
        return self.validator.compute_signature(url, params)

    def callback(self, sid: str, status: str, error_code: str = "") -> tuple[str, dict, dict]:
        """The status callback Twilio would send for message ``sid``: (path, params,
        headers) for the test client, signed for the callback URL given at send time."""
        message = next(m for m in self.messages if m["sid"] == sid)
        params = {
            "AccountSid": ACCOUNT_SID,
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
            "To": message["to"],
            "From": message["from"],
            "ApiVersion": "2010-04-01",
        }
        if error_code:
            params["ErrorCode"] = error_code
        url = message["status_callback"]
        return urlsplit(url).path, params, {"HTTP_X_TWILIO_SIGNATURE": self.sign(url, params)}

    def inbound(self, url: str, *, from_: str, body: str) -> tuple[str, dict, dict]:
        """A reply from ``from_`` (``+57...`` or ``whatsapp:+57...``) posted to ``url``."""
        params = {
            "AccountSid": ACCOUNT_SID,
            "MessageSid": "SM" + secrets.token_hex(16),
            "From": from_,
            "To": WHATSAPP_FROM if from_.startswith("whatsapp:") else SMS_FROM,
            "Body": body,
            "NumMedia": "0",
        }
        return urlsplit(url).path, params, {"HTTP_X_TWILIO_SIGNATURE": self.sign(url, params)}

    def deliver_callback(self, sid: str, status: str) -> int:
        """POST the status callback over HTTP (for a live server)."""
        message = next(m for m in self.messages if m["sid"] == sid)
        _path, params, headers = self.callback(sid, status)
        request = urllib.request.Request(  # noqa: S310 - loopback test server
            message["status_callback"],
            data="&".join(f"{k}={urllib.request.quote(v)}" for k, v in params.items()).encode(),
            headers={"X-Twilio-Signature": headers["HTTP_X_TWILIO_SIGNATURE"]},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status

    # --- the API ---------------------------------------------------------------------------
    def _create_message(self, account: str, form: dict[str, str]) -> tuple[int, dict]:
        if self.outage > 0:
            self.outage -= 1
            return 503, _error(20500, "Service unavailable", 503)
        to, from_ = form.get("To", ""), form.get("From", "")
        channel = "whatsapp" if to.startswith("whatsapp:") else "sms"
        if channel == "whatsapp" and not from_.startswith("whatsapp:"):
            return 400, _error(63007, "Twilio could not find a Channel with the From address")
        number = to.removeprefix("whatsapp:")
        if not E164.match(number) or number in self.nonexistent:
            return 400, _error(21211, f"The 'To' number {number} is not a valid phone number.")
        body = form.get("Body", "")
        language = ""
        if form.get("ContentSid"):
            if channel != "whatsapp" or form["ContentSid"] not in TEMPLATES:
                return 400, _error(21656, "The ContentSid is Invalid.")
            language, template = TEMPLATES[form["ContentSid"]]
            variables = json.loads(form.get("ContentVariables") or "{}")
            body = re.sub(r"\{\{(\d+)\}\}", lambda m: str(variables.get(m.group(1), "")), template)
        elif not body:
            return 400, _error(21602, "Message body is required.")
        now = format_datetime(datetime.now(UTC), usegmt=True)
        sid = "SM" + secrets.token_hex(16)
        message = {
            "account_sid": account,
            "api_version": "2010-04-01",
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": from_,
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {
                "media": f"/2010-04-01/Accounts/{account}/Messages/{sid}/Media.json"
            },
            "to": to,
            "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
        }
        with self._lock:
            self.messages.append(
                {
                    **message,
                    "channel": channel,
                    "language": language,
                    "content_sid": form.get("ContentSid", ""),
                    "status_callback": form.get("StatusCallback", ""),
                }
            )
        return 201, message

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                return

            def _answer(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
                fake.requests.append({"path": self.path, **form})
                match = re.fullmatch(r"/2010-04-01/Accounts/(AC\w+)/Messages\.json", self.path)
                if match is None:
                    return self._answer(
                        404, _error(20404, "The requested resource was not found", 404)
                    )
                expected = (
                    "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
                )
                if self.headers.get("Authorization") != expected or match.group(1) != ACCOUNT_SID:
                    return self._answer(401, _error(20003, "Authenticate", 401))
                try:
                    status, payload = fake._create_message(match.group(1), form)
                except Exception as exc:  # a bug in the fake: make the test fail
                    fake.errors.append(repr(exc))
                    return self._answer(500, _error(20500, "fake error", 500))
                return self._answer(status, payload)

        return Handler


def _error(code: int, message: str, status: int = 400) -> dict:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
