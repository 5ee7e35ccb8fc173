"""Every message notify() can send, rendered for an English reader in Madrid and a Spanish
reader in Caracas, end to end through the chokepoint (the e-mail the task sends and the
short text of the notification centre): the reader's language, the reader's time zone,
links to the reader's language, no ISO date.

The context is one table of sample values by variable name (as JSON contexts carry them:
instants and days as ISO strings, paths with the sender's language prefix); a template that
uses a variable without a sample fails (add the sample here).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from semilla.adapters import ACCOUNT_EMAIL_TEMPLATE
from semilla.models import Notification
from semilla.notifications import notify
from tests.factories import UserFactory
from tests.voice.checks import ADDRESS, ENGLISH, ISO_DATE, WORD

ROOT = Path(__file__).resolve().parents[2]

#: 21:20 UTC: 4:20 p.m. in Bogotá, 10:20 p.m. in Madrid, 5:20 p.m. in Caracas.
INSTANT = "2026-12-11T21:20:00+00:00"
DAY = "2026-12-11"

SAMPLES = {
    # people, places and things people typed (neutral in both languages)
    "name": "Ana",
    "participant_name": "Ana",
    "mentor_name": "Luis",
    "mentor": "Luis",
    "actor": "Luis",
    "partner": "Acme",
    "organisation": "Acme",
    "business": "Arepas Ana",
    "cohort": "Cúcuta 2027",
    "cohort_name": "Cúcuta 2027",
    "cohort_format": "mixed",
    "cohort_city": "Cúcuta",
    "event": "Pitch 2027",
    "title": "Pitch 2027",
    "milestone": "MVP",
    "place": "Cúcuta",
    "city": "Cúcuta",
    "location": "Cúcuta",
    "topic": "CRM",
    "wave": "6",
    "feedback": "OK",
    "reason": "OK",
    "note": "OK",
    "message": "OK",
    "response": "OK",
    "error": "OK",
    "change": "IBAN",
    "destination": "****1234",
    "kind": "OK",
    "status": "OK",
    "subject": "OK",
    "body": "OK",
    "reference": "SEM-1",
    "number": "SEM-1",
    "code": "123456",
    "email": "ana@example.org",
    "score": 87,
    "count": 2,
    "people": 2,
    "threshold": 2,
    "days": 2,
    "minutes": 30,
    "amount": 150000000,
    "currency": "COP",
    "approved": True,
    "first": True,
    "new_account": True,
    "match_id": 1,
    "event_id": 1,
    "report_id": 1,
    "request_id": 1,
    # instants and days, as a task's JSON context carries them
    "starts_at": INSTANT,
    "respond_by": INSTANT,
    "deadline": INSTANT,
    "when": INSTANT,
    "due_on": DAY,
    "starts_on": DAY,
    "closes_on": DAY,
    "removal_on": DAY,
    "today": DAY,
    "timezone": "",  # the booking's zone: the recipient's when empty (set per reader below)
    # paths, in the language of whoever triggered the message
    "url": "/es/cohortes/",
    "link": "/es/resultados/",
    "guides": [
        {"id": 1, "title": "KYR", "review_by": DAY, "edit_path": "/admin/", "overdue": True}
    ],
    "requests": [{"id": 1, "due_on": DAY, "overdue": True}],
}

#: Spanish words that are not English words: one of them in an English message is a string
#: that missed its translation or a Spanish fragment written into a template.
SPANISH = set(
    """
    el la los las del tu tus su sus para con que por una uno unos hola gracias aquí hasta
    antes después desde cuando donde tienes puedes puede fecha hora sesión sesiones
    mentoría mentora postulación cohorte programa equipo cuenta correo datos
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo de en es y o al mi mis te ti
    """.split()
)
#: Words that read the same in both languages, or are names.
BOTH = {"semilla", "pitch", "ok", "mvp", "crm", "iban", "kyr", "sem", "acme", "ana", "luis"}


def _templates() -> list[str]:
    """Every message template of ours (``emails/<name>_subject.txt``), as notify() names it."""
    names = set()
    for path in ROOT.glob("*/templates/emails/**/*_subject.txt"):
        if ".venv" in path.parts:
            continue
        inside = path.as_posix().split("/templates/emails/", 1)[1]
        names.add(inside.removesuffix("_subject.txt"))
    # allauth's messages are rendered by allauth (site/templates/account/email/) and only
    # carried by this pair; test_voice checks them
    names.discard(ACCOUNT_EMAIL_TEMPLATE)
    return sorted(names)


TEMPLATES = _templates()
pytestmark = pytest.mark.django_db


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(ADDRESS.sub(" ", text))} - BOTH


def _render_for(user, template: str, capture) -> list[str]:
    """What ``user`` reads of ``template``: the e-mail (subject, text and HTML) and the
    notification centre's entry, sent through notify()."""
    mail.outbox.clear()
    with capture(execute=True):
        notify(user=user, template=template, context=dict(SAMPLES), kind="account")
    texts = []
    for message in mail.outbox:
        texts += [message.subject, message.body]
        texts += [content for content, _type in getattr(message, "alternatives", [])]
    texts += [f"{n.title} {n.text}" for n in Notification.objects.filter(user=user)]
    Notification.objects.filter(user=user).delete()
    return texts


