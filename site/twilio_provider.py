"""Twilio, the provider behind the WhatsApp and SMS channels (``semilla.notifications``),
through Twilio's own Python library.

Configured by environment variables (see docs/deployment.md, "Messages: e-mail, WhatsApp,
SMS"): ``TWILIO_ACCOUNT_SID``, ``TWILIO_AUTH_TOKEN``, ``TWILIO_SMS_FROM``,
``TWILIO_WHATSAPP_FROM`` and ``TWILIO_WHATSAPP_TEMPLATES`` (the Content SIDs of the
approved WhatsApp templates, per kind of message and language). ``TWILIO_API_BASE`` points
the library at another server (the tests' fake on loopback). Without an account SID and
token the phone channels only keep their messages in the outbox.
"""

from __future__ import annotations

import json

import requests
from django.conf import settings
from django.urls import reverse
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

#: Twilio error codes that mean the number cannot receive messages any more.
UNREACHABLE_CODES = frozenset(
    {
        21211,  # invalid 'To' number
        21614,  # not a mobile number
        30005,  # unknown destination handset
        30006,  # landline or unreachable carrier
        63024,  # invalid WhatsApp recipient
    }
)
#: Replies that stop every message at once (Twilio's opt-out words and Spanish ones).
STOP_WORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "parar", "detener", "baja"}
)


class PermanentFailure(Exception):
    """The provider refused the message for good (retrying will not help)."""

    def __init__(self, message: str, *, unreachable: bool = False):
        super().__init__(message)
        self.unreachable = unreachable


class PassingFailure(Exception):
    """The provider could not be reached or failed on its side: try again later."""


def configured() -> bool:
    return bool(settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN)


def client() -> Client:
    twilio = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
    if settings.TWILIO_API_BASE:
        twilio.api.base_url = settings.TWILIO_API_BASE.rstrip("/")
    return twilio


def status_callback_url() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("twilio_status")


def whatsapp_template(kind: str, language: str) -> str:
    """The Content SID of the approved template for ``kind`` in ``language`` ("" if none)."""
    by_language = settings.TWILIO_WHATSAPP_TEMPLATES.get(kind) or {}
    return by_language.get(language) or ""


def send(*, channel: str, to: str, body: str, kind: str, language: str, url: str = "") -> str:
    """Send one message; the provider's message id. WhatsApp messages started by us use
    the approved template of ``kind`` in ``language`` with the text and link as its
    variables ({{1}} and {{2}})."""
    params: dict[str, str] = {"status_callback": status_callback_url()}
    if channel == "whatsapp":
        params["from_"] = f"whatsapp:{settings.TWILIO_WHATSAPP_FROM}"
        params["to"] = f"whatsapp:{to}"
        template = whatsapp_template(kind, language)
        if template:
            params["content_sid"] = template
            params["content_variables"] = json.dumps({"1": body, "2": url or settings.SITE_URL})
        else:
            params["body"] = body
    else:
        params["from_"] = settings.TWILIO_SMS_FROM
        params["to"] = to
        params["body"] = body
    try:
        message = client().messages.create(**params)
    except TwilioRestException as exc:
        if exc.status >= 500 or exc.status == 429:
            raise PassingFailure(f"Twilio {exc.status}: {exc.msg}") from exc
        raise PermanentFailure(
            f"Twilio {exc.code}: {exc.msg}", unreachable=exc.code in UNREACHABLE_CODES
        ) from exc
    except (requests.RequestException, TwilioException) as exc:
        raise PassingFailure(f"Twilio unreachable: {exc}") from exc
    return str(message.sid)


def signature_valid(*, url: str, params: dict[str, str], signature: str) -> bool:
    """Whether ``signature`` (the ``X-Twilio-Signature`` header) signs this request."""
    if not settings.TWILIO_AUTH_TOKEN or not signature:
        return False
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, params, signature)
