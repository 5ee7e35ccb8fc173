"""The signed link in a survey reminder: it opens ONE answer (one person, one wave) with no
password, and nothing else. ``django.core.signing.TimestampSigner`` with a salt used only
here; the signed value names the answer, its wave and its person, so a token cannot be
turned into another one, and it expires after ``LINK_MAX_AGE``."""

from __future__ import annotations

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

SALT = "semilla.outcomes.survey-link"
#: a link works this long after it was sent (the reminders send fresh ones)
LINK_MAX_AGE = datetime.timedelta(days=30)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _value(response) -> str:
    return f"{response.pk}.{response.wave_id}.{response.participant.user_id}"


def make_token(response) -> str:
    return signing.TimestampSigner(salt=SALT).sign(_value(response))


def link_path(response, *, language: str = "es") -> str:

    with translation.override(language):
        return reverse("outcomes:answer", kwargs={"token": make_token(response)})


def read_token(token: str) -> tuple[int, int, int]:
    """(answer id, wave id, person id) named by ``token``; raises LinkExpired or
    LinkInvalid."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    try:
        response_id, wave_id, user_id = (int(part) for part in value.split("."))
    except ValueError as exc:
        raise LinkInvalid from exc
    return response_id, wave_id, user_id


def link_works_until(token: str) -> datetime.date:
    """The last whole day on which ``token`` (already read by ``read_token``) still opens
    its answer, in the active time zone: the day before it is ``LINK_MAX_AGE`` old."""
    signer = signing.TimestampSigner(salt=SALT)
    signed = signing.Signer.unsign(signer, token)  # the signature only; the age is read here
    sent_at = signing.b62_decode(signed.rsplit(signer.sep, 1)[1])
    expires = datetime.datetime.fromtimestamp(sent_at, tz=datetime.UTC) + LINK_MAX_AGE
    return timezone.localdate(expires) - datetime.timedelta(days=1)