def test_message_templates_are_found():
    assert len(TEMPLATES) > 40
    assert "cohorts/offer" in TEMPLATES and "mentors/booking_confirmed" in TEMPLATES


def _problems(user, capture, *, other_prefix: str, foreign: set[str]) -> dict[str, list[str]]:
    """For each template, what ``user`` should not read in it."""
    problems = {}
    for template in TEMPLATES:
        texts = _render_for(user, template, capture)
        whole = "\n".join(texts)
        found = [
            *([] if texts else ["nothing rendered"]),
            *ISO_DATE.findall(whole),
            *re.findall(rf"{other_prefix}(?:/|\b)", whole),
            *(["4:20 (Bogotá's time)"] if "4:20" in whole else []),
            *sorted(_words(whole) & foreign),
        ]
        if found:
            problems[template] = found
    return problems


def test_message_for_english_reader_in_madrid_is_english_in_madrid_time(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="en", timezone="Europe/Madrid", email="reader@example.org")
    problems = _problems(
        user, django_capture_on_commit_callbacks, other_prefix="/es", foreign=SPANISH
    )
    assert problems == {}


def test_message_for_spanish_reader_in_caracas_is_spanish_in_caracas_time(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="es", timezone="America/Caracas", email="lectora@example.org")
    problems = _problems(
        user, django_capture_on_commit_callbacks, other_prefix="/en", foreign=ENGLISH
    )
    assert problems == {}


def test_message_instant_reads_in_the_readers_zone_and_language(
    django_capture_on_commit_callbacks,
):
    english = UserFactory(language="en", timezone="Europe/Madrid", email="reader@example.org")
    spanish = UserFactory(language="es", timezone="America/Caracas", email="lectora@example.org")
    english_text = "\n".join(
        _render_for(english, "cohorts/offer", django_capture_on_commit_callbacks)
    )
    spanish_text = "\n".join(
        _render_for(spanish, "cohorts/offer", django_capture_on_commit_callbacks)
    )
    assert "11 December 2026, 10:20 p.m. (Europe/Madrid time)" in english_text
    assert "11 de diciembre de 2026, 5:20 p.m. (hora de America/Caracas)" in spanish_text


def test_message_link_is_in_the_readers_language(django_capture_on_commit_callbacks):
    english = UserFactory(language="en", timezone="Europe/Madrid")
    text = "\n".join(
        _render_for(english, "privacy/export_ready", django_capture_on_commit_callbacks)
        + _render_for(english, "cohorts/submitted", django_capture_on_commit_callbacks)
    )
    assert f"{settings.SITE_URL.rstrip('/')}/en/mis-datos/" in text
    assert f"{settings.SITE_URL.rstrip('/')}/en/cohortes/" in text
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=english, template="cohorts/submitted", context=dict(SAMPLES))
    assert Notification.objects.get(user=english).url == "/en/cohortes/"
